#include "RecentSeries.h"

#include "metrics/DerivedMetrics.h"
#include "model/ReportTiming.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bs {

namespace {

constexpr double Gap = std::numeric_limits<double>::quiet_NaN();

} // namespace

RecentSeries::RecentSeries(int capacityPerSeries)
    : m_capacity(capacityPerSeries) {}

int RecentSeries::shareCapacity() const {
    const qsizetype guests = std::max<qsizetype>(1, m_guestCount);
    const qsizetype share = PointBudget / (guests * SeriesCount);
    return int(std::clamp<qsizetype>(share, std::min(MinPointsPerSeries, m_capacity), m_capacity));
}

bool RecentSeries::isCharted(const QString &hostId, const QString &uuid) const {
    return !m_chartedHost.isEmpty() && uuid == m_chartedUuid && hostId == m_chartedHost;
}

const RecentSeries::Guest *RecentSeries::find(const QString &hostId, const QString &uuid) const {
    const auto host = m_hosts.constFind(hostId);
    if (host == m_hosts.constEnd())
        return nullptr;
    const auto guest = host->constFind(uuid);
    return guest == host->constEnd() ? nullptr : &*guest;
}

int RecentSeries::capacityOf(const QString &hostId, const QString &uuid) const {
    return isCharted(hostId, uuid) ? m_capacity : shareCapacity();
}

void RecentSeries::setCharted(const QString &hostId, const QString &uuid) {
    m_chartedHost = hostId;
    m_chartedUuid = hostId.isEmpty() ? QString() : uuid;
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
    QHash<QString, Guest> *host = nullptr; // the host of the sample before, while it stays
    const QString *hostId = nullptr;
    for (const MemorySample &s : cycle.samples) {
        if (!hostId || s.hostId != *hostId) {
            hostId = &s.hostId;
            host = &m_hosts[s.hostId];
        }
        const qsizetype before = host->size();
        Guest &guest = (*host)[s.uuid];
        m_guestCount += host->size() - before;
        const int capacity = isCharted(s.hostId, s.uuid) ? m_capacity : shareCapacity();
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
    const auto host = m_hosts.find(hostId);
    if (host == m_hosts.end())
        return;
    m_guestCount -= host->remove(uuid) ? 1 : 0;
    if (host->isEmpty())
        m_hosts.erase(host);
}

void RecentSeries::removeHost(const QString &hostId) {
    const auto host = m_hosts.find(hostId);
    if (host == m_hosts.end())
        return;
    m_guestCount -= host->size();
    m_hosts.erase(host);
}

const RecentSeries::Series &RecentSeries::series(const QString &hostId, const QString &uuid,
                                                 Metric metric) const {
    static const Series empty;
    const Guest *guest = find(hostId, uuid);
    const int index = indexOf(metric);
    return !guest || index < 0 ? empty : guest->series[size_t(index)];
}

qint64 RecentSeries::lastTimeMs(const QString &hostId, const QString &uuid) const {
    const Guest *guest = find(hostId, uuid);
    if (!guest)
        return 0;
    qint64 last = 0;
    for (const Series &series : guest->series) {
        if (!series.empty())
            last = qMax(last, series.back().timeMs);
    }
    return last;
}

} // namespace bs
