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
    QHash<QString, QList<MemorySample>> &guests = m_byHost[cycle.hostId];
    for (const MemorySample &s : cycle.samples) {
        QList<MemorySample> &list = guests[s.uuid];
        if (!list.isEmpty()) {
            const MemorySample &before = list.constLast();
            if (before.balloon != s.balloon || before.statsState != s.statsState ||
                isActive(before.state) != isActive(s.state))
                changed.append(s.uuid);
        }
        append(list, s, pollIntervalSeconds);
    }
    return changed;
}

void RecentSampleBuffer::append(QList<MemorySample> &list, const MemorySample &s,
                                int pollInterval) {
    // The guest's strings once: every poll brings its own copies.
    MemorySample kept = s;
    if (!list.isEmpty()) {
        const MemorySample &before = list.constLast();
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
    if (!isActive(s.state) || (!list.isEmpty() && !isActive(list.constLast().state)))
        list.clear();
    // Three readings with the same last_update: the middle one adds nothing the inspector uses
    // (the span runs first to last; an increase needs a change), unless it alone carries the
    // guest's fields.
    const int n = int(list.size());
    if (n >= 2 && lastUpdateOf(list.at(n - 1)) == lastUpdateOf(s) &&
        lastUpdateOf(list.at(n - 2)) == lastUpdateOf(s) &&
        (!list.at(n - 1).stats.hasGuestFields() || list.at(n - 2).stats.hasGuestFields() ||
         s.stats.hasGuestFields()))
        list.removeAt(n - 1);
    list.append(kept);

    // Keep the span that decides (two periods + slack) plus a poll on either side.
    const int period = s.balloon.statsEnabled() ? *s.balloon.period : 1;
    const qint64 keepMs = qint64(
        (HostSideInspector::secondsNeeded(period, pollInterval) + 2.0 * std::max(1, pollInterval)) *
        1000.0);
    while (list.size() > 2 && s.timeMs - list.at(1).timeMs >= keepMs)
        list.removeFirst();
    while (list.size() > MaxPerGuest)
        list.removeFirst();
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
    for (const QList<MemorySample> &list : *host)
        out.append(list);
    return out;
}

QList<MemorySample> RecentSampleBuffer::samples(const QString &hostId, const QString &uuid) const {
    return m_byHost.value(hostId).value(uuid);
}

const MemorySample *RecentSampleBuffer::latest(const QString &hostId, const QString &uuid) const {
    const auto host = m_byHost.constFind(hostId);
    if (host == m_byHost.constEnd())
        return nullptr;
    const auto list = host->constFind(uuid);
    if (list == host->constEnd() || list->isEmpty())
        return nullptr;
    return &list->constLast();
}

} // namespace bs::gui
