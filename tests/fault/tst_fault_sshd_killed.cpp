// The remote host's sshd killed (SIGKILL, listener and sessions) under a monitor on qemu+ssh:
// the monitor reports the host disconnected, keeps retrying without blocking anyone, and samples
// again within 15 s of sshd being back (the retry backoff tops out at 8 s).
#include "TestBed.h"
#include "TestMain.h"
#include "monitor/MonitoredHost.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace bs;
using namespace bs::e2e;

class TestFaultSshdKilled : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    bool m_killed = false;

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
    }

    void cleanupTestCase() {
        if (m_killed)
            runTestBedScript(*m_bed, QStringLiteral("sshd-start"));
    }

    void sshdKilledAndBack() {
        MonitorConfig config;
        config.uri = m_bed->sshUri;
        config.intervalSeconds = 1;
        MonitoredHost host(config, std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy statuses(host.worker(), &HostMonitor::statusChanged);
        host.start();
        QVERIFY(waitForStatus(statuses, HostStatus::State::Connected, 30000));
        QVERIFY(cycles.wait(10000) || !cycles.isEmpty());

        for (int i = 1; i <= 2; ++i) {
            statuses.clear();
            m_killed = true;
            if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("sshd-kill")))
                QFAIL(qPrintable(*failure));
            HostStatus down;
            QElapsedTimer noticed;
            noticed.start();
            // The ssh child dies with its connection: libvirt sees the stream close at once;
            // keepalive (5 s x 3) is the slower fallback.
            QVERIFY2(waitForStatus(statuses, HostStatus::State::Disconnected, 25000, &down),
                     "the monitor did not report the killed sshd");
            qInfo("round %d: disconnect reported after %lld ms: %s", i, noticed.elapsed(),
                  qPrintable(down.reason));
            // A few failed retries while sshd is away (connection refused).
            QTest::qWait(3000);
            if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("sshd-start")))
                QFAIL(qPrintable(*failure));
            m_killed = false;
            QElapsedTimer back;
            back.start();
            cycles.clear();
            QVERIFY2(waitForCycle(
                         cycles, [](const PollCycle &c) { return !c.samples.isEmpty(); }, 15000),
                     "sampling did not resume within 15 s of sshd being back");
            qInfo("round %d: sampling resumed %lld ms after sshd was back", i, back.elapsed());
        }
    }
};

BS_TEST_MAIN(TestFaultSshdKilled)
#include "tst_fault_sshd_killed.moc"
