#include "NeedStats.h"

#include <algorithm>
#include <cmath>

namespace bs {

NeedDistribution::NeedDistribution(const QList<NeedPoint> &points) {
    m_sorted.reserve(points.size());
    for (const NeedPoint &p : points) {
        if (p.reports > 0)
            m_sorted.append(Entry{p.needKiB, p.reports});
    }
    std::sort(m_sorted.begin(), m_sorted.end(),
              [](const Entry &a, const Entry &b) { return a.value < b.value; });
    m_cumulative.reserve(m_sorted.size());
    for (const Entry &e : std::as_const(m_sorted)) {
        m_totalWeight += e.weight;
        m_cumulative.append(m_totalWeight);
    }
}

std::optional<qint64> NeedDistribution::percentile(double percent) const {
    if (m_totalWeight == 0)
        return std::nullopt;
    const double p = std::clamp(percent, 0.0, 100.0);
    // Nearest rank: the ceil(p/100 × N)-th value, at least the first. Computed in integers where
    // p is a whole number or has one decimal, so P95 of 20 values is exactly the 19th.
    const qint64 rank = qMax<qint64>(
        1, qint64(std::ceil(std::round(p * 1000.0) * double(m_totalWeight) / 100000.0 - 1e-9)));
    const auto it = std::lower_bound(m_cumulative.cbegin(), m_cumulative.cend(), rank);
    const qsizetype i = qMin<qsizetype>(it - m_cumulative.cbegin(), m_sorted.size() - 1);
    return m_sorted.at(i).value;
}

std::optional<qint64> NeedDistribution::highest() const {
    if (m_sorted.isEmpty())
        return std::nullopt;
    return m_sorted.last().value;
}

} // namespace bs
