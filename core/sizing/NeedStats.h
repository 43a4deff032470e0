#pragma once

#include "history/NeedQuery.h"

#include <QList>

#include <optional>

namespace bs {

// Weighted nearest-rank percentiles of a guest's need: each point counts as many times as the
// fresh reports it stands for (one raw poll: 1; a roll-up row: its reports, at its maximum), so
// a minute's peak weighs as much as the polls it summarises. Sorts once, answers many.
class NeedDistribution {
public:
    explicit NeedDistribution(const QList<NeedPoint> &points);

    bool isEmpty() const { return m_totalWeight == 0; }
    qint64 totalWeight() const { return m_totalWeight; }
    // The smallest need that at least `percent` % of the weight does not exceed (nearest rank);
    // nullopt when empty. percent is clamped to (0, 100].
    std::optional<qint64> percentile(double percent) const;
    std::optional<qint64> highest() const;

private:
    struct Entry {
        qint64 value;
        qint64 weight;
    };
    QList<Entry> m_sorted;
    QList<qint64> m_cumulative;
    qint64 m_totalWeight = 0;
};

} // namespace bs
