#include "GuestWindow.h"

#include "PressureRates.h"

#include <algorithm>
#include <limits>

namespace bs {

static_assert(sizeof(WindowSample) <= 48, "the health window's memory bound counts on it");
static_assert(alignof(WindowSample) == 1, "no padding between the packed figures");

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
    if (!m_ring.empty() && qint64(sample.timeMs) < qint64(last().timeMs))
        m_disorderSeq = m_appended;
    // Bounded by the owner (GuestWindows drops by time and count), not by the ring.
    m_ring.push(sample, std::numeric_limits<qsizetype>::max(),
                PointRing<WindowSample>::Growth::Quarter);
    ++m_appended;
}

const MemorySample *GuestWindow::latestFresh() const {
    return m_afterFresh >= 0 && m_afterFresh < samples.size() ? &m_latestFresh : nullptr;
}

int GuestWindow::countersWentBack() const {
    const auto from =
        std::lower_bound(m_backFromSeqs.cbegin(), m_backFromSeqs.cend(), samples.firstSeq());
    return int(m_backFromSeqs.cend() - from);
}

std::optional<qint64> GuestWindow::newestSwapInMs() const {
    const qint64 firstSeq = samples.firstSeq();
    if (m_swapInSeq < firstSeq)
        return std::nullopt;
    return qint64(samples.at(m_swapInSeq - firstSeq).timeMs);
}

void GuestWindow::append(const MemorySample &sample) {
    const WindowSample compact = WindowSample::of(sample);
    // The rate this poll ends, as pressureRates() would find it over the window.
    const qint64 firstSeq = samples.firstSeq();
    while (!m_backFromSeqs.isEmpty() && m_backFromSeqs.constFirst() < firstSeq)
        m_backFromSeqs.removeFirst();
    if (!isActive(compact.state)) {
        m_rateFromSeq = -1;
    } else if (compact.freshReport) {
        if (m_rateFromSeq >= firstSeq) {
            const std::optional<PressureRate> rate =
                pressureRateBetween(samples.at(m_rateFromSeq - firstSeq), compact);
            if (rate && rate->countersWentBack)
                m_backFromSeqs.append(m_rateFromSeq);
        }
        m_rateFromSeq = firstSeq + samples.size();
    }
    if (compact.stats.swapIn)
        m_swapInSeq = firstSeq + samples.size();
    samples.append(compact);
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
    Host &host = m_hosts[cycle.hostId];
    const quint64 stamp = ++host.cycles;
    bool reorder = false;
    std::size_t seen = 0;
    for (const MemorySample &s : cycle.samples) {
        const auto [it, inserted] = host.guests.try_emplace(s.uuid);
        Guest &guest = it->second;
        GuestWindow &w = guest.window;
        if (inserted) {
            w.hostId = cycle.hostId;
            w.uuid = it->first;
            reorder = true;
        }
        if (guest.seenInCycle != stamp) {
            guest.seenInCycle = stamp;
            ++seen;
        }
        if (w.name != s.name) {
            w.name = s.name;
            reorder = true;
        }
        w.append(s);
        w.dropBefore(s.timeMs - m_keepMs);
        const qsizetype over = w.samples.size() - maxSamplesPerGuest();
        if (over > 0)
            w.samples.removeFirst(over);
    }
    if (seen != host.guests.size()) { // some are no longer polled
        for (auto it = host.guests.begin(); it != host.guests.end();) {
            if (it->second.seenInCycle != stamp)
                it = host.guests.erase(it);
            else
                ++it;
        }
        reorder = true;
    }
    if (!reorder)
        return;
    host.byName.clear();
    host.byName.reserve(qsizetype(host.guests.size()));
    for (const auto &entry : host.guests)
        host.byName.append(&entry.second.window);
    std::sort(host.byName.begin(), host.byName.end(),
              [](const GuestWindow *a, const GuestWindow *b) {
                  const int byName = a->name.localeAwareCompare(b->name);
                  return byName != 0 ? byName < 0 : a->uuid < b->uuid;
              });
}

void GuestWindows::setTarget(const QString &hostId, const QString &uuid, BalloonTarget target) {
    const auto host = m_hosts.find(hostId);
    if (host == m_hosts.end())
        return;
    const auto it = host->second.guests.find(uuid);
    if (it != host->second.guests.end())
        it->second.window.target = target;
}

const QList<const GuestWindow *> &GuestWindows::windows(const QString &hostId) const {
    static const QList<const GuestWindow *> none;
    const auto host = m_hosts.find(hostId);
    return host == m_hosts.end() ? none : host->second.byName;
}

const GuestWindow *GuestWindows::window(const QString &hostId, const QString &uuid) const {
    const auto host = m_hosts.find(hostId);
    if (host == m_hosts.end())
        return nullptr;
    const auto it = host->second.guests.find(uuid);
    return it == host->second.guests.end() ? nullptr : &it->second.window;
}

qint64 GuestWindows::spanMs(const QString &hostId) const {
    qint64 first = 0;
    qint64 last = 0;
    for (const GuestWindow *w : windows(hostId)) {
        if (w->samples.isEmpty())
            continue;
        const qint64 oldest = w->samples.first().timeMs;
        first = first == 0 ? oldest : std::min(first, oldest);
        last = std::max<qint64>(last, w->samples.last().timeMs);
    }
    return last - first;
}

qsizetype GuestWindows::sampleCount() const {
    qsizetype n = 0;
    for (const auto &host : m_hosts) {
        for (const auto &guest : host.second.guests)
            n += guest.second.window.samples.size();
    }
    return n;
}

void GuestWindows::removeHost(const QString &hostId) {
    m_hosts.erase(hostId);
}

} // namespace bs
