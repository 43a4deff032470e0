#include "TestMain.h"
#include "readiness/RecordedVerdict.h"
#include "report/SampleStats.h"

using namespace bs;

// The report's figures from recorded polls: min/avg/p95/max, the stats coverage, and the
// readiness verdict from the recorded stats states.
namespace {

constexpr qint64 T0 = 1735689600000;

MemorySample poll(qint64 t, StatsState stats, DomainState state = DomainState::Running) {
    MemorySample s;
    s.timeMs = t;
    s.state = state;
    s.statsState = stats;
    return s;
}

} // namespace

class TestSampleStats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nearestRankPercentile() {
        QList<double> values;
        for (int i = 100; i >= 1; --i)
            values.append(i); // any order
        const FigureStats s = figureStats(values);
        QCOMPARE(s.count, 100);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 100.0);
        QCOMPARE(s.avg, 50.5);
        QCOMPARE(s.p95, 95.0); // 95 of the 100 values are at or below it
        QCOMPARE(figureStats({7.0}).p95, 7.0);
        QCOMPARE(figureStats({1.0, 2.0, 3.0}).p95, 3.0); // ceil(0.95 × 3) = 3rd
        QVERIFY(!figureStats({}).valid());
        QCOMPARE(figureStats({std::nan(""), 2.0}).count, 1);
    }

    void envelopesKeepTheTrueExtremes() {
        const FigureStats s =
            envelopeStats({EnvelopePoint{T0, 5, 10, 20}, EnvelopePoint::gap(T0 + 1),
                           EnvelopePoint{T0 + 2, 1, 30, 40}});
        QCOMPARE(s.count, 2);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 40.0);
        QCOMPARE(s.avg, 20.0);
        QCOMPARE(s.p95, 30.0);
    }

    void coverageCountsReportingTime() {
        // 10 s polls over 100 s: reporting for the first half, stale after.
        QList<MemorySample> polls;
        for (int i = 0; i < 10; ++i)
            polls.append(poll(T0 + i * 10000, i < 5 ? StatsState::Reporting : StatsState::Stale));
        QCOMPARE(*statsCoverage(polls, T0, T0 + 100000, 32000), 0.5);
        // All reporting: the last poll counts for one interval, to the end of the range.
        for (MemorySample &p : polls)
            p.statsState = StatsState::Reporting;
        QCOMPARE(*statsCoverage(polls, T0, T0 + 100000, 32000), 1.0);
        // A hole in the recording longer than the gap threshold counts only up to it.
        polls.remove(3, 4); // polls at 0,10,20, then 70,80,90
        QCOMPARE(*statsCoverage(polls, T0, T0 + 100000, 32000),
                 (10.0 + 10.0 + 32.0 + 10.0 + 10.0 + 10.0) / 100.0);
        QVERIFY(!statsCoverage(polls, T0, T0, 32000));
        QCOMPARE(*statsCoverage({}, T0, T0 + 1000, 32000), 0.0);
    }

    void coverageIgnoresWhatLiesOutsideTheRange() {
        QList<MemorySample> polls;
        for (int i = 0; i < 20; ++i)
            polls.append(poll(T0 + i * 10000, StatsState::Reporting));
        QCOMPARE(*statsCoverage(polls, T0 + 50000, T0 + 100000, 32000), 1.0);
        QCOMPARE(*statsCoverage(polls, T0 + 150000, T0 + 250000, 32000), 0.5);
    }

    void verdictFromTheLastRunningPoll_data() {
        QTest::addColumn<int>("stats");
        QTest::addColumn<int>("verdict");
        QTest::newRow("reporting") << int(StatsState::Reporting) << int(Verdict::Ready);
        QTest::newRow("off") << int(StatsState::Off) << int(Verdict::PollingOff);
        QTest::newRow("no balloon") << int(StatsState::NoBalloon) << int(Verdict::NoBalloonDevice);
        QTest::newRow("no driver") << int(StatsState::NoDriver) << int(Verdict::NoBalloonDriver);
        QTest::newRow("stale") << int(StatsState::Stale) << int(Verdict::NotDelivering);
        QTest::newRow("waiting") << int(StatsState::Waiting) << int(Verdict::Unknown);
    }
    void verdictFromTheLastRunningPoll() {
        QFETCH(int, stats);
        QFETCH(int, verdict);
        const QList<MemorySample> polls{poll(T0, StatsState::Reporting),
                                        poll(T0 + 10000, StatsState(stats))};
        const RecordedReadiness r = RecordedReadiness::fromSamples(polls);
        QCOMPARE(int(r.verdict), verdict);
        QCOMPARE(r.atMs, T0 + 10000);
        QCOMPARE(r.reason, statsStateExplanation(StatsState(stats)));
    }

    void stoppedOrSilentGuestsAreUnknownWithAReason() {
        QCOMPARE(RecordedReadiness::fromSamples({}).verdict, Verdict::Unknown);
        QVERIFY(!RecordedReadiness::fromSamples({}).reason.isEmpty());
        const RecordedReadiness off =
            RecordedReadiness::fromSamples({poll(T0, StatsState::Inactive, DomainState::Shutoff)});
        QCOMPARE(off.verdict, Verdict::Unknown);
        QVERIFY(off.reason.contains(QStringLiteral("did not run")));
        // Stopped at the end: the verdict of when it last ran, saying so.
        const RecordedReadiness before = RecordedReadiness::fromSamples(
            {poll(T0, StatsState::Off),
             poll(T0 + 10000, StatsState::Inactive, DomainState::Shutoff)});
        QCOMPARE(before.verdict, Verdict::PollingOff);
        QCOMPARE(before.atMs, T0);
        QVERIFY(before.reason.contains(QStringLiteral("last seen running")));
    }
};

BS_TEST_MAIN(TestSampleStats)
#include "tst_samplestats.moc"
