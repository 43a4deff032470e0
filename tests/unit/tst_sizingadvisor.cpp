#include "TestMain.h"
#include "history/NeedAccumulator.h"
#include "sizing/GuestAdvisor.h"
#include "sizing/HostAdvice.h"
#include "sizing/SizingJson.h"

#include <QJsonArray>

using namespace bs;

// The sizing advisor's rules (core/sizing) on synthetic need histories with known answers.
namespace {

constexpr qint64 MiB = 1024;
constexpr qint64 GiB = 1024 * 1024;
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00 UTC
constexpr int Interval = 5;

QList<NeedPoint> raw(const QList<qint64> &needs, qint64 startMs = T0) {
    QList<NeedPoint> out;
    for (int i = 0; i < needs.size(); ++i)
        out.append(NeedPoint{startMs + i * Interval * 1000, needs[i], 1, Tier::Raw, false});
    return out;
}

// A running, reporting guest with 4 GiB balloon of 8 GiB maximum and these needs, polled
// every 5 s and reporting at each poll.
GuestNeedHistory guest(const QList<NeedPoint> &needs) {
    GuestNeedHistory g;
    g.uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
    g.name = QStringLiteral("web");
    g.need = summarizeNeeds(needs, {50, 90, 95, 99});
    g.reportingPolls = int(needs.size());
    g.lastPollMs = needs.isEmpty() ? T0 : needs.last().timeMs;
    g.lastState = DomainState::Running;
    g.lastStatsState = StatsState::Reporting;
    g.lastReportMs = g.lastPollMs;
    g.actualKiB = 4 * GiB;
    g.maximumKiB = 8 * GiB;
    return g;
}

SizingPolicy policy(double percentile, double headroom, qint64 windowSeconds = 3600) {
    SizingPolicy p = SizingPolicy::fromPreset(SizingPreset::Custom);
    p.percentile = percentile;
    p.headroom = headroom;
    p.windowSeconds = windowSeconds;
    return p;
}

} // namespace

class TestSizingAdvisor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void percentiles_data() {
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<double>("percent");
        QTest::addColumn<qint64>("expected");
        const QList<qint64> oneToTwenty{20, 1, 19, 2, 18, 3, 17, 4, 16, 5,
                                        15, 6, 14, 7, 13, 8, 12, 9, 11, 10};
        // Nearest rank: the ceil(p × N)-th smallest value.
        QTest::newRow("P50 of 1..20") << oneToTwenty << 50.0 << qint64(10);
        QTest::newRow("P95 of 1..20") << oneToTwenty << 95.0 << qint64(19);
        QTest::newRow("P99 of 1..20") << oneToTwenty << 99.0 << qint64(20);
        QTest::newRow("P90 of 1..20") << oneToTwenty << 90.0 << qint64(18);
        QTest::newRow("P100 is the highest") << oneToTwenty << 100.0 << qint64(20);
        QTest::newRow("one value") << QList<qint64>{7} << 95.0 << qint64(7);
        QTest::newRow("P99.5 of 1..200") << [] {
            QList<qint64> v;
            for (int i = 200; i >= 1; --i)
                v.append(i);
            return v;
        }() << 99.5 << qint64(199);
    }

    void percentiles() {
        QFETCH(QList<qint64>, values);
        QFETCH(double, percent);
        QFETCH(qint64, expected);
        const NeedSummary d = summarizeNeeds(raw(values), {percent});
        QCOMPARE(d.at(percent), std::optional<qint64>(expected));
        QCOMPARE(d.reports, qint64(values.size()));
        QCOMPARE(d.highestKiB, *std::max_element(values.cbegin(), values.cend()));
    }

    void rollupRowsWeighByTheirReports() {
        // 90 raw reports of 100 MiB and one minute row whose maximum (1 GiB) stands for 12
        // reports: 12 of 102 is above 5 %, so P95 is the minute's peak; P50 is not.
        QList<NeedPoint> points = raw(QList<qint64>(90, 100 * MiB));
        points.append(NeedPoint{T0 - 86400000, GiB, 12, Tier::Minute, false});
        const NeedSummary d = summarizeNeeds(points, {50, 95});
        QCOMPARE(d.reports, qint64(102));
        QCOMPARE(d.points, qint64(91));
        QCOMPARE(d.at(95), std::optional<qint64>(GiB));
        QCOMPARE(d.at(50), std::optional<qint64>(100 * MiB));
        QCOMPARE(d.tiers, (QList<Tier>{Tier::Raw, Tier::Minute}));
        QVERIFY(summarizeNeeds({}, {95}).isEmpty());
        QCOMPARE(summarizeNeeds({}, {95}).at(95), std::nullopt);
    }

    // Values spread over many MiB buckets and several in one: the histogram finds the bucket,
    // the sort within it the exact value, as a full sort would.
    void percentilesMatchAFullSort() {
        QList<NeedPoint> points;
        QList<qint64> all;
        quint64 x = 12345;
        for (int i = 0; i < 5000; ++i) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            const qint64 v = qint64((x >> 33) % (64 * GiB));
            const int w = i % 7 == 0 ? int(x % 5) + 2 : 1;
            points.append(NeedPoint{T0, v, w, w == 1 ? Tier::Raw : Tier::Minute, false});
            for (int k = 0; k < w; ++k)
                all.append(v);
        }
        std::sort(all.begin(), all.end());
        for (double p : {1.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
            const qint64 rank = qMax<qint64>(1, qint64(std::ceil(p / 100.0 * all.size() - 1e-9)));
            QCOMPARE(summarizeNeeds(points, {p}).at(p), std::optional<qint64>(all[rank - 1]));
        }
    }

    void recommendation_data() {
        QTest::addColumn<QList<qint64>>("needs");
        QTest::addColumn<double>("percentile");
        QTest::addColumn<double>("headroom");
        QTest::addColumn<qint64>("recommended");
        QTest::addColumn<qint64>("reclaimable");
        QTest::addColumn<qint64>("shortBy");
        // 1..20 × 100 MiB: P95 = 1900 MiB; + 15 % = 2185 MiB; 4 GiB balloon → 1911 MiB back.
        QList<qint64> steps;
        for (int i = 1; i <= 20; ++i)
            steps.append(i * 100 * MiB);
        QTest::newRow("balanced") << steps << 95.0 << 0.15 << 2185 * MiB << (4096 - 2185) * MiB
                                  << qint64(0);
        // P99 = 2000 MiB + 20 % = 2400 MiB.
        QTest::newRow("conservative")
            << steps << 99.0 << 0.20 << 2400 * MiB << (4096 - 2400) * MiB << qint64(0);
        // Rounded up to whole MiB: 1000 KiB × 1.1 = 1100 KiB → 2 MiB, raised to the 256 MiB floor.
        QTest::newRow("floor") << QList<qint64>{1000} << 90.0 << 0.10 << 256 * MiB
                               << (4096 - 256) * MiB << qint64(0);
        // Need above the maximum: 8 GiB × 1.1 → short of the 8 GiB maximum by 10 %.
        // 8 GiB × 1.1 = 9227468.8 KiB → 9012 MiB, 820 MiB above the maximum.
        QTest::newRow("short") << QList<qint64>{8 * GiB} << 90.0 << 0.10 << 9012 * MiB << qint64(0)
                               << 820 * MiB;
        // Rounding: 1000 MiB + 1 KiB at +0 % is 1001 MiB.
        QTest::newRow("round up to MiB") << QList<qint64>{1000 * MiB + 1} << 95.0 << 0.0
                                         << 1001 * MiB << (4096 - 1001) * MiB << qint64(0);
    }

    void recommendation() {
        QFETCH(QList<qint64>, needs);
        QFETCH(double, percentile);
        QFETCH(double, headroom);
        const GuestAdvice a =
            adviseGuest(guest(raw(needs)), policy(percentile, headroom), Interval, 3600);
        QCOMPARE(a.status, AdviceStatus::Advised);
        QTEST(*a.recommendedKiB, "recommended");
        QCOMPARE(*a.recommendedKiB % MiB, qint64(0));
        QTEST(a.reclaimableKiB, "reclaimable");
        QTEST(a.shortKiB, "shortBy");
        QCOMPARE(a.tiers, QList<Tier>{Tier::Raw});
        QVERIFY(!a.cacheCounted);
        QVERIFY(!a.vetoed);
    }

    // The need is a share of MemTotal; the recommendation is a memory size, so what the guest's
    // kernel keeps outside MemTotal comes on top (after the headroom, which is the need's).
    void kernelOverheadIsAdded() {
        GuestNeedHistory g = guest(raw({1000 * MiB}));
        g.overheadKiB = 200 * MiB;
        const GuestAdvice a = adviseGuest(g, policy(95, 0.15), Interval, 3600);
        QCOMPARE(a.overheadKiB, 200 * MiB);
        QCOMPARE(*a.recommendedKiB, 1350 * MiB); // 1000 × 1.15 + 200
        QCOMPARE(a.reclaimableKiB, 4 * GiB - 1350 * MiB);
    }

    void guestFloorRaisesTheDefault() {
        SizingPolicy p = policy(95, 0.15);
        p.guestFloorsKiB.insert(QStringLiteral("11111111-1111-1111-1111-111111111111"), 3 * GiB);
        const GuestAdvice a = adviseGuest(guest(raw({100 * MiB})), p, Interval, 3600);
        QCOMPARE(a.floorKiB, 3 * GiB);
        QCOMPARE(*a.recommendedKiB, 3 * GiB);
        QCOMPARE(a.reclaimableKiB, GiB);
    }

    void cacheCountedFallbackIsMarked() {
        QList<NeedPoint> points = raw({500 * MiB, 600 * MiB});
        points[1].cacheCounted = true;
        const GuestAdvice a = adviseGuest(guest(points), policy(95, 0.15), Interval, 3600);
        QVERIFY(a.cacheCounted);
        QCOMPARE(*a.needAtPercentile, 600 * MiB);
    }

    void swapVetoKeepsTodaysBalloonAndShowsEvidence() {
        GuestNeedHistory g = guest(raw(QList<qint64>(20, 500 * MiB)));
        // 40 MiB swapped in within one 5 s poll (far above 1 MiB/min), and a trickle that is not.
        g.pressure = {PressurePoint{T0 + 10000, T0 + 15000, 40 * MiB, 10},
                      PressurePoint{T0 + 20000, T0 + 80000, 100, 3}};
        const GuestAdvice a = adviseGuest(g, policy(95, 0.15), Interval, 3600);
        QVERIFY(a.vetoed);
        QCOMPARE(*a.recommendedKiB, 4 * GiB); // not below today's balloon
        QCOMPARE(a.reclaimableKiB, qint64(0));
        QCOMPARE(a.evidence.size(), 1);
        QCOMPARE(a.evidence[0].fromMs, T0 + 10000);
        QCOMPARE(a.evidence[0].swapInKiB, 40 * MiB);
        QCOMPARE(a.swapInKiB, 40 * MiB + 100);
        QCOMPARE(a.majorFaults, qint64(13));

        // Major faults alone: 6000 in one minute is 100 a second: vetoed too.
        GuestNeedHistory f = guest(raw(QList<qint64>(20, 500 * MiB)));
        f.pressure = {PressurePoint{T0, T0 + 60000, 0, 6000}};
        QVERIFY(adviseGuest(f, policy(95, 0.15), Interval, 3600).vetoed);
        // 100 in a minute is a guest reading files: no veto.
        f.pressure = {PressurePoint{T0, T0 + 60000, 0, 100}};
        QVERIFY(!adviseGuest(f, policy(95, 0.15), Interval, 3600).vetoed);
    }

    void noNumberWithoutReports_data() {
        QTest::addColumn<StatsState>("stats");
        QTest::addColumn<bool>("withNeeds");
        QTest::addColumn<AdviceStatus>("status");
        QTest::newRow("no driver now")
            << StatsState::NoDriver << true << AdviceStatus::NotReporting;
        QTest::newRow("stats off") << StatsState::Off << false << AdviceStatus::NotReporting;
        QTest::newRow("no balloon") << StatsState::NoBalloon << false << AdviceStatus::NotReporting;
        QTest::newRow("stale") << StatsState::Stale << true << AdviceStatus::Stale;
        QTest::newRow("never reported")
            << StatsState::Reporting << false << AdviceStatus::NeverReported;
    }

    void noNumberWithoutReports() {
        QFETCH(StatsState, stats);
        QFETCH(bool, withNeeds);
        GuestNeedHistory g = guest(withNeeds ? raw({GiB, GiB}) : QList<NeedPoint>{});
        g.lastStatsState = stats;
        const GuestAdvice a = adviseGuest(g, policy(95, 0.15), Interval, 3600);
        QTEST(a.status, "status");
        QVERIFY(!a.recommendedKiB);
        QCOMPARE(a.reclaimableKiB, qint64(0));
        QCOMPARE(a.confidence, Confidence::None);
        QVERIFY(!adviceReason(a).isEmpty());
        QVERIFY(adviceReason(a).contains(QStringLiteral("Readiness")));
    }

    void aStoppedGuestKeepsItsHistorysAdvice() {
        GuestNeedHistory g = guest(raw({GiB, GiB}));
        g.lastState = DomainState::Shutoff;
        g.lastStatsState = StatsState::Inactive;
        const GuestAdvice a = adviseGuest(g, policy(95, 0.0), Interval, 3600);
        QCOMPARE(a.status, AdviceStatus::Advised);
        QVERIFY(!a.running);
        QCOMPARE(*a.recommendedKiB, GiB);
    }

    void confidence_data() {
        QTest::addColumn<int>("polls");
        QTest::addColumn<qint64>("windowSeconds");
        QTest::addColumn<Confidence>("confidence");
        QTest::addColumn<double>("share");
        // 14 days at 5 s: 241920 polls.
        QTest::newRow("all of 14 days") << 241920 << qint64(14 * 86400) << Confidence::High << 1.0;
        QTest::newRow("90 %") << 217728 << qint64(14 * 86400) << Confidence::High << 0.9;
        QTest::newRow("just under 90 %")
            << 217727 << qint64(14 * 86400) << Confidence::Medium << 217727.0 / 241920;
        QTest::newRow("half") << 120960 << qint64(14 * 86400) << Confidence::Medium << 0.5;
        QTest::newRow("ten minutes")
            << 120 << qint64(14 * 86400) << Confidence::Low << 600.0 / (14 * 86400);
    }

    void confidence() {
        QFETCH(int, polls);
        QFETCH(qint64, windowSeconds);
        GuestNeedHistory g = guest(raw({GiB}));
        g.reportingPolls = polls;
        const GuestAdvice a =
            adviseGuest(g, policy(95, 0.15, windowSeconds), Interval, windowSeconds);
        QTEST(a.confidence, "confidence");
        QFETCH(double, share);
        QVERIFY(qAbs(a.coverage.share - share) < 1e-9);
        QVERIFY(qAbs(a.coverage.daysCovered - polls * 5.0 / 86400) < 1e-9);
        QCOMPARE(confidenceFor(Coverage{}, false), Confidence::None);
    }

    void presetsAreTheIssuesFigures() {
        const SizingPolicy c = SizingPolicy::fromPreset(SizingPreset::Conservative);
        QCOMPARE(c.percentile, 99.0);
        QCOMPARE(c.headroom, 0.20);
        QCOMPARE(c.windowSeconds, qint64(30 * 86400));
        const SizingPolicy b = SizingPolicy::fromPreset(SizingPreset::Balanced);
        QCOMPARE(b.percentile, 95.0);
        QCOMPARE(b.headroom, 0.15);
        QCOMPARE(b.windowSeconds, qint64(14 * 86400));
        const SizingPolicy a = SizingPolicy::fromPreset(SizingPreset::Aggressive);
        QCOMPARE(a.percentile, 90.0);
        QCOMPARE(a.headroom, 0.10);
        QCOMPARE(a.windowSeconds, qint64(7 * 86400));
        QCOMPARE(b.floorKiB, 256 * MiB);
        QCOMPARE(sizingPresetFromKey(QStringLiteral("Aggressive")), SizingPreset::Aggressive);
        QCOMPARE(sizingPresetFromKey(QStringLiteral("nope")), std::nullopt);
        QVERIFY(b.validationError().isEmpty());
        SizingPolicy bad = b;
        bad.percentile = 30;
        QVERIFY(bad.validationError().contains(QStringLiteral("50 to 100")));
        SizingPolicy low = b;
        low.floorKiB = 64 * MiB;
        QVERIFY(low.validationError().contains(QStringLiteral("128 MiB")));
    }

    // Host what-if: the time-aligned sum, not the sum of the peaks.
    void whatIfSumsByTheHour() {
        NeedResult history;
        history.hostId = QStringLiteral("qemu:///system");
        history.fromMs = T0;
        history.toMs = T0 + 3 * 3600000;
        history.intervalSeconds = Interval;
        history.hostTotalKiB = 16 * GiB; // reserve 1.6 GiB → capacity 14.4 GiB
        // A runs hours 0-1 with 8 GiB, B runs hours 1-2 with 6 GiB, C all three with 2 GiB.
        auto g = [&](const QString &uuid, qint64 actual, const QList<int> &hours, qint64 need) {
            GuestNeedHistory h = guest(raw({need}));
            h.uuid = uuid;
            h.name = uuid;
            h.actualKiB = actual;
            h.maximumKiB = 16 * GiB;
            for (int i : hours)
                h.hours.append(GuestHour{T0 + i * 3600000, actual});
            return h;
        };
        history.guests = {g(QStringLiteral("a"), 8 * GiB, {0, 1}, 2 * GiB),
                          g(QStringLiteral("b"), 6 * GiB, {1, 2}, 5 * GiB),
                          g(QStringLiteral("c"), 2 * GiB, {0, 1, 2}, GiB)};
        history.hostHours = {HostHour{T0, 16 * GiB, GiB}, HostHour{T0 + 3600000, 16 * GiB, GiB},
                             HostHour{T0 + 7200000, 16 * GiB, 512 * MiB}};
        const SizingPolicy p = policy(95, 0.0);

        // Recommendations (P95 + 0 %): a 2 GiB (6 back), b 5 GiB (1 back), c 1 GiB (1 back).
        WhatIfRequest ask;
        ask.newGuestKiB = 2 * GiB;
        HostAdvice advice = adviseHost(history, p, ask);
        const HostWhatIf &w = advice.whatIf;
        QVERIFY(w.known);
        QCOMPARE(w.reserveKiB, qint64(16 * GiB / 10));
        QCOMPARE(w.capacityKiB, 16 * GiB - 16 * GiB / 10);
        QCOMPARE(w.hours, 3);
        // Today: hour 1 holds 8 + 6 + 2 = 16 GiB (the sum of peaks would also be 16; hour 0 is
        // 10, hour 2 is 8).
        QCOMPARE(w.peakTodayKiB, 16 * GiB);
        QCOMPARE(w.peakTodayHourMs, T0 + 3600000);
        // All applied: hour 1 = 2 + 5 + 1 = 8 GiB.
        QCOMPARE(w.peakKiB, 8 * GiB);
        QVERIFY(!w.fitsToday);
        QVERIFY(w.fits);
        // Applying a's (6 GiB back) is enough: hour 1 = 2 + 6 + 2 = 10 GiB; + 2 GiB new fits
        // in 14.4 GiB.
        QCOMPARE(w.mustApply, QStringList{QStringLiteral("a")});
        QCOMPARE(w.worstHourMs, T0 + 3600000);
        QCOMPARE(w.marginKiB, w.capacityKiB - 10 * GiB - 2 * GiB);
        QCOMPARE(advice.reclaimableKiB, 8 * GiB);

        // A guest too big for all the reclaim there is: no, with every reclaimer listed.
        ask.newGuestKiB = 8 * GiB;
        const HostWhatIf no = adviseHost(history, p, ask).whatIf;
        QVERIFY(!no.fits);
        QCOMPARE(no.mustApply.size(), 3);
        QCOMPARE(no.marginKiB, no.capacityKiB - 8 * GiB - 8 * GiB);

        // KSM counted: the worst hour's lowest saving comes off.
        ask.newGuestKiB = 0;
        ask.countKsm = true;
        const HostWhatIf ksm = adviseHost(history, p, ask).whatIf;
        QCOMPARE(ksm.peakTodayKiB, 15 * GiB);
        QCOMPARE(ksm.ksmSavedKiB, std::optional<qint64>(GiB));

        // Unknown host size: no verdict.
        history.hostTotalKiB.reset();
        QVERIFY(!adviseHost(history, p, {}).whatIf.known);
        QVERIFY(!adviseHost(history, p, {}).whatIf.fits);
    }

    void jsonCarriesTheSameNumbers() {
        NeedResult history;
        history.hostId = QStringLiteral("qemu:///system");
        history.fromMs = T0;
        history.toMs = T0 + 3600000;
        history.intervalSeconds = Interval;
        history.guests = {guest(raw({GiB, 2 * GiB}))};
        const HostAdvice advice = adviseHost(history, policy(95, 0.15));
        const QJsonObject json = hostAdviceToJson(advice);
        const QJsonObject g = json.value(QStringLiteral("guests")).toArray().at(0).toObject();
        QCOMPARE(g.value(QStringLiteral("recommended_kib")).toDouble(),
                 double(*advice.guests[0].recommendedKiB));
        QCOMPARE(g.value(QStringLiteral("status")).toString(), QStringLiteral("advised"));
        QCOMPARE(g.value(QStringLiteral("tiers")).toArray().at(0).toString(),
                 QStringLiteral("raw"));
        QCOMPARE(json.value(QStringLiteral("policy"))
                     .toObject()
                     .value(QStringLiteral("percentile"))
                     .toDouble(),
                 95.0);
    }
};

BS_TEST_MAIN(TestSizingAdvisor)
#include "tst_sizingadvisor.moc"
