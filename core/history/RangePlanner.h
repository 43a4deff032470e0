#pragma once

#include "SeriesTypes.h"

#include <QList>

#include <array>
#include <limits>

namespace bs::history {

// Where a tier's data is complete, in seconds: [from, until). Raw data runs to "now"; a roll-up
// tier only up to where the compactor has rolled it, and each tier starts where retention purged
// it. The compactor keeps the tiers overlapping: it purges a tier only where the next coarser
// one is rolled up.
struct TierWindow {
    qint64 from = 0;
    qint64 until = std::numeric_limits<qint64>::max();
};
using TierWindows = std::array<TierWindow, TierCount>; // indexed by Tier

struct Segment {
    Tier tier = Tier::Raw;
    qint64 from = 0; // seconds, inclusive
    qint64 to = 0;   // seconds, exclusive
    bool operator==(const Segment &) const = default;
};

struct RangePlan {
    qint64 bucketSeconds = 1;
    Tier preferred = Tier::Raw;
    QList<Segment> segments; // in time order, not overlapping
};

// Picks the bucket width (range / points, at least 1 s) and the coarsest tier whose step fits in
// one bucket (a roll-up's step is rounded up into the width so its rows never straddle buckets),
// then covers [from, to) with that tier where it has data, a coarser tier for what is older than
// its window (purged) and a finer tier for what is newer (not rolled up yet).
RangePlan planRange(qint64 from, qint64 to, int points, const TierWindows &windows);

} // namespace bs::history
