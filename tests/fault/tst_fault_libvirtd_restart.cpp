// libvirtd restarted 10 times while the app records: no crash, sampling resumes within 10 s of
// each return, and every poll the monitor handed to the history is in the database afterwards.
// Each daemon stop is short (stop, start at once): the iterations stay fast while the count is
// the full ten.
#include "FaultSupport.h"
#include "HistoryTestSupport.h"
#include "TestBed.h"
#include "TestMain.h"
#include "history/HistoryStore.h"
#include "monitor/MonitoredHost.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::e2e;

class TestFaultLibvirtdRestart : public QObject {
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
        if (m_stopped)
            runTestBedScript(*m_bed, QStringLiteral("libvirtd-start"));
    }

    void tenRestartsWhileRecording() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        QSet<QString> handedOver; // "uuid@second" of every running guest's poll
        QElapsedTimer total;
        total.start();
        QList<qint64> resumedMs;
        {
            HistoryOptions options;
            options.path = path;
            HistoryStore store(options);
            QVERIFY(test::openAndWait(store));
            MonitorConfig config;
            config.uri = m_bed->uri;
            config.intervalSeconds = 1;
            MonitoredHost host(config, std::make_shared<NoCredentials>());
            connect(host.worker(), &HostMonitor::cycleReady, &store, &HistoryStore::record);
            connect(host.worker(), &HostMonitor::cycleReady, this, [&](const PollCycle &cycle) {
                for (const MemorySample &s : cycle.samples) {
                    if (isActive(s.state))
                        handedOver.insert(s.uuid + QLatin1Char('@') +
                                          QString::number(s.timeMs / 1000));
                }
            });
            QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
            QSignalSpy statuses(host.worker(), &HostMonitor::statusChanged);
            host.start();
            QVERIFY(waitForStatus(statuses, HostStatus::State::Connected, 20000));
            QVERIFY(cycles.wait(10000) || !cycles.isEmpty());

            for (int i = 1; i <= 10; ++i) {
                statuses.clear();
                m_stopped = true;
                if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("libvirtd-stop")))
                    QFAIL(qPrintable(*failure));
                QVERIFY2(waitForStatus(statuses, HostStatus::State::Disconnected, 10000),
                         qPrintable(QStringLiteral("restart %1: no disconnect seen").arg(i)));
                if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("libvirtd-start")))
                    QFAIL(qPrintable(*failure));
                m_stopped = false;
                QElapsedTimer back;
                back.start();
                cycles.clear();
                QVERIFY2(
                    waitForCycle(
                        cycles, [](const PollCycle &c) { return !c.samples.isEmpty(); }, 10000),
                    qPrintable(QStringLiteral("restart %1: no poll within 10 s").arg(i)));
                resumedMs.append(back.elapsed());
                QVERIFY(back.elapsed() <= 10000);
            }
            // One more poll after the last return, then stop: the store writes what it got.
            cycles.clear();
            QVERIFY(cycles.wait(5000));
            host.stop();
            QVERIFY(store.waitForIdle());
        }
        QStringList resumed;
        for (qint64 ms : std::as_const(resumedMs))
            resumed.append(QString::number(ms));
        qInfo("sampling resumed after each return in %s ms; %lld s in all",
              qPrintable(resumed.join(QLatin1Char(' '))), total.elapsed() / 1000);

        QCOMPARE(fault::integrityCheck(path), QStringLiteral("ok"));
        const QSet<QString> stored = fault::storedKeys(path, m_bed->uri);
        QSet<QString> lost = handedOver;
        lost.subtract(stored);
        qInfo("%lld guest polls handed over, %lld stored, %lld lost", qlonglong(handedOver.size()),
              qlonglong(stored.size()), qlonglong(lost.size()));
        QVERIFY(handedOver.size() > 10 * 6);
        QVERIFY2(lost.isEmpty(), qPrintable(QStringList(lost.values()).join(QLatin1Char(' '))));
    }
};

BS_TEST_MAIN(TestFaultLibvirtdRestart)
#include "tst_fault_libvirtd_restart.moc"
