#include "GuestWindow.h"

#include <QSet>

#include <algorithm>

namespace bs {

static_assert(sizeof(WindowSample) <= 48, "the health window's memory bound counts on it");
static_assert(alignof(WindowSample) == 1, "no padding between the packed figures");

namespace {

QString keyOf(const QString &hostId, const QString &uuid) {
    return hostId + QLatin1Char('\n') + uuid;
}

} // namespace

WindowSample WindowSample::of(const MemorySample &s) {
    WindowSample w;
    w.timeMs = PackedTimeMs(s.timeMs);
    w.state = s.state;
    w.statsState = s.statsState;
    w.freshReport = s.freshReport;
    w.stats.actual = s.stats.actual;
    w.stats.swapIn = s.stats.swapIn;
    w.stats.swapOut = s.stats.swapOut;
    w.stats.majorFault = s.stats.majorFault;
    w.stats.minorFault = s.stats.minorFault;
    w.stats.lastUpdate = s.stats.lastUpdate;
    w.stats.psiSome = s.stats.psiSome;
    w.stats.psiFull = s.stats.psiFull;
    w.stats.guestFields = s.stats.hasGuestFields();
    return w;
}

void WindowSamples::append(const WindowSample &sample) {
    if (m_size == m_buf.size()) {
        // Full: a new ring a quarter larger, oldest first.
        QList<WindowSample> grown;
        grown.reserve(std::max<qsizetype>(8, m_size + m_size / 4));
        for (qsizetype i = 0; i < m_size; ++i)
            grown.append(at(i));
        grown.resize(grown.capacity());
        m_buf = std::move(grown);
        m_head = 0;
    }
    m_buf[(m_head + m_size) % m_buf.size()] = sample;
    ++m_size;
}

void WindowSamples::removeFirst(qsizetype n) {
    n = std::min(n, m_size);
    if (n <= 0)
        return;
    m_head = (m_head + n) % m_buf.size();
    m_size -= n;
}

const MemorySample *GuestWindow::latestFresh() const {
    return m_afterFresh >= 0 && m_afterFresh < samples.size() ? &m_latestFresh : nullptr;
}

void GuestWindow::append(const MemorySample &sample) {
    samples.append(WindowSample::of(sample));
    m_latest = sample;
    // The guest's strings once: every poll brings its own copies.
    if (m_latest.hostId == hostId)
        m_latest.hostId = hostId;
    if (m_latest.uuid == uuid)
        m_latest.uuid = uuid;
    if (m_latest.name == name)
        m_latest.name = name;
    if (sample.freshReport) {
        m_latestFresh = m_latest;
        m_afterFresh = 0;
    } else if (m_afterFresh >= 0) {
        ++m_afterFresh;
    }
}

void GuestWindow::dropBefore(qint64 oldestMs) {
    qsizetype n = 0;
    while (n < samples.size() && samples.at(n).timeMs < oldestMs)
        ++n;
    samples.removeFirst(n);
}

GuestWindow GuestWindow::of(const QList<MemorySample> &polls) {
    GuestWindow w;
    if (!polls.isEmpty()) {
        w.hostId = polls.constLast().hostId;
        w.uuid = polls.constLast().uuid;
        w.name = polls.constLast().name;
    }
    for (const MemorySample &s : polls)
        w.append(s);
    return w;
}

void GuestWindows::add(const PollCycle &cycle) {
    QSet<QString> seen;
    for (const MemorySample &s : cycle.samples) {
        const QString key = keyOf(cycle.hostId, s.uuid);
        seen.insert(key);
        GuestWindow &w = m_guests[key];
        if (w.hostId != cycle.hostId)
            w.hostId = cycle.hostId;
        if (w.uuid != s.uuid)
            w.uuid = s.uuid;
        if (w.name != s.name)
            w.name = s.name;
        w.append(s);
        w.dropBefore(s.timeMs - m_keepMs);
        const qsizetype over = w.samples.size() - maxSamplesPerGuest();
        if (over > 0)
            w.samples.removeFirst(over);
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
        const qint64 oldest = w.samples.first().timeMs;
        first = first == 0 ? oldest : std::min(first, oldest);
        last = std::max<qint64>(last, w.samples.last().timeMs);
    }
    return last - first;
}

qsizetype GuestWindows::sampleCount() const {
    qsizetype n = 0;
    for (const GuestWindow &w : m_guests)
        n += w.samples.size();
    return n;
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
