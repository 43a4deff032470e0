#include "TestMain.h"
#include "history/RangePlanner.h"

using namespace bs;
using namespace bs::history;

namespace {

constexpr qint64 Now = 1735689600; // aligned to the hour
constexpr qint64 Day = 86400;

// A steady state: raw kept 7 days, minutes 90 days, hours since long ago; the compactor is a few
// minutes behind.
TierWindows steadyState() {
    TierWindows w;
    w[int(Tier::Raw)] = {Now - 7 * Day, std::numeric_limits<qint64>::max()};
    w[int(Tier::Minute)] = {Now - 90 * Day, Now - 300};
    w[int(Tier::Hour)] = {0, Now - 3600};
    return w;
}

} // namespace

class TestRangePlanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shortRangesUseRawSamples() {
        const RangePlan plan = planRange(Now - 3600, Now, 1800, steadyState());
        QCOMPARE(plan.bucketSeconds, 2);
        QCOMPARE(plan.preferred, Tier::Raw);
        QCOMPARE(plan.segments, (QList<Segment>{{Tier::Raw, Now - 3600, Now}}));
    }

    void thirtyDaysUseMinutesAndRawForTheNewest() {
        const RangePlan plan = planRange(Now - 30 * Day, Now, 1920, steadyState());
        QCOMPARE(plan.preferred, Tier::Minute);
        QCOMPARE(plan.bucketSeconds % 60, 0); // minute rows never straddle buckets
        QVERIFY(plan.bucketSeconds >= 30 * Day / 1920);
        QVERIFY((30 * Day) / plan.bucketSeconds <= 1920);
        QCOMPARE(plan.segments, (QList<Segment>{{Tier::Minute, Now - 30 * Day, Now - 300},
                                                {Tier::Raw, Now - 300, Now}}));
    }

    void aYearUsesHoursThenFinerTiers() {
        const RangePlan plan = planRange(Now - 365 * Day, Now, 1920, steadyState());
        QCOMPARE(plan.preferred, Tier::Hour);
        QCOMPARE(plan.bucketSeconds % 3600, 0);
        QCOMPARE(plan.segments, (QList<Segment>{{Tier::Hour, Now - 365 * Day, Now - 3600},
                                                {Tier::Minute, Now - 3600, Now - 300},
                                                {Tier::Raw, Now - 300, Now}}));
    }

    void purgedRawFallsBackToRollups() {
        // A one-hour view ten days ago: raw samples are gone, minutes remain.
        const RangePlan plan =
            planRange(Now - 10 * Day, Now - 10 * Day + 3600, 1000, steadyState());
        QCOMPARE(plan.preferred, Tier::Raw);
        QCOMPARE(plan.segments,
                 (QList<Segment>{{Tier::Minute, Now - 10 * Day, Now - 10 * Day + 3600}}));
        // Straddling the raw horizon: minutes before it, raw after.
        const RangePlan straddle =
            planRange(Now - 7 * Day - 600, Now - 7 * Day + 600, 600, steadyState());
        QCOMPARE(straddle.segments,
                 (QList<Segment>{{Tier::Minute, Now - 7 * Day - 600, Now - 7 * Day},
                                 {Tier::Raw, Now - 7 * Day, Now - 7 * Day + 600}}));
        // Older than the minute tier keeps: hours.
        const RangePlan old = planRange(Now - 200 * Day, Now - 200 * Day + 3600, 60, steadyState());
        QCOMPARE(old.segments,
                 (QList<Segment>{{Tier::Hour, Now - 200 * Day, Now - 200 * Day + 3600}}));
    }

    void freshDatabaseHasOnlyRaw() {
        TierWindows w; // nothing rolled up: roll-up windows empty at 0
        w[int(Tier::Minute)] = {0, 0};
        w[int(Tier::Hour)] = {0, 0};
        const RangePlan plan = planRange(Now - 365 * Day, Now, 1920, w);
        QCOMPARE(plan.segments, (QList<Segment>{{Tier::Raw, Now - 365 * Day, Now}}));
    }

    void bucketsDependOnlyOnSpan() {
        // Panning keeps the width, and buckets are aligned to the epoch: the same points come back.
        const RangePlan a = planRange(Now - 6 * 3600, Now, 1000, steadyState());
        const RangePlan b = planRange(Now - 6 * 3600 - 777, Now - 777, 1000, steadyState());
        QCOMPARE(a.bucketSeconds, b.bucketSeconds);
    }

    void degenerateRequests() {
        const RangePlan empty = planRange(Now, Now, 1000, steadyState());
        QVERIFY(empty.segments.isEmpty());
        QCOMPARE(empty.bucketSeconds, 1);
        const RangePlan noPoints = planRange(Now - 100, Now, 0, steadyState());
        QCOMPARE(noPoints.bucketSeconds, 120); // 100 s, rounded up to whole minutes
    }
};

BS_TEST_MAIN(TestRangePlanner)
#include "tst_rangeplanner.moc"
