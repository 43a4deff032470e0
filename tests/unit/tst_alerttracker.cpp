#include "TestMain.h"
#include "health/AlertTracker.h"
#include "health/HealthWatch.h"

#include <QSignalSpy>
#include <QTest>

using namespace bs;

// Alerts from successive evaluations: raised once, escalated or eased while they hold, cleared
// when gone; the watchdog that feeds them from poll cycles (and says when a guest's readiness
// verdict changes); the rules' levels written to settings and read back.
namespace {

const QString Host = QStringLiteral("qemu:///system");
const QString Uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
constexpr qint64 T0 = 1'800'000'000'000;

HealthFinding finding(const QString &condition, Severity severity) {
    HealthFinding f;
    f.rule = HealthRule::GuestStale;
    f.severity = severity;
    f.hostId = Host;
    f.condition = condition;
    f.message = condition;
    return f;
}

// A cycle with one running guest whose report is `ageSeconds` old (stats period 2 s), with its
// figures when it is reporting.
PollCycle cycle(qint64 timeMs, qint64 ageSeconds, StatsState state) {
    PollCycle c;
    c.hostId = Host;
    c.timeMs = timeMs;
    MemorySample s;
    s.hostId = Host;
    s.uuid = Uuid;
    s.name = QStringLiteral("vm1");
    s.timeMs = timeMs;
    s.state = DomainState::Running;
    s.statsState = state;
    s.balloon.model = BalloonModel::Virtio;
    s.balloon.period = 2;
    s.balloon.freePageReporting = true;
    s.stats.actual = 192 * 1024;
    s.stats.lastUpdate = timeMs / 1000 - ageSeconds;
    if (state == StatsState::Reporting) { // a report with the guest's figures
        s.freshReport = true;
        s.stats.available = 140 * 1024;
        s.stats.usable = 100 * 1024;
    }
    c.samples = {s};
    return c;
}

} // namespace

class TestAlertTracker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void raisedOnceThenClearedWhenGone() {
        AlertTracker t;
        auto changes = t.update(Host, {finding(QStringLiteral("a"), Severity::Warning)}, T0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, AlertChange::Kind::Raised);
        // The same condition again: nothing new, the time it was raised stays.
        changes = t.update(Host, {finding(QStringLiteral("a"), Severity::Warning)}, T0 + 5000);
        QVERIFY(changes.isEmpty());
        QCOMPARE(t.active(Host).size(), 1);
        QCOMPARE(t.active(Host)[0].sinceMs, T0);
        changes = t.update(Host, {finding(QStringLiteral("a"), Severity::Critical)}, T0 + 10000);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, AlertChange::Kind::Escalated);
        changes = t.update(Host, {finding(QStringLiteral("a"), Severity::Warning)}, T0 + 15000);
        QCOMPARE(changes[0].kind, AlertChange::Kind::Eased);
        changes = t.update(Host, {}, T0 + 20000);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, AlertChange::Kind::Cleared);
        QVERIFY(t.active(Host).isEmpty());
    }

    void hostsAreSeparateAndOrdered() {
        AlertTracker t;
        t.update(Host, {finding(QStringLiteral("w"), Severity::Warning)}, T0);
        t.update(Host,
                 {finding(QStringLiteral("w"), Severity::Warning),
                  finding(QStringLiteral("c"), Severity::Critical),
                  finding(QStringLiteral("n"), Severity::Info)},
                 T0 + 1000);
        t.update(QStringLiteral("test:///default"),
                 {finding(QStringLiteral("x"), Severity::Warning)}, T0);
        const auto active = t.active(Host);
        QCOMPARE(active.size(), 3);
        QCOMPARE(active[0].finding.condition, QStringLiteral("c"));
        QCOMPARE(active[2].finding.condition, QStringLiteral("n"));
        const auto cleared = t.removeHost(Host, T0 + 2000);
        QCOMPARE(cleared.size(), 3);
        QVERIFY(t.active(Host).isEmpty());
        QCOMPARE(t.active(QStringLiteral("test:///default")).size(), 1);
    }

    void watchRaisesAndClearsFromCycles() {
        HealthWatch watch;
        QSignalSpy alerts(&watch, &HealthWatch::alertsChanged);
        QSignalSpy verdicts(&watch, &HealthWatch::verdictChanged);
        watch.addCycle(cycle(T0, 1, StatsState::Reporting));
        QCOMPARE(alerts.count(), 0); // fresh: nothing to say
        // 10 s without a report (5 periods): stale; and no longer reporting: a regression.
        watch.addCycle(cycle(T0 + 10000, 10, StatsState::Stale));
        QCOMPARE(alerts.count(), 1);
        const auto raised = alerts.at(0).at(1).value<QList<AlertChange>>();
        QCOMPARE(raised.size(), 2);
        QCOMPARE(watch.active(Host).size(), 2);
        QCOMPARE(verdicts.count(), 1);
        QCOMPARE(verdicts.at(0).at(3).value<Verdict>(), Verdict::Ready);
        QCOMPARE(verdicts.at(0).at(4).value<Verdict>(), Verdict::NotDelivering);
        // Reports again: both clear.
        watch.addCycle(cycle(T0 + 12000, 0, StatsState::Reporting));
        QCOMPARE(alerts.count(), 2);
        const auto cleared = alerts.at(1).at(1).value<QList<AlertChange>>();
        QCOMPARE(cleared.size(), 2);
        for (const AlertChange &c : cleared)
            QCOMPARE(c.kind, AlertChange::Kind::Cleared);
        QCOMPARE(verdicts.count(), 2);
    }

    void watchUsesTheHostSampleAndItsThresholds() {
        HealthWatch watch;
        QSignalSpy alerts(&watch, &HealthWatch::alertsChanged);
        HostSample host;
        host.hostId = Host;
        host.total = 16 * 1024 * 1024;
        host.free = 600 * 1024;
        host.buffers = 0;
        host.cached = 0;
        watch.setHostSample(host);
        watch.addCycle(cycle(T0, 1, StatsState::Reporting));
        QCOMPARE(alerts.count(), 1);
        QCOMPARE(watch.active(Host)[0].finding.rule, HealthRule::HostAvailable);
        QCOMPARE(watch.active(Host)[0].finding.severity, Severity::Critical);
        HealthThresholds off;
        QVERIFY(off.apply(QStringLiteral("host_available=off")).isEmpty());
        watch.setThresholds(off);
        watch.addCycle(cycle(T0 + 2000, 1, StatsState::Reporting));
        QVERIFY(watch.active(Host).isEmpty());
        watch.removeHost(Host);
        QVERIFY(watch.hosts().isEmpty());
    }

    // The watchdog's "sustained" is the rule's whole time: a guest that swaps from the moment
    // the host connects is not "swapping for 20 s" after two polls, only after 20 s of them.
    void sustainedMeansTheWholeTimeFromConnection() {
        HealthWatch watch;
        HealthThresholds levels;
        for (const char *off : {"free_page_reporting=off", "stranded=off", "need_ratio=off"})
            QVERIFY(levels.apply(QLatin1String(off)).isEmpty());
        QVERIFY(levels.apply(QStringLiteral("swap_in=64@20")).isEmpty());
        watch.setThresholds(levels);
        const auto swapping = [](qint64 t) {
            PollCycle c = cycle(t, 0, StatsState::Reporting);
            c.samples[0].stats.swapIn = quint64((t - T0) / 1000) * 512; // 512 KiB/s
            return c;
        };
        for (qint64 t = T0; t <= T0 + 12000; t += 2000) {
            watch.addCycle(swapping(t));
            QVERIFY2(watch.active(Host).isEmpty(), qPrintable(QString::number(t - T0)));
        }
        for (qint64 t = T0 + 14000; t <= T0 + 40000; t += 2000)
            watch.addCycle(swapping(t));
        QCOMPARE(watch.active(Host).size(), 1);
        QCOMPARE(watch.active(Host)[0].finding.rule, HealthRule::SwapIn);
    }

    void levelsRoundTripThroughSettings() {
        HealthThresholds t;
        QCOMPARE(HealthThresholds::fromSpecs(t.toSpecs()), t);
        QVERIFY(t.apply(QStringLiteral("host_available=2G/15%:10%")).isEmpty());
        QVERIFY(t.apply(QStringLiteral("stale=4:12")).isEmpty());
        QVERIFY(t.apply(QStringLiteral("swap_in=100:2M@120")).isEmpty());
        QVERIFY(t.apply(QStringLiteral("need_ratio=85:-")).isEmpty());
        QVERIFY(t.apply(QStringLiteral("stranded=768M:3G")).isEmpty());
        QVERIFY(t.apply(QStringLiteral("free_page_reporting=warning")).isEmpty());
        QVERIFY(t.apply(QStringLiteral("signature=off")).isEmpty());
        const QStringList specs = t.toSpecs();
        QVERIFY(specs.contains(QStringLiteral("host_available=2G/15%:10%")));
        QVERIFY(specs.contains(QStringLiteral("stranded=768M:3G")));
        QVERIFY(specs.contains(QStringLiteral("swap_in=100:2048@120")));
        QVERIFY(specs.contains(QStringLiteral("signature=off")));
        QCOMPARE(HealthThresholds::fromSpecs(specs), t);
        QStringList errors;
        const HealthThresholds partly = HealthThresholds::fromSpecs(
            {QStringLiteral("stale=x"), QStringLiteral("stale=5")}, &errors);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(partly.staleWarningPeriods.value(), 5.0);
    }
};

BS_TEST_MAIN(TestAlertTracker)
#include "tst_alerttracker.moc"
