#include "RangePlanner.h"

namespace bs::history {

namespace {

enum class Direction { Both, Older, Newer };

void cover(qint64 a, qint64 b, int tier, Direction direction, const TierWindows &windows,
           QList<Segment> &out) {
    if (a >= b || tier < 0 || tier >= TierCount)
        return;
    const TierWindow &w = windows[tier];
    const qint64 olderEnd = qMin(b, w.from);
    const qint64 lo = qMax(a, w.from);
    const qint64 hi = qMin(b, w.until);
    const qint64 newerStart = qMax(a, qMax(w.until, w.from));
    if (direction != Direction::Newer)
        cover(a, olderEnd, tier + 1, Direction::Older, windows, out);
    if (lo < hi)
        out.append(Segment{Tier(tier), lo, hi});
    if (direction != Direction::Older)
        cover(newerStart, b, tier - 1, Direction::Newer, windows, out);
}

} // namespace

RangePlan planRange(qint64 from, qint64 to, int points, const TierWindows &windows) {
    RangePlan plan;
    const qint64 span = qMax<qint64>(0, to - from);
    const qint64 n = qMax(1, points);
    plan.bucketSeconds = qMax<qint64>(1, (span + n - 1) / n);
    for (int t = TierCount - 1; t >= 0; --t) {
        const qint64 step = tierStepSeconds(Tier(t));
        if (step <= plan.bucketSeconds) {
            plan.preferred = Tier(t);
            if (step > 0)
                plan.bucketSeconds = (plan.bucketSeconds + step - 1) / step * step;
            break;
        }
    }
    cover(from, to, int(plan.preferred), Direction::Both, windows, plan.segments);
    return plan;
}

} // namespace bs::history
