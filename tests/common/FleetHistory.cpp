#include "FleetHistory.h"

#include <libvirt/libvirt.h>

#include <algorithm>
#include <cmath>

namespace bs::test {

namespace {

constexpr quint64 GiB = 1024 * 1024;
constexpr double Day = 86400000.0;

// A deterministic value in [0, 1) from a guest and a time: noise without a random state.
double noise(int seed, qint64 t) {
    quint64 x = quint64(t / 1000) * 0x9e3779b97f4a7c15ULL + quint64(seed) * 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 31;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 29;
    return double(x % 1000000) / 1000000.0;
}

int seedOf(const FleetGuest &g) {
    return int(qHash(g.uuid) % 100000);
}

} // namespace

QList<FleetGuest> fleetGuests(int count, qint64 fromMs, qint64 toMs, bool varied) {
    static const char *const names[] = {
        "web-01",      "web-02",     "db-main", "db-replica", "cache-redis", "ci-runner", "mail",
        "build-agent", "monitoring", "ldap",    "git",        "wiki",        "proxy",     "queue",
        "search",      "backup",     "dns",     "vpn",        "metrics",     "logs"};
    const quint64 sizes[] = {4, 8, 16, 2, 8, 4};
    QList<FleetGuest> out;
    const qint64 span = toMs - fromMs;
    for (int i = 0; i < count; ++i) {
        FleetGuest g;
        g.uuid = QStringLiteral("f1ee7000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        g.name = i < int(std::size(names)) ? QString::fromLatin1(names[i])
                                           : QStringLiteral("guest-%1").arg(i);
        g.maximumKiB = sizes[i % std::size(sizes)] * GiB;
        g.actualKiB = g.maximumKiB;
        g.baseFraction = 0.2 + 0.05 * (i % 7);
        g.swingFraction = 0.1 + 0.04 * (i % 5);
        if (varied) {
            if (i == 3)
                g.name = QStringLiteral("监控-控制台"); // a Chinese name in any report
            if (i == 2) {
                g.balloonAtMs = fromMs + span * 2 / 3;
                g.actualKiB = g.maximumKiB;
                g.newActualKiB = g.maximumKiB * 3 / 4;
            }
            if (i == 6) {
                g.offMs = fromMs + span * 5 / 12;
                g.onMs = g.offMs + span / 8;
            }
            if (i == 9)
                g.stats = StatsState::Off;
            if (i == 13)
                g.stats = StatsState::NoDriver;
        }
        out.append(g);
    }
    return out;
}

MemorySample fleetPoll(const FleetGuest &g, qint64 t) {
    MemorySample s;
    s.uuid = g.uuid;
    s.name = g.name;
    s.timeMs = t;
    if (g.offMs && t >= g.offMs && t < g.onMs) {
        s.state = DomainState::Shutoff;
        s.statsState = StatsState::Inactive;
        return s;
    }
    s.state = DomainState::Running;
    s.statsState = g.stats;
    const quint64 actual = g.balloonAtMs && t >= g.balloonAtMs ? g.newActualKiB : g.actualKiB;
    s.stats.actual = actual;
    s.stats.maximum = g.maximumKiB;
    s.stats.rss = actual * 9 / 10;
    if (g.stats != StatsState::Reporting)
        return s;
    const int seed = seedOf(g);
    const double phase = double(seed % 24) / 24.0;
    const double daily = 0.5 + 0.5 * std::sin(2 * M_PI * (double(t) / Day + phase));
    double fraction = g.baseFraction + g.swingFraction * daily + 0.03 * noise(seed, t);
    if (noise(seed + 1, t) > 0.998)
        fraction += 0.15; // a short spike now and then
    const quint64 available = actual - 60 * 1024;
    const quint64 used = quint64(std::min(0.97, fraction) * double(available));
    const quint64 caches = quint64(0.15 * double(available - used));
    s.stats.available = available;
    s.stats.unused = available - used;
    s.stats.usable = available - used + caches * 8 / 10;
    s.stats.diskCaches = caches;
    s.stats.swapIn = 0;
    s.stats.swapOut = 0;
    s.stats.majorFault = quint64(t / 100000000);
    s.stats.minorFault = quint64(t / 1000000);
    s.stats.lastUpdate = t / 1000 - 1;
    s.freshReport = true;
    return s;
}

HostSample fleetHostPoll(const QString &hostId, const QList<MemorySample> &samples, qint64 t,
                         quint64 hostMemoryKiB) {
    HostSample h;
    h.hostId = hostId;
    h.timeMs = t;
    h.total = hostMemoryKiB;
    quint64 rss = 0;
    quint64 maximum = 0;
    quint64 actual = 0;
    quint64 used = 0;
    for (const MemorySample &s : samples) {
        if (!isActive(s.state))
            continue;
        ++h.guestsActive;
        // What the guest really holds on the host: what it uses plus its caches where it reports
        // (untouched balloon memory is never faulted in), its RSS otherwise.
        if (s.freshReport && s.stats.available && s.stats.unused)
            rss +=
                *s.stats.available - *s.stats.unused + s.stats.diskCaches.value_or(0) + 256 * 1024;
        else
            rss += s.stats.rss.value_or(0);
        maximum += s.stats.maximum.value_or(0);
        actual += s.stats.actual.value_or(0);
        if (s.freshReport && s.stats.available && s.stats.unused) {
            used += *s.stats.available - *s.stats.unused;
            ++h.guestsReporting;
        }
    }
    const double ksmPhase = 0.5 + 0.5 * std::sin(2 * M_PI * double(t) / (Day / 3));
    const quint64 ksm = quint64((1.0 + 2.0 * ksmPhase) * double(GiB));
    const quint64 taken = std::min(hostMemoryKiB, rss + 6 * GiB);
    const quint64 free = std::min(hostMemoryKiB, hostMemoryKiB - taken + ksm);
    h.cached = free / 5;
    h.buffers = free / 40;
    h.free = free - *h.cached - *h.buffers;
    h.guestsMaximum = maximum;
    h.guestsActual = actual;
    h.guestsUsed = used;
    h.ksmSaved = ksm;
    h.ksmPagesSharing = ksm / 4;
    h.ksmPagesShared = ksm / 16;
    return h;
}

qint64 recordFleet(HistoryStore &store, const QString &hostId, const QList<FleetGuest> &guests,
                   qint64 fromMs, qint64 toMs, int intervalSeconds, quint64 hostMemoryKiB,
                   bool hostSamples) {
    store.recordHostMemory(hostId, fromMs, hostMemoryKiB);
    qint64 polls = 0;
    for (qint64 t = fromMs; t < toMs; t += intervalSeconds * 1000LL) {
        PollCycle cycle;
        cycle.hostId = hostId;
        cycle.timeMs = t;
        cycle.intervalSeconds = intervalSeconds;
        for (const FleetGuest &g : guests) {
            const qint64 step = intervalSeconds * 1000LL;
            if (g.offMs && t >= g.offMs && t < g.offMs + step)
                store.recordLifecycle({hostId, g.uuid, g.name, VIR_DOMAIN_EVENT_STOPPED, 0, t});
            if (g.onMs && t >= g.onMs && t < g.onMs + step)
                store.recordLifecycle({hostId, g.uuid, g.name, VIR_DOMAIN_EVENT_STARTED, 0, t});
            if (g.balloonAtMs && t >= g.balloonAtMs && t < g.balloonAtMs + step) {
                HistoryEvent e;
                e.timeMs = t;
                e.hostId = hostId;
                e.uuid = g.uuid;
                e.name = g.name;
                e.kind = HistoryEvent::Kind::BalloonTarget;
                e.value = qint64(g.newActualKiB);
                e.source = QStringLiteral("app");
                store.recordEvent(e);
            }
            MemorySample s = fleetPoll(g, t);
            s.hostId = hostId;
            cycle.samples.append(s);
        }
        polls += cycle.samples.size();
        store.record(cycle);
        if (hostSamples) // after the cycle: the recorder writes host figures only for its hosts
            store.recordHost(fleetHostPoll(hostId, cycle.samples, t, hostMemoryKiB));
    }
    return polls;
}

} // namespace bs::test
