#pragma once

#include "history/SeriesTypes.h"
#include "monitor/MemorySample.h"

#include <QList>

#include <limits>
#include <optional>

namespace bs {

// Minimum, mean, 95th percentile and maximum of one figure over a range. p95 is the nearest-rank
// percentile: the smallest value that at least 95 % of the values do not exceed.
struct FigureStats {
    int count = 0;
    double min = std::numeric_limits<double>::quiet_NaN();
    double avg = std::numeric_limits<double>::quiet_NaN();
    double p95 = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();

    bool valid() const { return count > 0; }
};

FigureStats figureStats(QList<double> values);
// Over decimated points (roll-up buckets): min of the minima, max of the maxima, mean and p95 of
// the bucket means. Gaps are skipped.
FigureStats envelopeStats(const QList<EnvelopePoint> &points);
// Nearest rank on sorted values; NaN when empty.
double nearestRankPercentile(const QList<double> &sorted, double fraction);

// The share (0..1) of [fromMs, toMs] in which the guest's statistics were fresh: the host saw
// its reports advance (recorded stats state "reporting", a fresh report or one repeated within
// its period). Each poll counts until the next one, but at most `maxGapMs` (beyond that nothing
// was recorded); the last one for one polling interval. Empty when the range is empty.
std::optional<double> statsCoverage(const QList<MemorySample> &samples, qint64 fromMs, qint64 toMs,
                                    qint64 maxGapMs);

} // namespace bs
