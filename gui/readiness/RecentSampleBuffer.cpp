#include "RecentSampleBuffer.h"

#include "readiness/HostSideInspector.h"

namespace bs::gui {

namespace {

qint64 lastUpdateOf(const MemorySample &s) {
    return s.stats.lastUpdate.value_or(0);
}

} // namespace

QStringList RecentSampleBuffer::add(const PollCycle &cycle, int pollIntervalSeconds) {
    QStringList changed;
    QHash<QString, Samples> &guests = m_byHost[cycle.hostId];
    for (const MemorySample &s : cycle.samples) {
        Samples &list = guests[s.uuid];
        if (!list.empty()) {
            const MemorySample &before = list.back();
            if (before.balloon != s.balloon || before.statsState != s.statsState ||
                isActive(before.state) != isActive(s.state))
                changed.append(s.uuid);
        }
        append(list, s, pollIntervalSeconds);
    }
    return changed;
}

void RecentSampleBuffer::append(Samples &list, const MemorySample &s, int pollInterval) {
    // The guest's strings once: every poll brings its own copies.
    MemorySample kept = s;
    if (!list.empty()) {
        const MemorySample &before = list.back();
        if (kept.hostId == before.hostId)
            kept.hostId = before.hostId;
        if (kept.uuid == before.uuid)
            kept.uuid = before.uuid;
        if (kept.name == before.name)
            kept.name = before.name;
        if (kept.balloon.modelName == before.balloon.modelName)
            kept.balloon.modelName = before.balloon.modelName;
    }
    // Readings of an earlier run of the guest say nothing about this one.
    if (!isActive(s.state) || (!list.empty() && !isActive(list.back().state)))
        list.clear();
    // Three readings with the same last_update: the middle one adds nothing the inspector uses
    // (the span runs first to last; an increase needs a change), unless it alone carries the
    // guest's fields.
    const int n = int(list.size());
    if (n >= 2 && lastUpdateOf(list.at(n - 1)) == lastUpdateOf(s) &&
        lastUpdateOf(list.at(n - 2)) == lastUpdateOf(s) &&
        (!list.at(n - 1).stats.hasGuestFields() || list.at(n - 2).stats.hasGuestFields() ||
         s.stats.hasGuestFields()))
        list.pop_back();
    list.push_back(std::move(kept));

    // Keep the span that decides (two periods + slack) plus a poll on either side.
    const int period = s.balloon.statsEnabled() ? *s.balloon.period : 1;
    const qint64 keepMs = qint64(
        (HostSideInspector::secondsNeeded(period, pollInterval) + 2.0 * std::max(1, pollInterval)) *
        1000.0);
    while (list.size() > 2 && s.timeMs - list.at(1).timeMs >= keepMs)
        list.pop_front();
    while (list.size() > size_t(MaxPerGuest))
        list.pop_front();
}

void RecentSampleBuffer::clearGuest(const QString &hostId, const QString &uuid) {
    auto host = m_byHost.find(hostId);
    if (host != m_byHost.end())
        host->remove(uuid);
}

void RecentSampleBuffer::removeGuests(const QString &hostId, const QStringList &uuids) {
    for (const QString &uuid : uuids)
        clearGuest(hostId, uuid);
}

void RecentSampleBuffer::removeHost(const QString &hostId) {
    m_byHost.remove(hostId);
}

QList<MemorySample> RecentSampleBuffer::samples(const QString &hostId) const {
    QList<MemorySample> out;
    const auto host = m_byHost.constFind(hostId);
    if (host == m_byHost.constEnd())
        return out;
    for (const Samples &list : *host) {
        for (const MemorySample &s : list)
            out.append(s);
    }
    return out;
}

QList<MemorySample> RecentSampleBuffer::samples(const QString &hostId, const QString &uuid) const {
    const auto host = m_byHost.constFind(hostId);
    if (host == m_byHost.constEnd())
        return {};
    const auto list = host->constFind(uuid);
    if (list == host->constEnd())
        return {};
    return QList<MemorySample>(list->cbegin(), list->cend());
}

const MemorySample *RecentSampleBuffer::latest(const QString &hostId, const QString &uuid) const {
    const auto host = m_byHost.constFind(hostId);
    if (host == m_byHost.constEnd())
        return nullptr;
    const auto list = host->constFind(uuid);
    if (list == host->constEnd() || list->empty())
        return nullptr;
    return &list->back();
}

} // namespace bs::gui
