#include "GuestWindow.h"

#include <QSet>

#include <algorithm>

namespace bs {

namespace {

QString keyOf(const QString &hostId, const QString &uuid) {
    return hostId + QLatin1Char('\n') + uuid;
}

} // namespace

const MemorySample *GuestWindow::latest() const {
    return samples.isEmpty() ? nullptr : &samples.last();
}

const MemorySample *GuestWindow::latestFresh() const {
    for (auto it = samples.crbegin(); it != samples.crend(); ++it) {
        if (it->freshReport)
            return &*it;
    }
    return nullptr;
}

void GuestWindows::add(const PollCycle &cycle) {
    QSet<QString> seen;
    for (const MemorySample &s : cycle.samples) {
        const QString key = keyOf(cycle.hostId, s.uuid);
        seen.insert(key);
        GuestWindow &w = m_guests[key];
        w.hostId = cycle.hostId;
        w.uuid = s.uuid;
        w.name = s.name;
        w.samples.append(s);
        const qint64 oldest = s.timeMs - m_keepMs;
        while (!w.samples.isEmpty() && w.samples.first().timeMs < oldest)
            w.samples.removeFirst();
    }
    for (auto it = m_guests.begin(); it != m_guests.end();) {
        if (it->hostId == cycle.hostId && !seen.contains(it.key()))
            it = m_guests.erase(it);
        else
            ++it;
    }
}

void GuestWindows::setTarget(const QString &hostId, const QString &uuid, BalloonTarget target) {
    const auto it = m_guests.find(keyOf(hostId, uuid));
    if (it != m_guests.end())
        it->target = target;
}

QList<GuestWindow> GuestWindows::windows(const QString &hostId) const {
    QList<GuestWindow> out;
    for (const GuestWindow &w : m_guests) {
        if (w.hostId == hostId)
            out.append(w);
    }
    std::sort(out.begin(), out.end(), [](const GuestWindow &a, const GuestWindow &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return out;
}

const GuestWindow *GuestWindows::window(const QString &hostId, const QString &uuid) const {
    const auto it = m_guests.constFind(keyOf(hostId, uuid));
    return it == m_guests.cend() ? nullptr : &*it;
}

qint64 GuestWindows::spanMs(const QString &hostId) const {
    qint64 first = 0;
    qint64 last = 0;
    for (const GuestWindow &w : m_guests) {
        if (w.hostId != hostId || w.samples.isEmpty())
            continue;
        first = first == 0 ? w.samples.first().timeMs : std::min(first, w.samples.first().timeMs);
        last = std::max(last, w.samples.last().timeMs);
    }
    return last - first;
}

void GuestWindows::removeHost(const QString &hostId) {
    for (auto it = m_guests.begin(); it != m_guests.end();) {
        if (it->hostId == hostId)
            it = m_guests.erase(it);
        else
            ++it;
    }
}

} // namespace bs
