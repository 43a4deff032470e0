#pragma once

#include "NeedQuery.h"

#include <QList>

#include <optional>
#include <vector>

namespace bs {

// Collects a guest's need values as they are read and answers weighted nearest-rank
// percentiles: each value counts as many times as the fresh reports it stands for (a raw poll
// once; a roll-up row's maximum as often as the reports of its minute or hour, so a peak weighs
// as much as the polls it summarises). Exact, without sorting every value: a histogram by MiB
// finds the bucket that holds each rank, and only that bucket's values are sorted.
class NeedAccumulator {
public:
    void reserve(qsizetype rawPolls) { m_raw.reserve(size_t(qMax<qsizetype>(0, rawPolls))); }
    void addRaw(qint64 needKiB, bool cacheCounted);
    void addRollup(qint64 needKiB, qint64 reports, Tier tier, bool cacheCounted);
    // The summary with the asked percentiles (each clamped to (0, 100]).
    NeedSummary summary(const QList<double> &percents) const;

private:
    struct Weighted {
        qint64 value;
        qint64 weight;
    };
    std::optional<qint64> percentile(double percent, const std::vector<qint64> &histogram,
                                     int shift) const;

    std::vector<qint64> m_raw;        // weight 1 each
    std::vector<Weighted> m_weighted; // roll-up rows
    qint64 m_weight = 0;
    qint64 m_highest = -1;
    bool m_cacheCounted = false;
    bool m_tiers[TierCount] = {};
};

// The summary of a list of points (tests, and callers that have the points at hand).
NeedSummary summarizeNeeds(const QList<NeedPoint> &points, const QList<double> &percents);

} // namespace bs
