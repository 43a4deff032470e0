// libvirtd restarted under a running monitor: "disconnected" is reported, and sampling resumes
// within 10 s of the daemon being back. The guests keep running meanwhile (QEMU does not depend
// on libvirtd), so their reports carry on too.
#include "TestBed.h"
#include "TestMain.h"
#include "monitor/MonitoredHost.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace bs;
using namespace bs::e2e;

class TestE2eRestart : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    bool m_stopped = false;

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
    }

    void cleanupTestCase() {
        // Whatever failed, leave the bed with its daemon running.
        if (m_stopped)
            runTestBedScript(*m_bed, QStringLiteral("libvirtd-start"));
    }

    void libvirtdRestartIsSurvived() {
        MonitorConfig config;
        config.uri = m_bed->uri;
        config.intervalSeconds = 2;
        MonitoredHost host(config, std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy statuses(host.worker(), &HostMonitor::statusChanged);
        host.start();
        QVERIFY(waitForStatus(statuses, HostStatus::State::Connected, 20000));
        QVERIFY(cycles.wait(10000) || !cycles.isEmpty());

        statuses.clear();
        m_stopped = true;
        if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("libvirtd-stop")))
            QFAIL(qPrintable(*failure));
        HostStatus down;
        QVERIFY2(waitForStatus(statuses, HostStatus::State::Disconnected, 10000, &down),
                 "the monitor did not report the lost daemon");
        QVERIFY(!down.reason.isEmpty());
        QVERIFY(down.nextRetryMs > 0);

        if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("libvirtd-start")))
            QFAIL(qPrintable(*failure));
        m_stopped = false;
        QElapsedTimer back;
        back.start();
        cycles.clear();
        const QString sawtooth = m_bed->guest(QStringLiteral("sawtooth"));
        QVERIFY2(waitForCycle(
                     cycles,
                     [&](const PollCycle &c) {
                         const MemorySample *s = findGuest(c, sawtooth);
                         return s && s->stats.actual.has_value();
                     },
                     10000),
                 "sampling did not resume within 10 s of libvirtd being back");
        QVERIFY(back.elapsed() <= 10000);
        qInfo("sampling resumed %lld ms after libvirtd was back", back.elapsed());
    }
};

BS_TEST_MAIN(TestE2eRestart)
#include "tst_e2e_restart.moc"
