#include "RecentSeries.h"

#include "metrics/DerivedMetrics.h"
#include "model/ReportTiming.h"

#include <algorithm>
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

int RecentSeries::shareCapacity() const {
    const qsizetype guests = std::max<qsizetype>(1, m_guests.size());
    const qsizetype share = PointBudget / (guests * SeriesCount);
    return int(std::clamp<qsizetype>(share, std::min(MinPointsPerSeries, m_capacity), m_capacity));
}

int RecentSeries::capacityOf(const QString &hostId, const QString &uuid) const {
    return keyOf(hostId, uuid) == m_chartedKey ? m_capacity : shareCapacity();
}

void RecentSeries::setCharted(const QString &hostId, const QString &uuid) {
    m_chartedKey = hostId.isEmpty() ? QString() : keyOf(hostId, uuid);
}

void RecentSeries::append(Guest &guest, Metric metric, qint64 timeMs, double kib, qint64 gapMs,
                          int capacity) {
    Series &series = guest.series[size_t(indexOf(metric))];
    qint64 &lastSeen = guest.lastSeenMs[size_t(indexOf(metric))];
    if (!series.empty()) {
        const Point &last = series.back();
        if (timeMs <= last.timeMs)
            return; // out of order or repeated: keep the series monotonic
        if (!std::isnan(last.kib) && timeMs - std::max(lastSeen, last.timeMs) > gapMs)
            series.push({std::max(lastSeen, last.timeMs) + 1, Gap}, capacity);
    }
    series.push({timeMs, kib}, capacity);
    lastSeen = timeMs;
    series.keepAtMost(capacity);
}

void RecentSeries::hold(Guest &guest, Metric metric, qint64 timeMs) {
    const Series &series = guest.series[size_t(indexOf(metric))];
    if (!series.empty() && !std::isnan(series.back().kib))
        guest.lastSeenMs[size_t(indexOf(metric))] =
            std::max(guest.lastSeenMs[size_t(indexOf(metric))], timeMs);
}

void RecentSeries::breakLine(Guest &guest, Metric metric, qint64 timeMs, int capacity) {
    Series &series = guest.series[size_t(indexOf(metric))];
    if (!series.empty() && !std::isnan(series.back().kib) && timeMs > series.back().timeMs)
        series.push({timeMs, Gap}, capacity);
    series.keepAtMost(capacity);
}

void RecentSeries::add(const PollCycle &cycle, int pollIntervalSeconds) {
    const qint64 gapMs = ReportTiming::gapSeconds(pollIntervalSeconds) * 1000;
    for (const MemorySample &s : cycle.samples) {
        const QString key = keyOf(s.hostId, s.uuid);
        Guest &guest = m_guests[key];
        const int capacity = key == m_chartedKey ? m_capacity : shareCapacity();
        const bool active = isActive(s.state);
        if (!active) {
            if (guest.wasActive) {
                for (Metric m : Metrics)
                    breakLine(guest, m, s.timeMs, capacity);
            }
            guest.wasActive = false;
            continue;
        }
        guest.wasActive = true;
        const auto put = [&](Metric metric, const std::optional<quint64> &value) {
            if (value)
                append(guest, metric, s.timeMs, double(*value), gapMs, capacity);
            else
                breakLine(guest, metric, s.timeMs, capacity);
        };
        put(Metric::Actual, s.stats.actual);
        put(Metric::Rss, s.stats.rss);
        const Metric guestSide[] = {Metric::Used, Metric::UsedExcludingCache, Metric::Available};
        if (s.freshReport) {
            const DerivedMetrics d = deriveMetrics(s.stats);
            put(Metric::Used, d.used);
            put(Metric::UsedExcludingCache, d.usedExcludingCache);
            put(Metric::Available, s.stats.available);
        } else if (s.statsState == StatsState::Reporting) {
            for (Metric m : guestSide) // the last report stands
                hold(guest, m, s.timeMs);
        } else {
            for (Metric m : guestSide)
                breakLine(guest, m, s.timeMs, capacity);
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
    const int index = indexOf(metric);
    return it == m_guests.constEnd() || index < 0 ? empty : it->series[size_t(index)];
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
