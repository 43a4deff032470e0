#include "RecentSeries.h"

#include "metrics/DerivedMetrics.h"

#include <cmath>
#include <limits>

namespace bs {

namespace {

QString keyOf(const QString &hostId, const QString &uuid) {
    return hostId + QLatin1Char('\n') + uuid;
}

constexpr double Gap = std::numeric_limits<double>::quiet_NaN();

} // namespace

RecentSeries::RecentSeries(int capacityPerSeries)
    : m_capacity(capacityPerSeries) {}

void RecentSeries::append(Series &series, qint64 timeMs, double kib, qint64 gapMs) {
    if (!series.empty()) {
        const Point &last = series.back();
        if (timeMs <= last.timeMs)
            return; // out of order or repeated: keep the series monotonic
        if (!std::isnan(last.kib) && timeMs - last.timeMs > gapMs)
            series.push_back({last.timeMs + 1, Gap});
    }
    series.push_back({timeMs, kib});
    while (int(series.size()) > m_capacity)
        series.pop_front();
}

void RecentSeries::add(const PollCycle &cycle, int pollIntervalSeconds) {
    for (const MemorySample &s : cycle.samples) {
        Guest &guest = m_guests[keyOf(s.hostId, s.uuid)];
        const bool active = isActive(s.state);
        if (!active) {
            if (guest.wasActive) {
                for (Series &series : guest.series) {
                    if (!series.empty() && !std::isnan(series.back().kib))
                        series.push_back({s.timeMs, Gap});
                }
            }
            guest.wasActive = false;
            continue;
        }
        guest.wasActive = true;
        const int period = s.balloon.period.value_or(0);
        const qint64 hostGapMs = 3LL * pollIntervalSeconds * 1000;
        const qint64 guestGapMs = 3LL * qMax(pollIntervalSeconds, period) * 1000 + 1000;
        auto put = [&](Metric metric, const std::optional<quint64> &value, qint64 gapMs) {
            if (value)
                append(guest.series[size_t(metric)], s.timeMs, double(*value), gapMs);
        };
        put(Metric::Actual, s.stats.actual, hostGapMs);
        put(Metric::Rss, s.stats.rss, hostGapMs);
        if (s.freshReport) {
            const DerivedMetrics d = deriveMetrics(s.stats);
            put(Metric::Used, d.used, guestGapMs);
            put(Metric::UsedExcludingCache, d.usedExcludingCache, guestGapMs);
            put(Metric::Available, s.stats.available, guestGapMs);
        }
    }
}

void RecentSeries::remove(const QString &hostId, const QString &uuid) {
    m_guests.remove(keyOf(hostId, uuid));
}

void RecentSeries::removeHost(const QString &hostId) {
    const QString prefix = hostId + QLatin1Char('\n');
    for (auto it = m_guests.begin(); it != m_guests.end();) {
        if (it.key().startsWith(prefix))
            it = m_guests.erase(it);
        else
            ++it;
    }
}

const RecentSeries::Series &RecentSeries::series(const QString &hostId, const QString &uuid,
                                                 Metric metric) const {
    static const Series empty;
    const auto it = m_guests.constFind(keyOf(hostId, uuid));
    return it == m_guests.constEnd() ? empty : it->series[size_t(metric)];
}

qint64 RecentSeries::lastTimeMs(const QString &hostId, const QString &uuid) const {
    const auto it = m_guests.constFind(keyOf(hostId, uuid));
    if (it == m_guests.constEnd())
        return 0;
    qint64 last = 0;
    for (const Series &series : it->series) {
        if (!series.empty())
            last = qMax(last, series.back().timeMs);
    }
    return last;
}

} // namespace bs
