#include "SampleStats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bs {

double nearestRankPercentile(const QList<double> &sorted, double fraction) {
    if (sorted.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    const auto rank = qsizetype(std::ceil(fraction * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank, 1, sorted.size()) - 1);
}

FigureStats figureStats(QList<double> values) {
    values.removeIf([](double v) { return std::isnan(v); });
    FigureStats s;
    s.count = int(values.size());
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    s.min = values.first();
    s.max = values.last();
    s.avg = std::accumulate(values.cbegin(), values.cend(), 0.0) / double(values.size());
    s.p95 = nearestRankPercentile(values, 0.95);
    return s;
}

FigureStats envelopeStats(const QList<EnvelopePoint> &points) {
    QList<double> means;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (const EnvelopePoint &p : points) {
        if (p.isGap())
            continue;
        means.append(p.avg);
        lo = std::min(lo, std::isnan(p.min) ? p.avg : p.min);
        hi = std::max(hi, std::isnan(p.max) ? p.avg : p.max);
    }
    FigureStats s = figureStats(means);
    if (s.valid()) {
        s.min = lo;
        s.max = hi;
    }
    return s;
}

std::optional<double> statsCoverage(const QList<MemorySample> &samples, qint64 fromMs, qint64 toMs,
                                    qint64 maxGapMs) {
    if (toMs <= fromMs)
        return std::nullopt;
    // The polling interval, for how long the last poll counts: the usual spacing of the polls.
    QList<qint64> spacing;
    for (int i = 1; i < samples.size(); ++i)
        spacing.append(samples[i].timeMs - samples[i - 1].timeMs);
    qint64 interval = std::max<qint64>(1000, (maxGapMs - 2000) / 3);
    if (!spacing.isEmpty()) {
        std::nth_element(spacing.begin(), spacing.begin() + spacing.size() / 2, spacing.end());
        interval = std::min(interval, spacing.at(spacing.size() / 2));
    }
    qint64 covered = 0;
    for (int i = 0; i < samples.size(); ++i) {
        const MemorySample &s = samples[i];
        if (s.statsState != StatsState::Reporting || !isActive(s.state))
            continue;
        const qint64 end = i + 1 < samples.size()
                               ? std::min(samples[i + 1].timeMs, s.timeMs + maxGapMs)
                               : s.timeMs + interval;
        const qint64 a = std::clamp(s.timeMs, fromMs, toMs);
        const qint64 b = std::clamp(end, fromMs, toMs);
        covered += b - a;
    }
    return std::clamp(double(covered) / double(toMs - fromMs), 0.0, 1.0);
}

} // namespace bs
