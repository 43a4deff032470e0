#include "TestMain.h"
#include "TestSupport.h"
#include "monitor/MonitoredHost.h"
#include "readiness/ReadinessCollector.h"

#include <QDateTime>
#include <QSignalSpy>

using namespace bs;

namespace {

// A test-driver host with three guests (tests/fixtures/testdriver/readiness-node.xml): no
// period, model='none', and a Windows guest with period 1 whose static last_update never moves.
QString nodeUri() {
    return QStringLiteral("test://") +
           test::fixturePath(QStringLiteral("testdriver/readiness-node.xml"));
}

const QString StaleUuid = QStringLiteral("33333333-3333-4333-8333-333333333333");

MonitorConfig config(int interval = 1) {
    MonitorConfig c;
    c.uri = nodeUri();
    c.intervalSeconds = interval;
    return c;
}

const ReadinessReport *byName(const QList<ReadinessReport> &reports, const QString &name) {
    for (const ReadinessReport &r : reports) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

QList<ReadinessReport> finishedReports(QSignalSpy &finished) {
    return finished.first().first().value<QList<ReadinessReport>>();
}

} // namespace

// The collector against libvirt's test driver: real libvirt calls on the host's worker thread,
// real poll cycles, the verdicts the test driver can produce.
class TestReadinessCollector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void watchesUntilDecided() {
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        ReadinessCollector collector(&host);
        QSignalSpy ready(&collector, &ReadinessCollector::reportReady);
        QSignalSpy finished(&collector, &ReadinessCollector::finished);
        QSignalSpy watching(&collector, &ReadinessCollector::watching);
        host.start();
        ReadinessRequest request;
        request.maxWaitSeconds = 30;
        QElapsedTimer timer;
        timer.start();
        collector.start(request);
        QVERIFY(collector.isRunning());

        // The guests that need no watching come at once.
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 3000);
        QVERIFY(finished.isEmpty());
        QVERIFY(collector.heldObservations() > 0); // watching needs them
        QVERIFY(!watching.isEmpty());
        QCOMPARE(watching.first().at(1).toInt(), 1);
        QVERIFY(watching.first().at(0).toInt() <= 4); // period 1: 2 × 1 + 2 s

        QVERIFY(finished.wait(15000));
        QVERIFY2(timer.elapsed() < 10000, "period 1 s: decided in about 4 s, not at the 30 s cap");
        QVERIFY(!collector.isRunning());
        const auto reports = finishedReports(finished);
        QCOMPARE(reports.size(), 3);
        QCOMPARE(reports.at(0).name, QStringLiteral("noballoon")); // sorted by name
        QCOMPARE(byName(reports, QStringLiteral("noballoon"))->verdict, Verdict::NoBalloonDevice);
        QCOMPARE(byName(reports, QStringLiteral("noperiod"))->verdict, Verdict::PollingOff);
        const ReadinessReport *stale = byName(reports, QStringLiteral("stale win"));
        QVERIFY(stale);
        QCOMPARE(stale->verdict, Verdict::NotDelivering);
        QCOMPARE(stale->osFamily, OsFamily::Windows);
        QCOMPARE(stale->uuid, StaleUuid);
        QCOMPARE(stale->hostId, nodeUri());
        QVERIFY(stale->observedSeconds >= 4.0);
        QVERIFY(!stale->agentUsed);
        QCOMPARE(ready.size(), 3);
        // Between runs the collector (one per watched host) holds nothing.
        QCOMPARE(collector.heldObservations(), 0);
    }

    void instantFromRecentSamples() {
        MonitoredHost host(config(3), std::make_shared<NoCredentials>());
        ReadinessCollector collector(&host);
        QSignalSpy finished(&collector, &ReadinessCollector::finished);
        host.start();

        // What the GUI already has: the monitor's samples of the last few seconds, one per 3 s
        // poll, 9 s of them: more than the report grace of a 1 s period at that poll
        // (ReportTiming: 2·1 + 3 + 1 = 6 s), so no waiting.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        ReadinessRequest request;
        request.guests = {QStringLiteral("stale win")};
        for (int ago : {11, 8, 5, 2}) {
            MemorySample s;
            s.uuid = StaleUuid;
            s.timeMs = now - ago * 1000;
            s.state = DomainState::Running;
            s.stats.actual = 1048576;
            s.stats.lastUpdate = 627319920;
            request.recentSamples << s;
        }
        QElapsedTimer timer;
        timer.start();
        collector.start(request);
        QVERIFY(finished.wait(5000));
        QVERIFY(timer.elapsed() < 3000);
        const auto reports = finishedReports(finished);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().verdict, Verdict::NotDelivering);
        QCOMPARE(collector.heldObservations(), 0);
    }

    void instantWithoutHistoryIsUndecided() {
        MonitoredHost host(config(3600), std::make_shared<NoCredentials>());
        ReadinessCollector collector(&host);
        QSignalSpy finished(&collector, &ReadinessCollector::finished);
        host.start();
        ReadinessRequest request;
        request.guests = {StaleUuid}; // by UUID
        collector.start(request);
        QVERIFY(finished.wait(5000));
        const ReadinessReport r = finishedReports(finished).first();
        QCOMPARE(r.name, QStringLiteral("stale win"));
        QCOMPARE(r.verdict, Verdict::Unknown);
        QCOMPARE(r.decidingCheck, std::optional<CheckId>(CheckId::LastUpdateAdvancing));
        QVERIFY(!r.nextStep.isEmpty()); // "check again in about N s"
    }

    void unknownGuest() {
        MonitoredHost host(config(3600), std::make_shared<NoCredentials>());
        ReadinessCollector collector(&host);
        QSignalSpy finished(&collector, &ReadinessCollector::finished);
        host.start();
        ReadinessRequest request;
        request.guests = {QStringLiteral("nosuch"), QStringLiteral("noperiod")};
        collector.start(request);
        QVERIFY(finished.wait(5000));
        const auto reports = finishedReports(finished);
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports.at(0).name, QStringLiteral("nosuch"));
        QCOMPARE(reports.at(0).verdict, Verdict::Unknown);
        QVERIFY(reports.at(0).reason.contains(QLatin1String("nosuch")));
        QVERIFY(reports.at(0).checks.isEmpty());
        QCOMPARE(reports.at(1).verdict, Verdict::PollingOff);
    }

    // A run decided at once emits its reports a few per pass of the event loop, so what else
    // waits (a paint, another host's poll) runs between them; finished() still has them all.
    void reportsComeInPasses() {
        MonitoredHost host(config(3600), std::make_shared<NoCredentials>());
        ReadinessCollector collector(&host);
        collector.setReportsPerPass(1);
        QSignalSpy finished(&collector, &ReadinessCollector::finished);
        // Each report posts a marker; it runs before the last report only if the collector went
        // back to the event loop in between (one at once: 3, 3, 3).
        int reports = 0;
        QList<int> reportsWhenMarkerRan;
        connect(&collector, &ReadinessCollector::reportReady, this, [&] {
            ++reports;
            QMetaObject::invokeMethod(
                this, [&] { reportsWhenMarkerRan.append(reports); }, Qt::QueuedConnection);
        });
        host.start();
        collector.start({}); // every guest, decided now
        QVERIFY(finished.wait(5000));
        QCOMPARE(finishedReports(finished).size(), 3);
        QTRY_COMPARE(reportsWhenMarkerRan.size(), 3);
        QVERIFY2(reportsWhenMarkerRan.first() < 3,
                 qPrintable(QString::number(reportsWhenMarkerRan.first())));
    }

    void agentOnADriverWithoutAgentCommands() {
        // The test driver has no virDomainQemuAgentCommand: the agent checks say so, the
        // verdicts stay the host's.
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        ReadinessCollector collector(&host);
        QSignalSpy finished(&collector, &ReadinessCollector::finished);
        host.start();
        ReadinessRequest request;
        request.agentChecks = true;
        request.maxWaitSeconds = 30;
        collector.start(request);
        QVERIFY(finished.wait(15000));
        const auto reports = finishedReports(finished);
        const ReadinessReport *stale = byName(reports, QStringLiteral("stale win"));
        QVERIFY(stale);
        QCOMPARE(stale->verdict, Verdict::NotDelivering);
        // One command went out and libvirt refused it before the agent: no taint.
        QVERIFY(!stale->agentUsed);
        const ReadinessCheck *info = stale->check(CheckId::AgentInfo);
        QVERIFY(info);
        QCOMPARE(info->status, CheckStatus::Unknown);
        QVERIFY2(info->evidence.contains(QLatin1String("virDomainQemuAgentCommand")),
                 qPrintable(info->evidence));
        QVERIFY(!stale->check(CheckId::WindowsBalloonService)); // not asked after that
        // No channel: not asked at all, and it says why.
        const ReadinessReport *noperiod = byName(reports, QStringLiteral("noperiod"));
        QVERIFY(!noperiod->agentUsed);
        QVERIFY(noperiod->check(CheckId::AgentInfo)->evidence.contains(QLatin1String("channel")));
    }

    void notConnected() {
        MonitoredHost host(config(), std::make_shared<NoCredentials>()); // never started
        ReadinessCollector collector(&host);
        QSignalSpy failed(&collector, &ReadinessCollector::failed);
        QSignalSpy finished(&collector, &ReadinessCollector::finished);
        collector.start({});
        QVERIFY(failed.wait(5000));
        QVERIFY(finished.isEmpty());
        QVERIFY(!collector.isRunning());
    }

    void cancelStopsTheRun() {
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        ReadinessCollector collector(&host);
        QSignalSpy ready(&collector, &ReadinessCollector::reportReady);
        QSignalSpy finished(&collector, &ReadinessCollector::finished);
        host.start();
        ReadinessRequest request;
        request.maxWaitSeconds = 30;
        collector.start(request);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 3000);
        collector.cancel();
        QVERIFY(!finished.wait(6000)); // the stale guest would have been decided by now
        QCOMPARE(ready.size(), 2);
    }

    void collectorDestroyedWhileTheJobRuns() {
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        host.start();
        {
            ReadinessCollector collector(&host);
            collector.start({});
        } // the job still runs on the host's thread, with nobody to tell
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QVERIFY(cycles.wait(5000)); // the host is fine
    }
};

BS_TEST_MAIN(TestReadinessCollector)
#include "tst_readinesscollector.moc"
