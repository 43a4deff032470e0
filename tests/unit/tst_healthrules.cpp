#include "TestMain.h"
#include "health/GuestRules.h"
#include "health/HealthEvaluator.h"
#include "health/PluginOutput.h"
#include "health/PressureRates.h"
#include "health/SignatureRules.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <functional>
#include <limits>

using namespace bs;

// The balloon-health rules over recorded series: each rule with a case that fires and one that
// must not, the levels and their parsing, and the order the evaluator lists findings in.
namespace {

constexpr qint64 MiB = 1024;
constexpr qint64 GiB = 1024 * 1024;
const QString Host = QStringLiteral("qemu:///system");
constexpr qint64 T0 = 1'800'000'000'000; // ms since the epoch

// What one poll of a guest carried. Sizes KiB; `update`: last_update in s (0 = none).
struct Poll {
    qint64 t = 0; // s after T0
    qint64 update = 0;
    qint64 actual = 192 * MiB;
    std::optional<qint64> available;
    std::optional<qint64> usable;
    std::optional<qint64> rss;
    std::optional<qint64> swapIn;
    std::optional<qint64> majorFault;
    StatsState state = StatsState::Reporting;
};

// A poll at `t` s (designated initialisers would warn about the members left out).
Poll pollAt(qint64 t, qint64 actual = 192 * MiB) {
    Poll p;
    p.t = t;
    p.actual = actual;
    return p;
}

// A poll whose report (last_update `update`) came without a figure.
Poll updateAt(qint64 t, qint64 update, StatsState state = StatsState::Reporting) {
    Poll p = pollAt(t);
    p.update = update;
    p.state = state;
    return p;
}

MemorySample sampleOf(const Poll &p, bool fresh) {
    MemorySample s;
    s.hostId = Host;
    s.uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
    s.name = QStringLiteral("vm1");
    s.timeMs = T0 + p.t * 1000;
    s.state = DomainState::Running;
    s.statsState = p.state;
    s.freshReport = fresh;
    s.balloon.model = BalloonModel::Virtio;
    s.balloon.period = 5;
    s.stats.actual = quint64(p.actual);
    s.stats.maximum = quint64(192 * MiB);
    if (p.rss)
        s.stats.rss = quint64(*p.rss);
    if (p.update > 0)
        s.stats.lastUpdate = p.update;
    if (fresh) {
        if (p.available)
            s.stats.available = quint64(*p.available);
        if (p.usable)
            s.stats.usable = quint64(*p.usable);
        if (p.swapIn)
            s.stats.swapIn = quint64(*p.swapIn);
        if (p.majorFault)
            s.stats.majorFault = quint64(*p.majorFault);
    }
    return s;
}

// A guest reporting at every poll (last_update = the poll's time) with these figures.
QList<MemorySample> reportingPolls(const QList<Poll> &polls) {
    QList<MemorySample> samples;
    for (Poll p : polls) {
        if (p.update == 0)
            p.update = T0 / 1000 + p.t;
        samples.append(sampleOf(p, true));
    }
    return samples;
}

GuestWindow windowOf(const QList<MemorySample> &samples) {
    GuestWindow w = GuestWindow::of(samples);
    w.hostId = Host;
    w.uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
    w.name = QStringLiteral("vm1");
    return w;
}

// The same, with the polls edited before they enter the window.
GuestWindow reporting(const QList<Poll> &polls,
                      const std::function<void(QList<MemorySample> &)> &edit = {}) {
    QList<MemorySample> samples = reportingPolls(polls);
    if (edit)
        edit(samples);
    return windowOf(samples);
}

qint64 at(qint64 seconds) {
    return T0 + seconds * 1000;
}

NodeMemory host(qint64 totalKiB, qint64 availableKiB) {
    NodeMemory m;
    m.total = quint64(totalKiB);
    m.free = quint64(availableKiB / 2);
    m.buffers = 0;
    m.cached = quint64(availableKiB - availableKiB / 2);
    return m;
}

// Swap-in counters growing by `kibPerSecond` over polls every 10 s from 0 to `seconds`.
QList<Poll> swapping(double kibPerSecond, int seconds, int from = 0) {
    QList<Poll> polls;
    for (int t = from; t <= seconds; t += 10) {
        Poll p = pollAt(t);
        p.available = 150 * MiB;
        p.usable = 100 * MiB;
        p.swapIn = qint64(kibPerSecond * (t - from));
        polls.append(p);
    }
    return polls;
}

} // namespace

class TestHealthRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostAvailableFloors_data() {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("available");
        QTest::addColumn<int>("severity");
        // max(1 GiB, 10 %) warns, max(512 MiB, 5 %) is critical.
        QTest::newRow("big host, plenty") << 16 * GiB << 4 * GiB << int(Severity::Ok);
        QTest::newRow("big host, under 10 %") << 16 * GiB << 1200 * MiB << int(Severity::Warning);
        QTest::newRow("big host, under 5 %") << 16 * GiB << 700 * MiB << int(Severity::Critical);
        QTest::newRow("small host, 1 GiB floor") << 4 * GiB << 900 * MiB << int(Severity::Warning);
        QTest::newRow("small host, above floor") << 4 * GiB << 1100 * MiB << int(Severity::Ok);
        QTest::newRow("small host, 512 MiB") << 4 * GiB << 500 * MiB << int(Severity::Critical);
    }
    void hostAvailableFloors() {
        QFETCH(qint64, total);
        QFETCH(qint64, available);
        QFETCH(int, severity);
        HealthInput input;
        input.hostId = Host;
        input.hostMemory = host(total, available);
        const HealthResult r = evaluateHealth(input, HealthThresholds{});
        QCOMPARE(int(r.worst()), severity);
        QCOMPARE(r.figures.size(), 1);
        QCOMPARE(r.figures[0].label, QStringLiteral("host_available"));
        QVERIFY(r.figures[0].below);
        QCOMPARE(r.figures[0].value, double(available));
        QCOMPARE(r.figures[0].warning.value(),
                 double(std::max<qint64>(GiB, std::llround(double(total) / 10))));
    }

    void hostWithoutFiguresIsNotJudged() {
        HealthInput input;
        input.hostId = Host;
        input.hostMemory = NodeMemory{};
        const HealthResult r = evaluateHealth(input, HealthThresholds{});
        QVERIFY(r.findings.isEmpty());
        QVERIFY(r.figures.isEmpty());
    }

    void staleAfterThreePeriods() {
        // Period 5 s: a report 16 s old is 3.2 periods: stale; 14 s (2.8 periods) is not.
        GuestWindow w = reporting({pollAt(0)});
        QList<HealthFigure> figures;
        const auto f = staleFinding(w, HealthThresholds{}, at(16), &figures);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);
        QVERIFY(f->message.contains(QStringLiteral("16 s")));
        QVERIFY(!staleFinding(w, HealthThresholds{}, at(14), &figures));
        QCOMPARE(figures.last().value, 14.0);
    }

    void staleIsNotJudgedWithoutAPeriodOrADriver() {
        QList<HealthFigure> figures;
        const GuestWindow off =
            reporting({pollAt(0)}, [](auto &s) { s[0].balloon.period.reset(); });
        QVERIFY(!staleFinding(off, HealthThresholds{}, at(600), &figures));
        const GuestWindow noDriver =
            reporting({pollAt(0)}, [](auto &s) { s[0].stats.lastUpdate.reset(); });
        QVERIFY(!staleFinding(noDriver, HealthThresholds{}, at(600), &figures));
        const GuestWindow stopped =
            reporting({pollAt(0)}, [](auto &s) { s[0].state = DomainState::Shutoff; });
        QVERIFY(!staleFinding(stopped, HealthThresholds{}, at(600), &figures));
    }

    void swapInSustainedFires() {
        const GuestWindow w = reporting(swapping(100, 300));
        const auto rates = pressureRates(w.samples);
        QCOMPARE(rates.size(), 30);
        QCOMPARE(rates.first().swapInKiBps.value(), 100.0);
        QList<HealthFigure> figures;
        const auto f = swapInFinding(w, rates, HealthThresholds{}, at(300), 300, &figures);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);
        QCOMPARE(figures.last().value, 100.0);
        // 2 MiB/s: critical.
        const GuestWindow fast = reporting(swapping(2048, 300));
        QCOMPARE(swapInFinding(fast, pressureRates(fast.samples), HealthThresholds{}, at(300), 300,
                               &figures)
                     ->severity,
                 Severity::Critical);
    }

    void swapInBurstDoesNotFire() {
        // Quiet for 200 s, then 100 KiB/s for the last 100 s of a 300 s window: not sustained.
        QList<Poll> polls = swapping(0, 200);
        for (Poll p : swapping(100, 300, 200)) {
            if (p.t > 200)
                polls.append(p);
        }
        const GuestWindow w = reporting(polls);
        QList<HealthFigure> figures;
        QVERIFY(!swapInFinding(w, pressureRates(w.samples), HealthThresholds{}, at(300), 300,
                               &figures));
        // Above the level, but watched for 100 s only: the rule wants 300 s of it.
        const GuestWindow shortRun = reporting(swapping(100, 100));
        QVERIFY(!swapInFinding(shortRun, pressureRates(shortRun.samples), HealthThresholds{},
                               at(100), 300, &figures));
        // ... unless the caller watched only that long (check --watch 100).
        QVERIFY(swapInFinding(shortRun, pressureRates(shortRun.samples), HealthThresholds{},
                              at(100), 100, &figures));
    }

    void ratesUseTheReportTimesAndSkipResets() {
        QList<Poll> polls = swapping(50, 30);
        polls[2].swapIn = 0; // the counter went back (a reboot): no rate there
        const GuestWindow w = reporting(polls);
        const auto rates = pressureRates(w.samples);
        QCOMPARE(rates.size(), 3);
        QVERIFY(!rates[1].swapInKiBps);
        QVERIFY(rates[1].countersWentBack);
        QCOMPARE(rates[2].swapInKiBps.value(), 150.0); // 0 → 1500 KiB in 10 s
        // A repeated report (not fresh) is skipped: the next rate spans both intervals.
        const GuestWindow repeated =
            reporting(swapping(50, 20), [](auto &s) { s[1].freshReport = false; });
        const auto spanned = pressureRates(repeated.samples);
        QCOMPARE(spanned.size(), 1);
        QCOMPARE(spanned[0].swapInKiBps.value(), 50.0);
    }

    void needRatioCountsTheKernel() {
        // Balloon 192 MiB, MemTotal 142 MiB (50 MiB kernel), need 130 MiB: 180/192 = 93.75 %.
        Poll p = pollAt(0);
        p.available = 142 * MiB;
        p.usable = 12 * MiB;
        QList<HealthFigure> figures;
        const auto f = needRatioFinding(reporting({p}), HealthThresholds{}, &figures);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);
        QCOMPARE(figures.last().value, 93.8);
        p.usable = 100 * MiB; // need 42 + 50 of 192: 48 %
        QVERIFY(!needRatioFinding(reporting({p}), HealthThresholds{}, &figures));
        p.usable = 2 * MiB; // 190 of 192: critical
        QCOMPARE(needRatioFinding(reporting({p}), HealthThresholds{}, &figures)->severity,
                 Severity::Critical);
    }

    void windowsBalloonIsNotCountedAsNeed() {
        // Windows: MemTotal stays 4 GiB with a 2 GiB balloon; 3.5 GiB "used" holds the 2 GiB
        // the balloon took. The need is 1.5 GiB: 75 % of the balloon, no finding.
        Poll p = pollAt(0, 2 * GiB);
        p.available = 4 * GiB;
        p.usable = GiB / 2;
        const GuestWindow w =
            reporting({p}, [](auto &s) { s[0].stats.maximum = quint64(4 * GiB); });
        QCOMPARE(guestNeedKiB(w.latest()->stats).value(), 3 * GiB / 2);
        QList<HealthFigure> figures;
        QVERIFY(!needRatioFinding(w, HealthThresholds{}, &figures));
        QCOMPARE(figures.last().value, 75.0);
        const auto notes = signatureFindings(w, HealthThresholds{});
        QCOMPARE(notes.size(), 1);
        QVERIFY(notes[0].condition.endsWith(QStringLiteral("balloon_as_used")));
        QCOMPARE(notes[0].severity, Severity::Info);
    }

    void stuckBalloon() {
        // Target 150 MiB set at 0; the balloon stays at 192 MiB (no driver to inflate it).
        QList<Poll> polls;
        for (int t = 0; t <= 60; t += 5)
            polls.append(pollAt(t));
        GuestWindow w = reporting(polls);
        w.target = BalloonTarget{150 * MiB, at(0)};
        const auto f = stuckBalloonFinding(w, HealthThresholds{}, at(60));
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);
        QVERIFY(f->message.contains(QStringLiteral("150")));
        // 3 periods of at least 10 s: not yet after 25 s.
        QVERIFY(!stuckBalloonFinding(w, HealthThresholds{}, at(25)));
        // Within 2 % of the target: settled.
        w.target = BalloonTarget{190 * MiB, at(0)};
        QVERIFY(!stuckBalloonFinding(w, HealthThresholds{}, at(60)));
        // No target known: nothing to judge.
        w.target.reset();
        QVERIFY(!stuckBalloonFinding(w, HealthThresholds{}, at(60)));
    }

    void aMovingBalloonIsNotStuck() {
        QList<Poll> polls;
        for (int t = 0; t <= 60; t += 5)
            polls.append(pollAt(t, 192 * MiB - t * MiB / 2)); // 0.5 MiB/s down
        GuestWindow w = reporting(polls);
        w.target = BalloonTarget{100 * MiB, at(0)};
        QVERIFY(!stuckBalloonFinding(w, HealthThresholds{}, at(60)));
    }

    void readinessRegression() {
        QList<MemorySample> samples = reportingPolls({pollAt(0), pollAt(5), pollAt(10)});
        QVERIFY(!readinessFinding(windowOf(samples), HealthThresholds{}));
        samples[2].statsState = StatsState::Stale;
        const auto f = readinessFinding(windowOf(samples), HealthThresholds{});
        QVERIFY(f);
        QVERIFY(f->condition.endsWith(QStringLiteral("not_delivering")));
        // Never ready in the window: not a regression (the readiness page's business).
        for (MemorySample &s : samples)
            s.statsState = StatsState::Off;
        QVERIFY(!readinessFinding(windowOf(samples), HealthThresholds{}));
        // Stopped: nothing to judge.
        samples[0].statsState = StatsState::Reporting;
        samples[2].state = DomainState::Shutoff;
        samples[2].statsState = StatsState::Inactive;
        QVERIFY(!readinessFinding(windowOf(samples), HealthThresholds{}));
    }

    void strandedMemory() {
        // RSS 3 GiB, need 1 GiB + 50 MiB kernel: 1.95 GiB stranded.
        Poll p = pollAt(0, 4 * GiB);
        p.available = 4 * GiB - 50 * MiB;
        p.usable = p.available.value() - GiB;
        p.rss = 3 * GiB;
        const GuestWindow w = reporting({p});
        QList<HealthFigure> figures;
        const auto f = strandedFinding(w, HealthThresholds{}, &figures);
        QVERIFY(f);
        QCOMPARE(figures.last().value, double(2 * GiB - 50 * MiB));
        QVERIFY(f->remedy.contains(QStringLiteral("freePageReporting")));
        const GuestWindow freeing =
            reporting({p}, [](auto &s) { s[0].balloon.freePageReporting = true; });
        QVERIFY(!strandedFinding(freeing, HealthThresholds{}, &figures)
                     ->remedy.contains(QStringLiteral("freePageReporting")));
        p.rss = GiB + 900 * MiB; // 850 MiB stranded: below 1 GiB
        QVERIFY(!strandedFinding(reporting({p}), HealthThresholds{}, &figures));
    }

    void freePageReportingNote() {
        const GuestWindow w = reporting({pollAt(0)});
        const auto f = freePageReportingFinding(w, HealthThresholds{});
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Info);
        QVERIFY(f->message.contains(QStringLiteral("Autodeflate is off")));
        HealthThresholds strict;
        QVERIFY(strict.apply(QStringLiteral("free_page_reporting=warning")).isEmpty());
        QCOMPARE(freePageReportingFinding(w, strict)->severity, Severity::Warning);
        QVERIFY(!freePageReportingFinding(
            reporting({pollAt(0)}, [](auto &s) { s[0].balloon.freePageReporting = true; }),
            HealthThresholds{}));
        QVERIFY(!freePageReportingFinding(
            reporting({pollAt(0)}, [](auto &s) { s[0].balloon.model = BalloonModel::None; }),
            HealthThresholds{}));
    }

    void reportsWithoutFigures() {
        // last_update advances three times, not one figure comes: every field was −1.
        GuestWindow w = reporting({pollAt(0)});
        for (int t = 5; t <= 15; t += 5) {
            Poll p = updateAt(t, T0 / 1000 + t, StatsState::Stale);
            w.append(sampleOf(p, false));
        }
        const auto found = signatureFindings(w, HealthThresholds{});
        QCOMPARE(found.size(), 1);
        QVERIFY(found[0].condition.endsWith(QStringLiteral("no_figures")));
        // Frozen last_update (BalloonService stopped) is the stale rule's, not this one's.
        GuestWindow frozen = reporting({pollAt(0)});
        for (int t = 5; t <= 15; t += 5)
            frozen.append(sampleOf(updateAt(t, T0 / 1000), false));
        QVERIFY(signatureFindings(frozen, HealthThresholds{}).isEmpty());
    }

    // The run of reports without figures, walked back from the newest poll with an early stop,
    // against its definition walked forward over the whole window, on random windows: stops,
    // repeated and older last_updates, polls with and without figures, none at all.
    void reportsWithoutFiguresMatchTheirDefinition() {
        QRandomGenerator random(20261208);
        for (int round = 0; round < 3000; ++round) {
            GuestWindow w = reporting({pollAt(0)});
            QList<MemorySample> polls = reportingPolls({pollAt(0)});
            const int n = int(random.bounded(1, 12));
            qint64 update = T0 / 1000;
            for (int i = 1; i <= n; ++i) {
                Poll p = pollAt(5 * i);
                const quint32 step = random.bounded(6);
                update += step == 0 ? 0 : step == 1 ? -3 : 5; // repeated, older, advancing
                p.update = random.bounded(8) == 0 ? 0 : update;
                const bool figures = random.bounded(3) == 0;
                if (figures)
                    p.available = 150 * MiB;
                MemorySample s = sampleOf(p, figures);
                if (random.bounded(10) == 0)
                    s.state = DomainState::Shutoff;
                w.append(s);
                polls.append(s);
            }
            // The definition: forward over every poll.
            int run = 0;
            qint64 previous = 0;
            for (const MemorySample &s : std::as_const(polls)) {
                if (!isActive(s.state)) {
                    run = 0;
                    previous = 0;
                    continue;
                }
                const qint64 u = s.stats.lastUpdate.value_or(0);
                if (u > 0 && previous > 0 && u > previous)
                    run = s.stats.hasGuestFields() ? 0 : run + 1;
                if (u > 0)
                    previous = u;
            }
            const bool expected = run >= 2 && isActive(polls.constLast().state);
            const QList<HealthFinding> found = signatureFindings(w, HealthThresholds{});
            const bool flagged =
                std::any_of(found.cbegin(), found.cend(), [](const HealthFinding &f) {
                    return f.condition.endsWith(QStringLiteral("no_figures"));
                });
            QVERIFY2(flagged == expected, qPrintable(QStringLiteral("round %1").arg(round)));
        }
    }

    void countersGoingBack() {
        QList<Poll> polls = swapping(10, 40);
        polls[1].swapIn = 500;
        polls[2].swapIn = 20; // down
        polls[3].swapIn = 400;
        polls[4].swapIn = 10; // down again: not cumulative
        GuestWindow w = reporting(polls);
        auto found = signatureFindings(w, HealthThresholds{});
        QCOMPARE(found.size(), 1);
        QVERIFY(found[0].condition.endsWith(QStringLiteral("counters_back")));
        polls[4].swapIn = 600; // once only: a reboot
        w = reporting(polls);
        QVERIFY(signatureFindings(w, HealthThresholds{}).isEmpty());
    }

    void rulesCanBeChanged_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("host floors") << "host_available=2G/15%:1G/8%" << true;
        QTest::newRow("percent only") << "host_available=20%" << true;
        QTest::newRow("clear critical") << "need_ratio=:-" << true;
        QTest::newRow("swap with span") << "swap_in=256:4M@600" << true;
        QTest::newRow("off") << "stranded=off" << true;
        QTest::newRow("severity") << "readiness=critical" << true;
        QTest::newRow("unknown rule") << "memory=1G" << false;
        QTest::newRow("no value") << "stale" << false;
        QTest::newRow("bad size") << "stranded=lots" << false;
        QTest::newRow("too many levels") << "need_ratio=1:2:3" << false;
        QTest::newRow("bad severity") << "signature=loud" << false;
        QTest::newRow("bad span") << "swap_in=64@forever" << false;
        QTest::newRow("percent over 100") << "host_available=120%" << false;
        QTest::newRow("zero periods") << "stale=0" << false;
    }
    void rulesCanBeChanged() {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        HealthThresholds t;
        const QString error = t.apply(spec);
        QCOMPARE(error.isEmpty(), valid);
    }

    void changedLevelsAreUsed() {
        HealthThresholds t;
        QVERIFY(t.apply(QStringLiteral("host_available=2G/15%:1G")).isEmpty());
        QCOMPARE(t.hostWarning.value(), (HostFloor{2 * GiB, 15}));
        QCOMPARE(t.hostCritical.value(), (HostFloor{GiB, 0}));
        QVERIFY(t.apply(QStringLiteral("swap_in=256:4M@600")).isEmpty());
        QCOMPARE(t.swapInWarningKiBps.value(), 256.0);
        QCOMPARE(t.swapInCriticalKiBps.value(), 4096.0);
        QCOMPARE(t.swapInSustainSeconds, 600);
        QVERIFY(t.apply(QStringLiteral("need_ratio=:-")).isEmpty());
        QCOMPARE(t.needWarningPercent.value(), 90.0);
        QVERIFY(!t.needCriticalPercent);
        QVERIFY(t.apply(QStringLiteral("stranded=off")).isEmpty());
        QVERIFY(!t.isEnabled(HealthRule::StrandedMemory));
        QCOMPARE(HealthThresholds::describeRules().size(), HealthRuleCount);
    }

    void evaluatorOrdersWorstFirstAndSkipsStoppedGuests() {
        Poll p = pollAt(0);
        p.available = 142 * MiB;
        p.usable = 2 * MiB; // need ratio critical
        GuestWindow running = reporting({p});
        GuestWindow stopped =
            reporting({pollAt(0)}, [](auto &s) { s[0].state = DomainState::Shutoff; });
        stopped.name = QStringLiteral("vm2");
        stopped.uuid = QStringLiteral("22222222-2222-2222-2222-222222222222");
        HealthInput input;
        input.hostId = Host;
        input.hostMemory = host(16 * GiB, 1200 * MiB); // warning
        input.guests = {&running, &stopped};
        input.nowMs = at(1);
        input.watchedSeconds = 10;
        const HealthResult r = evaluateHealth(input, HealthThresholds{});
        QCOMPARE(r.guestsJudged, 1);
        QCOMPARE(r.worst(), Severity::Critical);
        QCOMPARE(r.findings[0].rule, HealthRule::NeedRatio);
        QCOMPARE(r.findings[1].rule, HealthRule::HostAvailable);
        QCOMPARE(r.findings.last().severity, Severity::Info); // free page reporting
        for (const HealthFinding &f : r.findings)
            QVERIFY(f.guest != QStringLiteral("vm2"));
    }

    void pluginOutput() {
        HealthFigure host;
        host.label = QStringLiteral("host_available");
        host.value = 1048576; // KiB
        host.unit = QStringLiteral("KB");
        host.warning = 2097152;
        host.critical = 1048577;
        host.below = true;
        host.min = 0;
        host.max = 16777216;
        // Bytes, and "N:" (alert below N) for a figure that alerts when low.
        QCOMPARE(perfData(host), QStringLiteral("host_available=1073741824B;2147483648:;"
                                                "1073742848:;0;17179869184"));
        HealthFigure ratio;
        ratio.label = QStringLiteral("vm 1 need_ratio");
        ratio.value = 93.75;
        ratio.unit = QStringLiteral("%");
        ratio.warning = 90;
        QCOMPARE(perfData(ratio), QStringLiteral("'vm 1 need_ratio'=93.75%;90"));

        HealthResult result;
        result.figures = {host};
        HealthFinding f;
        f.rule = HealthRule::GuestStale;
        f.severity = Severity::Warning;
        f.guest = QStringLiteral("vm1");
        f.message = QStringLiteral("No new report.");
        f.remedy = QStringLiteral("Fix it.");
        HealthFinding note = f;
        note.severity = Severity::Info;
        note.rule = HealthRule::FreePageReporting;
        result.findings = {f, note};
        QCOMPARE(result.worst(), Severity::Warning);
        QCOMPARE(pluginStateOf(result.worst()), PluginWarning);
        QCOMPARE(pluginStateOf(Severity::Info), PluginOk);
        const QStringList lines = pluginLines(PluginWarning, QStringLiteral("1 warning"), result);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("BALLOONSCOPE WARNING - 1 warning | ") + perfData(host));
        QCOMPARE(lines[1], QStringLiteral("WARNING: vm1: Stale reports: No new report. Fix it."));
        QVERIFY(lines[2].startsWith(QStringLiteral("NOTE: vm1: Free page reporting: ")));
    }

    void windowsAreBoundedByTimeAndCount() {
        GuestWindows windows(60 * 1000);
        const QString uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
        const auto pollAtMs = [&](qint64 ms, bool fresh) {
            PollCycle cycle;
            cycle.hostId = Host;
            cycle.timeMs = T0 + ms;
            MemorySample s = sampleOf(pollAt(0), fresh);
            s.hostId = Host;
            s.uuid = QString(uuid.constData(), uuid.size()); // its own copy, as from libvirt
            s.timeMs = T0 + ms;
            cycle.samples = {s};
            windows.add(cycle);
        };
        // Ten minutes at 1 s: never more than the last minute.
        for (int t = 0; t <= 600; ++t) {
            pollAtMs(t * 1000LL, true);
            const GuestWindow *w = windows.window(Host, uuid);
            QVERIFY(w->samples.size() <= 61);
            QVERIFY(w->samples.first().timeMs >= T0 + t * 1000LL - 60 * 1000);
        }
        QCOMPARE(windows.sampleCount(), 61);
        // Polls far faster than any interval (10 a second): the count bound holds.
        for (int i = 1; i <= 600; ++i)
            pollAtMs(600 * 1000LL + i * 100, false);
        const GuestWindow *full = windows.window(Host, uuid);
        QCOMPARE(full->samples.size(), windows.maxSamplesPerGuest());
        // The ring holds at most a quarter more than the most it held.
        QVERIFY(full->samples.capacity() <= windows.maxSamplesPerGuest() * 5 / 4 + 1);
        // The newest fresh poll left the window with the others: none is left to judge.
        QVERIFY(!windows.window(Host, uuid)->latestFresh());
        QVERIFY(windows.window(Host, uuid)->latest());
        // The guest's strings are held once, not per poll.
        QVERIFY(windows.window(Host, uuid)
                    ->latest()
                    ->uuid.isSharedWith(windows.window(Host, uuid)->uuid));
    }

    void windowsKeepTheirSpanAndForgetGuests() {
        GuestWindows windows(60 * 1000);
        for (int t = 0; t <= 120; t += 10) {
            PollCycle cycle;
            cycle.hostId = Host;
            cycle.timeMs = at(t);
            cycle.samples = {sampleOf(pollAt(t), true)};
            if (t < 60) {
                MemorySample other = sampleOf(pollAt(t), true);
                other.uuid = QStringLiteral("22222222-2222-2222-2222-222222222222");
                other.name = QStringLiteral("gone");
                cycle.samples.append(other);
            }
            windows.add(cycle);
        }
        const QList<const GuestWindow *> w = windows.windows(Host);
        QCOMPARE(w.size(), 1);             // "gone" is no longer polled
        QCOMPARE(w[0]->samples.size(), 7); // 60..120 s
        QCOMPARE(windows.spanMs(Host), qint64(60 * 1000));
        windows.setTarget(Host, w[0]->uuid, BalloonTarget{100 * MiB, at(100)});
        QCOMPARE(windows.windows(Host)[0]->target->kib, 100 * MiB);
        windows.removeHost(Host);
        QVERIFY(windows.windows(Host).isEmpty());
    }

    void windowsOfOneHostLeaveOthersAlone() {
        const QString other = QStringLiteral("qemu+ssh://other/system");
        GuestWindows windows(60 * 1000);
        const auto cycleOf = [](const QString &hostId, qint64 t, const QStringList &uuids) {
            PollCycle cycle;
            cycle.hostId = hostId;
            cycle.timeMs = at(t);
            for (const QString &uuid : uuids) {
                MemorySample s = sampleOf(pollAt(t), true);
                s.hostId = hostId;
                s.uuid = uuid;
                s.name = QStringLiteral("vm-") + uuid;
                cycle.samples.append(s);
            }
            return cycle;
        };
        // The same uuids on both hosts: a host's cycle keeps to its own guests.
        const QStringList both = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        for (int t = 0; t <= 20; t += 10) {
            windows.add(cycleOf(Host, t, both));
            windows.add(cycleOf(other, t, both));
        }
        const GuestWindow *otherB = windows.window(other, QStringLiteral("b"));
        QVERIFY(otherB);
        QCOMPARE(otherB->hostId, other);
        // "b" is no longer polled on Host: gone there, kept on the other host.
        windows.add(cycleOf(Host, 30, {QStringLiteral("a"), QStringLiteral("c")}));
        QVERIFY(!windows.window(Host, QStringLiteral("b")));
        QCOMPARE(windows.windows(Host).size(), 2);
        QCOMPARE(windows.window(other, QStringLiteral("b")), otherB);
        QCOMPARE(otherB->samples.size(), 3);
        QCOMPARE(windows.windows(other).size(), 3);
        QCOMPARE(windows.spanMs(other), qint64(20 * 1000));
        QCOMPARE(windows.spanMs(Host), qint64(30 * 1000));
        // An empty cycle forgets every guest of its host only.
        windows.add(cycleOf(Host, 40, {}));
        QVERIFY(windows.windows(Host).isEmpty());
        QCOMPARE(windows.sampleCount(), 9);
        windows.setTarget(Host, QStringLiteral("a"), BalloonTarget{MiB, at(40)}); // no guest
        windows.removeHost(Host);
        QCOMPARE(windows.windows(other).size(), 3);
        QCOMPARE(windows.window(other, QStringLiteral("b")), otherB);
        windows.removeHost(other);
        QCOMPARE(windows.sampleCount(), 0);
        QVERIFY(!windows.window(other, QStringLiteral("b")));
    }

    void windowsAreInNameOrderAndFollowRenames() {
        GuestWindows windows(60 * 1000);
        const auto names = [&windows] {
            QStringList out;
            for (const GuestWindow *w : windows.windows(Host))
                out.append(w->name);
            return out;
        };
        const auto add = [&windows](qint64 t, const QList<QPair<QString, QString>> &guests) {
            PollCycle cycle;
            cycle.hostId = Host;
            cycle.timeMs = at(t);
            for (const auto &g : guests) {
                MemorySample s = sampleOf(pollAt(t), true);
                s.uuid = g.first;
                s.name = g.second;
                cycle.samples.append(s);
            }
            windows.add(cycle);
        };
        const QString u1 = QStringLiteral("1");
        const QString u2 = QStringLiteral("2");
        const QString u3 = QStringLiteral("3");
        add(0,
            {{u1, QStringLiteral("web")}, {u2, QStringLiteral("db")}, {u3, QStringLiteral("app")}});
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("app"), QStringLiteral("db"), QStringLiteral("web")}));
        add(10,
            {{u1, QStringLiteral("web")}, {u2, QStringLiteral("db")}, {u3, QStringLiteral("app")}});
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("app"), QStringLiteral("db"), QStringLiteral("web")}));
        // Renamed: in its new place, with its polls.
        add(20,
            {{u1, QStringLiteral("web")}, {u2, QStringLiteral("zz")}, {u3, QStringLiteral("app")}});
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("app"), QStringLiteral("web"), QStringLiteral("zz")}));
        QCOMPARE(windows.windows(Host).last()->samples.size(), 3);
        QCOMPARE(windows.windows(Host).last()->uuid, u2);
        // A new guest takes its place; one gone leaves.
        add(30, {{u1, QStringLiteral("web")},
                 {u2, QStringLiteral("zz")},
                 {QStringLiteral("4"), QStringLiteral("cache")}});
        QCOMPARE(names(), (QStringList{QStringLiteral("cache"), QStringLiteral("web"),
                                       QStringLiteral("zz")}));
        // The same name twice: by uuid.
        add(40, {{u2, QStringLiteral("web")}, {u1, QStringLiteral("web")}});
        QCOMPARE(windows.windows(Host)[0]->uuid, u1);
        QCOMPARE(windows.windows(Host)[1]->uuid, u2);
    }

    void windowSamplesKeepEveryFigureAtItsBounds() {
        const quint64 max48 = (quint64(1) << 48) - 2;
        MemorySample s;
        s.timeMs = T0;
        s.state = DomainState::Running;
        s.statsState = StatsState::Reporting;
        s.freshReport = true;
        s.stats.actual = max48;
        s.stats.swapIn = 0;
        s.stats.swapOut = max48 - 1;
        s.stats.majorFault = 1;
        s.stats.minorFault = max48;
        s.stats.lastUpdate = qint64(std::numeric_limits<quint32>::max()) - 1;
        s.stats.psiSome = 10000;
        s.stats.psiFull = 65534;
        s.stats.usable = 1; // a guest field
        WindowSample w = WindowSample::of(s);
        QVERIFY(sizeof(WindowSample) <= 48);
        QCOMPARE(qint64(w.timeMs), T0);
        QCOMPARE(*w.stats.actual, max48);
        QCOMPARE(*w.stats.swapIn, quint64(0));
        QCOMPARE(*w.stats.swapOut, max48 - 1);
        QCOMPARE(*w.stats.majorFault, quint64(1));
        QCOMPARE(*w.stats.minorFault, max48);
        QCOMPARE(*w.stats.lastUpdate, qint64(std::numeric_limits<quint32>::max()) - 1);
        QCOMPARE(*w.stats.psiSome, quint64(10000));
        QCOMPARE(*w.stats.psiFull, quint64(65534));
        QVERIFY(w.stats.hasGuestFields());
        QVERIFY(w.freshReport);
        QCOMPARE(DomainState(w.state), DomainState::Running);
        QCOMPARE(StatsState(w.statsState), StatsState::Reporting);
        // Beyond the bounds: clamped, never read as empty.
        s.stats.actual = std::numeric_limits<quint64>::max() - 1;
        s.stats.minorFault = max48 + 1;
        s.stats.lastUpdate = std::numeric_limits<qint64>::max();
        s.stats.psiSome = 70000;
        w = WindowSample::of(s);
        QCOMPARE(*w.stats.actual, max48);
        QCOMPARE(*w.stats.minorFault, max48);
        QCOMPARE(*w.stats.lastUpdate, qint64(std::numeric_limits<quint32>::max()) - 1);
        QCOMPARE(*w.stats.psiSome, quint64(65534));
        // Empty stays empty; 0 is a value.
        s = MemorySample{};
        s.timeMs = -(qint64(1) << 47);
        s.stats.lastUpdate = 0;
        w = WindowSample::of(s);
        QCOMPARE(qint64(w.timeMs), -(qint64(1) << 47));
        QVERIFY(!w.stats.actual && !w.stats.swapIn && !w.stats.swapOut && !w.stats.majorFault &&
                !w.stats.minorFault && !w.stats.psiSome && !w.stats.psiFull);
        QCOMPARE(w.stats.lastUpdate.value_or(-1), qint64(0));
        QVERIFY(!w.stats.hasGuestFields());
        QVERIFY(!w.freshReport);
        s.timeMs = (qint64(1) << 47) - 1;
        s.stats.lastUpdate.reset();
        QCOMPARE(qint64(WindowSample::of(s).timeMs), (qint64(1) << 47) - 1);
        QVERIFY(!WindowSample::of(s).stats.lastUpdate);
        // Every state.
        for (int d = 0; d <= int(DomainState::Unknown); ++d) {
            for (int t = 0; t <= int(StatsState::Unknown); ++t) {
                s.state = DomainState(d);
                s.statsState = StatsState(t);
                w = WindowSample::of(s);
                QCOMPARE(DomainState(w.state), DomainState(d));
                QCOMPARE(StatsState(w.statsState), StatsState(t));
            }
        }
    }

    // The window keeps the counters that went back as polls come and go, and the rates the
    // swap-in rule reads (the swap-in of those after a time) are the whole window's: the same as
    // computed over everything every time.
    void windowRatesFollowTheWindow() {
        GuestWindows windows(60 * 1000);
        const QString uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
        quint64 swapIn = 1000;
        int checked = 0;
        int fired = 0;
        int skipped = 0; // polls with no swap-in counter held
        for (int i = 0; i < 120; ++i) {
            const qint64 t = i * 5 - (i >= 90 && i < 93 ? 100 : 0); // the clock goes back once
            Poll p = pollAt(t);
            p.update = T0 / 1000 + t;
            // Up mostly, down every 7th poll, a stop now and then, a repeated report.
            swapIn = i % 7 == 0 ? swapIn / 2 : swapIn + quint64(i * 13);
            // No swap-in counter for a stretch longer than the window (a guest whose stats lack
            // swap_in): the evaluator then skips the rule's rates, and must still agree.
            if (i < 40 || i >= 70)
                p.swapIn = qint64(swapIn);
            p.majorFault = i;
            MemorySample s = sampleOf(p, i % 5 != 3);
            if (i % 23 == 11)
                s.state = DomainState::Shutoff;
            PollCycle cycle;
            cycle.hostId = Host;
            cycle.timeMs = s.timeMs;
            cycle.samples = {s};
            windows.add(cycle);
            const GuestWindow *w = windows.window(Host, uuid);
            const QList<PressureRate> all = pressureRates(w->samples);
            int back = 0;
            for (const PressureRate &r : all)
                back += r.countersWentBack ? 1 : 0;
            QCOMPARE(w->countersWentBack(), back);
            std::optional<qint64> swapInAt;
            for (const WindowSample &held : w->samples) {
                if (held.stats.swapIn)
                    swapInAt = qint64(held.timeMs);
            }
            QCOMPARE(w->newestSwapInMs(), swapInAt);
            skipped += swapInAt ? 0 : 1;
            checked += back > 1 ? 1 : 0;
            for (qint64 after :
                 {at(t) - 400'000, at(t) - 30'000, at(t) - 12'500, at(t) - 5'000, at(t)}) {
                QList<PressureRate> expected;
                for (PressureRate r : all) {
                    if (r.toMs <= after)
                        continue;
                    r.swapOutKiBps.reset();
                    r.majorFaultsPerSecond.reset();
                    r.countersWentBack = false;
                    expected.append(r);
                }
                QCOMPARE(swapInRates(w->samples, after), expected);
                // The newest of them, found from the end, is the last one.
                const std::optional<PressureRate> newest = newestSwapInRate(w->samples, after);
                QCOMPARE(newest.has_value(), !expected.isEmpty());
                if (newest)
                    QCOMPARE(*newest, expected.last());
                // The newest of them under a level, also found from the end.
                for (const double level : {0.0, 20.0, 100.0, 1e9}) {
                    const auto under = [level](const PressureRate &r) {
                        return r.swapInKiBps && *r.swapInKiBps < level;
                    };
                    std::optional<PressureRate> last;
                    for (const PressureRate &r : expected) {
                        if (under(r))
                            last = r;
                    }
                    QCOMPARE(newestSwapInRate(w->samples, after, under), last);
                }
            }
            // The watchdog's swap-in finding and figure, for levels around the rates: what the
            // rule gives over every rate of its span, though the evaluator reads fewer.
            for (const double warning : {5.0, 60.0, 150.0, 400.0}) {
                HealthThresholds thresholds;
                thresholds.swapInWarningKiBps = warning;
                thresholds.swapInCriticalKiBps = warning * 2;
                thresholds.swapInSustainSeconds = 30;
                HealthInput input;
                input.hostId = Host;
                input.guests = {w};
                input.nowMs = at(t);
                input.watchedSeconds = 60;
                QList<HealthFigure> figures;
                const auto expectedFinding = swapInFinding(
                    *w,
                    swapInRates(w->samples,
                                swapInWindowStartMs(thresholds, input.nowMs, input.watchedSeconds)),
                    thresholds, input.nowMs, input.watchedSeconds, &figures);
                const HealthResult result = evaluateHealth(input, thresholds);
                std::optional<HealthFinding> found;
                for (const HealthFinding &f : result.findings) {
                    if (f.rule == HealthRule::SwapIn)
                        found = f;
                }
                QCOMPARE(found, expectedFinding);
                QList<HealthFigure> swapFigures;
                for (const HealthFigure &f : result.figures) {
                    if (f.label.endsWith(QLatin1String("swap_in")))
                        swapFigures.append(f);
                }
                QCOMPARE(swapFigures, figures);
                fired += found ? 1 : 0;
            }
        }
        QVERIFY(checked > 10);
        QVERIFY2(fired > 10, qPrintable(QString::number(fired)));
        QVERIFY2(skipped > 10, qPrintable(QString::number(skipped)));
    }

    void watchdogSkipsFigures() {
        Poll p = pollAt(0);
        p.available = 142 * MiB;
        p.usable = 2 * MiB;
        p.rss = 190 * MiB;
        const GuestWindow guest = reporting({p});
        HealthInput input;
        input.hostId = Host;
        input.hostMemory = host(16 * GiB, 1200 * MiB);
        input.guests = {&guest};
        input.nowMs = at(1);
        input.watchedSeconds = 10;
        const HealthResult with = evaluateHealth(input, HealthThresholds{});
        input.wantFigures = false;
        const HealthResult without = evaluateHealth(input, HealthThresholds{});
        QVERIFY(with.figures.size() >= 3);
        QVERIFY(without.figures.isEmpty());
        QCOMPARE(without.findings, with.findings);
        QCOMPARE(without.guestsJudged, with.guestsJudged);
    }

    void freePageReportingNoteIsKeptWhileItHolds() {
        GuestWindow w = reporting({pollAt(0)});
        const auto first = freePageReportingFinding(w, HealthThresholds{});
        QVERIFY(first);
        const auto again = freePageReportingFinding(w, HealthThresholds{});
        QCOMPARE(*again, *first);
        QVERIFY(again->message.isSharedWith(first->message)); // not built again
        // Autodeflate turned on: the note says so.
        MemorySample s = sampleOf(pollAt(5), true);
        s.balloon.autodeflate = true;
        w.append(s);
        const auto deflating = freePageReportingFinding(w, HealthThresholds{});
        QVERIFY(deflating->message != first->message);
        QVERIFY(deflating->message.contains(QStringLiteral("Autodeflate is on")));
        // Renamed, or another severity: built anew.
        w.name = QStringLiteral("renamed");
        QCOMPARE(freePageReportingFinding(w, HealthThresholds{})->guest, w.name);
        HealthThresholds strict;
        QVERIFY(strict.apply(QStringLiteral("free_page_reporting=warning")).isEmpty());
        QCOMPARE(freePageReportingFinding(w, strict)->severity, Severity::Warning);
        QCOMPARE(freePageReportingFinding(w, HealthThresholds{})->severity, Severity::Info);
    }
};

BS_TEST_MAIN(TestHealthRules)
#include "tst_healthrules.moc"
