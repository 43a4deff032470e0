#include "TestGuests.h"
#include "TestMain.h"
#include "ballooncontrol/StatsFlowWatch.h"
#include "monitor/MonitoredHost.h"

#include <QDateTime>
#include <QSignalSpy>

using namespace bs;
using namespace bs::test;

namespace {

const QString Uuid = QStringLiteral("0cc9f2f7-4b03-4b8f-969b-5cb6394c6c63");

MonitorConfig config(int interval = 1) {
    MonitorConfig c;
    c.uri = QStringLiteral("test:///default");
    c.intervalSeconds = interval;
    return c;
}

PollCycle cycleWith(StatsState state, bool fresh, qint64 timeMs = 0) {
    MemorySample s;
    s.hostId = QStringLiteral("test:///default");
    s.uuid = Uuid;
    s.name = QStringLiteral("web-01");
    s.timeMs = timeMs ? timeMs : QDateTime::currentMSecsSinceEpoch() + 1;
    s.state = DomainState::Running;
    s.statsState = state;
    s.freshReport = fresh;
    s.stats.lastUpdate = s.timeMs / 1000;
    PollCycle c;
    c.hostId = s.hostId;
    c.timeMs = s.timeMs;
    c.samples.append(s);
    return c;
}

StatsFlowVerdict lastVerdict(const QSignalSpy &spy) {
    return spy.constLast().at(0).value<StatsFlowVerdict>();
}

} // namespace

class TestStatsFlowWatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deadline() {
        QCOMPARE(StatsFlowWatch::deadlineSeconds(10, 5), 31); // ReportTiming: 26, + one poll
        QCOMPARE(StatsFlowWatch::deadlineSeconds(1, 1), 5);
        QCOMPARE(StatsFlowWatch::deadlineSeconds(0, 0), 5); // never below one period and poll
    }

    // Synthetic cycles: the verdict each monitor state leads to (the host is never started).
    void verdicts_data() {
        QTest::addColumn<QList<int>>("states"); // StatsState per cycle, fresh when Reporting
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("final");
        QTest::addColumn<QString>("messagePart");

        const auto s = [](StatsState st) {
            return int(st);
        };
        QTest::newRow("fresh report")
            << QList<int>{s(StatsState::Waiting), s(StatsState::Reporting)}
            << int(StatsFlowVerdict::Kind::Flowing) << true << "Stats are flowing";
        QTest::newRow("no driver")
            << QList<int>{s(StatsState::Waiting), s(StatsState::NoDriver)}
            << int(StatsFlowVerdict::Kind::NotFlowing) << true << "no balloon driver";
        QTest::newRow("no balloon")
            << QList<int>{s(StatsState::NoBalloon)} << int(StatsFlowVerdict::Kind::NotFlowing)
            << true << "no virtio balloon device";
        QTest::newRow("stopped") << QList<int>{s(StatsState::Inactive)}
                                 << int(StatsFlowVerdict::Kind::NotFlowing) << true
                                 << "not running";
        QTest::newRow("stale for now: keep waiting")
            << QList<int>{s(StatsState::Stale)} << int(StatsFlowVerdict::Kind::Waiting) << false
            << "nothing feeds it";
    }

    void verdicts() {
        QFETCH(QList<int>, states);
        QFETCH(int, kind);
        QFETCH(bool, final);
        QFETCH(QString, messagePart);
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        StatsFlowWatch watch(&host);
        QSignalSpy verdicts(&watch, &StatsFlowWatch::verdict);
        QSignalSpy settled(&watch, &StatsFlowWatch::allSettled);
        watch.watch(Uuid, QStringLiteral("web-01"), 10);
        QCOMPARE(watch.watching(), 1);
        QCOMPARE(verdicts.size(), 1); // "waiting up to ... s"
        QVERIFY(!lastVerdict(verdicts).final);
        for (int st : states) {
            const auto state = StatsState(st);
            watch.observe(cycleWith(state, state == StatsState::Reporting));
        }
        const StatsFlowVerdict v = lastVerdict(verdicts);
        QCOMPARE(int(v.kind), kind);
        QCOMPARE(v.final, final);
        QCOMPARE(v.uuid, Uuid);
        QCOMPARE(v.name, QStringLiteral("web-01"));
        QVERIFY2(v.message.contains(messagePart), qPrintable(v.message));
        QCOMPARE(watch.watching(), final ? 0 : 1);
        QCOMPARE(settled.size(), final ? 1 : 0);
    }

    void oldSamplesAndOtherGuestsAreIgnored() {
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        StatsFlowWatch watch(&host);
        QSignalSpy verdicts(&watch, &StatsFlowWatch::verdict);
        watch.watch(Uuid, QStringLiteral("web-01"), 10);
        // A report polled before the change does not prove the change worked.
        watch.observe(cycleWith(StatsState::Reporting, true, 1000));
        PollCycle other = cycleWith(StatsState::Reporting, true);
        other.samples[0].uuid = QStringLiteral("someone-else");
        watch.observe(other);
        QCOMPARE(verdicts.size(), 1);
        QCOMPARE(watch.watching(), 1);
    }

    void guestRemovedSettles() {
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        StatsFlowWatch watch(&host);
        QSignalSpy verdicts(&watch, &StatsFlowWatch::verdict);
        watch.watch(Uuid, QStringLiteral("web-01"), 10);
        watch.guestsRemoved(QStringLiteral("test:///default"), {Uuid});
        QVERIFY(lastVerdict(verdicts).final);
        QVERIFY(lastVerdict(verdicts).message.contains(QLatin1String("disappeared")));
    }

    void watchResultOnlyForLivePeriods() {
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        StatsFlowWatch watch(&host);
        GuestApplyResult result;
        result.uuid = Uuid;
        BalloonStep config;
        config.kind = BalloonStep::Kind::PersistentPeriod;
        config.period = 10;
        result.steps.append({config, StepResult::Outcome::Done, std::nullopt, {}});
        watch.watchResult(result);
        QCOMPARE(watch.watching(), 0); // a persistent change shows only after a restart
        BalloonStep live = config;
        live.kind = BalloonStep::Kind::LivePeriod;
        result.steps.append({live, StepResult::Outcome::Failed, std::nullopt, {}});
        watch.watchResult(result);
        QCOMPARE(watch.watching(), 0);
        result.steps.append({live, StepResult::Outcome::Done, std::nullopt, {}});
        watch.watchResult(result);
        QCOMPARE(watch.watching(), 1);
    }

    // The real monitor on the test driver: its last_update is frozen in 1989, so after the
    // period is set the guest is "stale" and the watch says so when the deadline passes. The
    // flowing case needs a real guest: the test bed's job.
    void testDriverGuestNeverReports() {
        ConnectHandle conn(virConnectOpen("test:///default"));
        ScopedTestGuest guest(conn.get(), {.name = QStringLiteral("bs-flow-stale")});
        QVERIFY(guest.ok());
        MonitoredHost host(config(1), std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        host.start();
        QVERIFY(cycles.wait(5000));
        QCOMPARE(virDomainSetMemoryStatsPeriod(guest.domain(), 1, VIR_DOMAIN_AFFECT_LIVE), 0);

        StatsFlowWatch watch(&host);
        QSignalSpy verdicts(&watch, &StatsFlowWatch::verdict);
        QSignalSpy settled(&watch, &StatsFlowWatch::allSettled);
        watch.watch(guest.uuid(), guest.name(), 1);
        QVERIFY(settled.wait((StatsFlowWatch::deadlineSeconds(1, 1) + 3) * 1000));
        const StatsFlowVerdict v = lastVerdict(verdicts);
        QCOMPARE(v.kind, StatsFlowVerdict::Kind::NotFlowing);
        QCOMPARE(v.state, StatsState::Stale);
        QCOMPARE(v.message, statsStateExplanation(StatsState::Stale));
    }
};

BS_TEST_MAIN(TestStatsFlowWatch)
#include "tst_statsflowwatch.moc"
