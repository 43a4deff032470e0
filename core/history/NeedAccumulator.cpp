#include "NeedAccumulator.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace bs {

namespace {

constexpr int MinShift = 10;      // buckets of 1 MiB
constexpr int MaxBucketBits = 20; // at most about a million buckets, whatever the values

} // namespace

void NeedAccumulator::addRaw(qint64 needKiB, bool cacheCounted) {
    if (needKiB < 0)
        return;
    m_raw.push_back(needKiB);
    ++m_weight;
    m_highest = qMax(m_highest, needKiB);
    m_cacheCounted = m_cacheCounted || cacheCounted;
    m_tiers[int(Tier::Raw)] = true;
}

void NeedAccumulator::addRollup(qint64 needKiB, qint64 reports, Tier tier, bool cacheCounted) {
    if (needKiB < 0 || reports <= 0)
        return;
    m_weighted.push_back(Weighted{needKiB, reports});
    m_weight += reports;
    m_highest = qMax(m_highest, needKiB);
    m_cacheCounted = m_cacheCounted || cacheCounted;
    m_tiers[int(tier)] = true;
}

std::optional<qint64>
NeedAccumulator::percentile(double percent, const std::vector<qint64> &histogram, int shift) const {
    // Nearest rank: the ceil(p/100 × W)-th value, at least the first. Computed on p in
    // thousandths so that P95 of 20 values is exactly the 19th.
    const double p = std::clamp(percent, 0.0, 100.0);
    const qint64 rank = qBound<qint64>(
        1, qint64(std::ceil(std::round(p * 1000.0) * double(m_weight) / 100000.0 - 1e-9)),
        m_weight);
    qint64 before = 0;
    size_t bucket = 0;
    for (; bucket < histogram.size(); ++bucket) {
        if (before + histogram[bucket] >= rank)
            break;
        before += histogram[bucket];
    }
    std::vector<Weighted> in;
    for (qint64 v : m_raw) {
        if (size_t(v >> shift) == bucket)
            in.push_back(Weighted{v, 1});
    }
    for (const Weighted &w : m_weighted) {
        if (size_t(w.value >> shift) == bucket)
            in.push_back(w);
    }
    std::sort(in.begin(), in.end(),
              [](const Weighted &a, const Weighted &b) { return a.value < b.value; });
    qint64 seen = before;
    for (const Weighted &w : in) {
        seen += w.weight;
        if (seen >= rank)
            return w.value;
    }
    return in.empty() ? std::nullopt : std::optional<qint64>(in.back().value);
}

NeedSummary NeedAccumulator::summary(const QList<double> &percents) const {
    NeedSummary s;
    s.points = qint64(m_raw.size() + m_weighted.size());
    s.reports = m_weight;
    s.cacheCounted = m_cacheCounted;
    for (int t = 0; t < TierCount; ++t) {
        if (m_tiers[t])
            s.tiers.append(Tier(t));
    }
    if (m_weight == 0)
        return s;
    s.highestKiB = m_highest;
    const int bits = int(std::bit_width(quint64(m_highest)));
    const int shift = qMax(MinShift, bits - MaxBucketBits);
    std::vector<qint64> histogram(size_t(m_highest >> shift) + 1, 0);
    for (qint64 v : m_raw)
        ++histogram[size_t(v >> shift)];
    for (const Weighted &w : m_weighted)
        histogram[size_t(w.value >> shift)] += w.weight;
    for (double p : percents) {
        if (const auto v = percentile(p, histogram, shift))
            s.percentiles.append({p, *v});
    }
    return s;
}

NeedSummary summarizeNeeds(const QList<NeedPoint> &points, const QList<double> &percents) {
    NeedAccumulator a;
    for (const NeedPoint &p : points) {
        if (p.tier == Tier::Raw && p.reports == 1)
            a.addRaw(p.needKiB, p.cacheCounted);
        else
            a.addRollup(p.needKiB, p.reports, p.tier, p.cacheCounted);
    }
    return a.summary(percents);
}

} // namespace bs
