#include "ReadinessTracker.h"

#include "AgentOptIn.h"
#include "ReadinessBadge.h"
#include "app/HostRegistry.h"
#include "common/Logging.h"
#include "monitor/HostStatus.h"
#include "readiness/HostSideInspector.h"
#include "readiness/ReadinessCollector.h"

#include <libvirt/libvirt.h>

#include <algorithm>
#include <cmath>

namespace bs::gui {

namespace {

constexpr int RefreshMs = 5 * 60 * 1000;
constexpr int MinWatchSeconds = 5;
constexpr int MaxWatchSeconds = 600;

QStringList unite(const QStringList &a, const QStringList &b) {
    if (a.isEmpty() || b.isEmpty())
        return {}; // one of them means every guest
    QStringList out = a;
    for (const QString &uuid : b) {
        if (!out.contains(uuid))
            out.append(uuid);
    }
    return out;
}

} // namespace

ReadinessTracker::Run ReadinessTracker::Run::merged(const Run &a, const Run &b) {
    Run r;
    r.uuids = unite(a.uuids, b.uuids);
    r.byUser = a.byUser || b.byUser;
    r.fresh = a.fresh || b.fresh;
    r.maxWaitSeconds = std::max(a.maxWaitSeconds, b.maxWaitSeconds);
    return r;
}

ReadinessTracker::ReadinessTracker(HostRegistry *registry, AgentOptIn *agentOptIn, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_agentOptIn(agentOptIn) {
    connect(m_registry, &HostRegistry::hostAdded, this, &ReadinessTracker::onHostAdded);
    connect(m_registry, &HostRegistry::hostRemoved, this, &ReadinessTracker::onHostRemoved);
    connect(m_registry, &HostRegistry::statusChanged, this, &ReadinessTracker::onStatus);
    connect(m_registry, &HostRegistry::cycleReady, this, &ReadinessTracker::onCycle);
    connect(m_registry, &HostRegistry::lifecycleEvent, this, &ReadinessTracker::onLifecycle);
    connect(m_registry, &HostRegistry::guestsRemoved, this, &ReadinessTracker::onGuestsRemoved);
    m_refresh.setInterval(RefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &ReadinessTracker::refreshAll);
    m_refresh.start();
    connect(&m_refreshStep, &QTimer::timeout, this, &ReadinessTracker::refreshNext);
    for (const QString &hostId : m_registry->hostIds())
        ensureSlot(hostId);
}

ReadinessTracker::~ReadinessTracker() = default;

const ReadinessReport *ReadinessTracker::report(const QString &hostId, const QString &uuid) const {
    const auto host = m_reports.constFind(hostId);
    if (host == m_reports.constEnd())
        return nullptr;
    const auto it = host->constFind(uuid);
    return it == host->constEnd() ? nullptr : &*it;
}

QList<ReadinessReport> ReadinessTracker::reports() const {
    QList<ReadinessReport> out;
    for (const auto &host : m_reports) {
        for (const ReadinessReport &r : host)
            out.append(r);
    }
    return out;
}

bool ReadinessTracker::isInspecting(const QString &hostId) const {
    const auto it = m_slots.find(hostId);
    return it != m_slots.end() && it->second->current.has_value();
}

void ReadinessTracker::setRefreshIntervalMs(int ms) {
    m_refresh.start(ms);
}

void ReadinessTracker::inspectHost(const QString &hostId) {
    request(hostId, Run{});
}

void ReadinessTracker::checkNow(const QString &hostId, const QStringList &uuids, bool fresh) {
    Run run;
    run.uuids = uuids;
    run.byUser = true;
    run.fresh = fresh;
    run.maxWaitSeconds = watchSecondsFor(hostId, uuids);
    request(hostId, run);
}

int ReadinessTracker::watchSecondsFor(const QString &hostId, const QStringList &uuids) const {
    QStringList guests = uuids;
    if (guests.isEmpty()) {
        for (const MemorySample &s : m_samples.samples(hostId)) {
            if (!guests.contains(s.uuid))
                guests.append(s.uuid);
        }
    }
    const int poll = m_registry->intervalSeconds();
    double seconds = MinWatchSeconds;
    for (const QString &uuid : std::as_const(guests)) {
        const MemorySample *latest = m_samples.latest(hostId, uuid);
        if (latest && latest->balloon.statsEnabled())
            seconds =
                std::max(seconds, HostSideInspector::secondsNeeded(*latest->balloon.period, poll) +
                                      2.0 * poll);
    }
    return std::min(MaxWatchSeconds, int(std::ceil(seconds)));
}

ReadinessTracker::HostSlot *ReadinessTracker::slot(const QString &hostId) {
    const auto it = m_slots.find(hostId);
    return it == m_slots.end() ? nullptr : it->second.get();
}

ReadinessTracker::HostSlot *ReadinessTracker::ensureSlot(const QString &hostId) {
    if (HostSlot *s = slot(hostId))
        return s;
    MonitoredHost *host = m_registry->host(hostId);
    if (!host)
        return nullptr;
    auto s = std::make_unique<HostSlot>();
    s->collector = std::make_unique<ReadinessCollector>(host);
    ReadinessCollector *collector = s->collector.get();
    connect(collector, &ReadinessCollector::reportReady, this, &ReadinessTracker::store);
    connect(collector, &ReadinessCollector::finished, this,
            [this, hostId](const QList<ReadinessReport> &reports) { runEnded(hostId, reports); });
    connect(collector, &ReadinessCollector::failed, this, [this, hostId](const Error &error) {
        qCInfo(lcReadiness) << "readiness check failed on" << hostId << error.message;
        Q_EMIT inspectionFailed(hostId, error.message);
        runEnded(hostId, {});
    });
    connect(collector, &ReadinessCollector::watching, this,
            [this, hostId](int secondsLeft, int guestsLeft) {
                Q_EMIT watching(hostId, secondsLeft, guestsLeft);
            });
    s->debounce.setSingleShot(true);
    connect(&s->debounce, &QTimer::timeout, this, [this, hostId] {
        HostSlot *hs = slot(hostId);
        if (!hs || hs->debounceGuests.isEmpty())
            return;
        Run run;
        run.uuids = std::exchange(hs->debounceGuests, {});
        request(hostId, run);
    });
    s->followUp.setSingleShot(true);
    connect(&s->followUp, &QTimer::timeout, this, [this, hostId] {
        QStringList undecided;
        for (const ReadinessReport &r : m_reports.value(hostId)) {
            if (isStillWatching(r))
                undecided.append(r.uuid);
        }
        if (undecided.isEmpty())
            return;
        Run run;
        run.uuids = undecided;
        request(hostId, run);
    });
    HostSlot *raw = s.get();
    m_slots.emplace(hostId, std::move(s));
    return raw;
}

void ReadinessTracker::request(const QString &hostId, const Run &run) {
    HostSlot *s = ensureSlot(hostId);
    if (!s) {
        if (run.byUser)
            Q_EMIT inspectionFailed(hostId, tr("This host is not watched any more."));
        return;
    }
    if (!run.byUser && !s->connected)
        return; // automatic checks wait for the connection; connecting starts one
    if (!s->current) {
        start(hostId, *s, run);
        return;
    }
    if (!run.byUser) {
        s->pending = s->pending ? Run::merged(*s->pending, run) : run;
        return;
    }
    // The user goes first: an automatic run is set aside for later, another check the user
    // asked for is merged into this one.
    Run next = run;
    if (s->current->byUser)
        next = Run::merged(*s->current, run);
    else
        s->pending = s->pending ? Run::merged(*s->pending, *s->current) : *s->current;
    s->collector->cancel();
    s->current.reset();
    Q_EMIT inspectionFinished(hostId); // every start has its end, even a cut-short one
    start(hostId, *s, next);
}

void ReadinessTracker::start(const QString &hostId, HostSlot &s, const Run &run) {
    ReadinessRequest request;
    request.guests = run.uuids;
    request.agentChecks = m_agentOptIn && m_agentOptIn->isEnabled(hostId);
    request.maxWaitSeconds = run.maxWaitSeconds;
    if (!run.fresh) {
        if (run.uuids.isEmpty()) {
            request.recentSamples = m_samples.samples(hostId);
        } else {
            for (const QString &uuid : run.uuids)
                request.recentSamples.append(m_samples.samples(hostId, uuid));
        }
    }
    s.current = run;
    qCDebug(lcReadiness) << "readiness check on" << hostId << "guests" << run.uuids << "agent"
                         << request.agentChecks << "by user" << run.byUser << "max wait"
                         << run.maxWaitSeconds;
    Q_EMIT inspectionStarted(hostId, request.agentChecks, run.byUser);
    s.collector->start(request);
}

void ReadinessTracker::runEnded(const QString &hostId, const QList<ReadinessReport> &reports) {
    HostSlot *s = slot(hostId);
    if (!s)
        return;
    s->current.reset();
    scheduleFollowUp(hostId, reports);
    Q_EMIT inspectionFinished(hostId);
    if (s->pending && !s->current) {
        const Run next = *std::exchange(s->pending, std::nullopt);
        request(hostId, next);
    }
}

void ReadinessTracker::scheduleFollowUp(const QString &hostId,
                                        const QList<ReadinessReport> &reports) {
    HostSlot *s = slot(hostId);
    if (!s || !s->connected)
        return;
    const int poll = m_registry->intervalSeconds();
    std::optional<double> soonest;
    for (const ReadinessReport &r : reports) {
        if (!isStillWatching(r))
            continue;
        const MemorySample *latest = m_samples.latest(hostId, r.uuid);
        const int period =
            latest && latest->balloon.statsEnabled() ? *latest->balloon.period : poll;
        const double wait =
            HostSideInspector::secondsNeeded(period, poll) - r.observedSeconds + poll + 1.0;
        soonest = std::min(soonest.value_or(wait), wait);
    }
    if (!soonest)
        return;
    // Plus up to a second by host: hosts that connected together would otherwise all look again
    // at the same moment, and their answers be evaluated back to back on this thread.
    const int ms = int(std::clamp(*soonest, 2.0, double(MaxWatchSeconds)) * 1000.0) +
                   int(qHash(hostId, 0) % 1000);
    if (s->followUp.isActive() && s->followUp.remainingTime() <= ms)
        return;
    s->followUp.start(ms);
}

void ReadinessTracker::scheduleGuests(const QString &hostId, const QStringList &uuids) {
    HostSlot *s = slot(hostId);
    if (!s)
        return;
    for (const QString &uuid : uuids) {
        if (!s->debounceGuests.contains(uuid))
            s->debounceGuests.append(uuid);
    }
    s->debounce.start(m_debounceMs);
}

void ReadinessTracker::store(const ReadinessReport &report) {
    if (report.uuid.isEmpty() || report.hostId.isEmpty())
        return; // a guest that vanished before it was read: nothing to show it on
    m_reports[report.hostId].insert(report.uuid, report);
    Q_EMIT reportChanged(report);
}

void ReadinessTracker::refreshAll() {
    m_refreshQueue.clear();
    for (const auto &[hostId, s] : m_slots) {
        if (s->connected)
            m_refreshQueue.append(hostId);
    }
    if (m_refreshQueue.isEmpty())
        return;
    // Each host's answer is evaluated on this thread in one go (about 0.4 ms a guest): one host
    // per step keeps each step short, and half the interval leaves the other half quiet.
    m_refreshStep.setInterval(int(m_refresh.interval() / 2 / m_refreshQueue.size()));
    refreshNext();
}

void ReadinessTracker::refreshNext() {
    while (!m_refreshQueue.isEmpty()) {
        const QString hostId = m_refreshQueue.takeFirst();
        const HostSlot *s = slot(hostId);
        if (!s || !s->connected)
            continue; // gone or disconnected since: its reconnection checks it anyway
        request(hostId, Run{});
        break;
    }
    if (m_refreshQueue.isEmpty())
        m_refreshStep.stop();
    else if (!m_refreshStep.isActive())
        m_refreshStep.start();
}

void ReadinessTracker::onHostAdded(const QString &hostId) {
    ensureSlot(hostId);
}

void ReadinessTracker::onHostRemoved(const QString &hostId) {
    m_slots.erase(hostId);
    m_samples.removeHost(hostId);
    if (m_reports.remove(hostId) > 0)
        Q_EMIT reportsRemoved(hostId, {});
}

void ReadinessTracker::onStatus(const HostStatus &status) {
    HostSlot *s = ensureSlot(status.hostId);
    if (!s)
        return;
    const bool was = s->connected;
    s->connected = status.state == HostStatus::State::Connected;
    if (s->connected && !was) {
        // Wait for the first poll: the check is better for every sample it gets.
        s->awaitingFirstCycle = true;
        return;
    }
    if (s->connected || !was)
        return;
    s->debounce.stop();
    s->followUp.stop();
    s->debounceGuests.clear();
    s->pending.reset();
    if (s->current) {
        const bool byUser = s->current->byUser;
        s->collector->cancel();
        s->current.reset();
        if (byUser)
            Q_EMIT inspectionFailed(status.hostId,
                                    tr("The connection to the host was lost during the check."));
        Q_EMIT inspectionFinished(status.hostId);
    }
}

void ReadinessTracker::onCycle(const PollCycle &cycle) {
    const QStringList changed = m_samples.add(cycle, m_registry->intervalSeconds());
    HostSlot *s = slot(cycle.hostId);
    if (!s)
        return;
    if (std::exchange(s->awaitingFirstCycle, false)) {
        request(cycle.hostId, Run{});
        return;
    }
    if (!changed.isEmpty())
        scheduleGuests(cycle.hostId, changed);
}

void ReadinessTracker::onLifecycle(const LifecycleEvent &event) {
    switch (event.event) {
    case VIR_DOMAIN_EVENT_UNDEFINED:
        return; // guestsRemoved follows
    case VIR_DOMAIN_EVENT_STARTED:
    case VIR_DOMAIN_EVENT_STOPPED:
    case VIR_DOMAIN_EVENT_CRASHED:
        // A new run of the guest: what it reported before says nothing now.
        m_samples.clearGuest(event.hostId, event.uuid);
        break;
    default:
        break;
    }
    scheduleGuests(event.hostId, {event.uuid});
}

void ReadinessTracker::onGuestsRemoved(const QString &hostId, const QStringList &uuids) {
    m_samples.removeGuests(hostId, uuids);
    auto host = m_reports.find(hostId);
    if (host == m_reports.end())
        return;
    QStringList removed;
    for (const QString &uuid : uuids) {
        if (host->remove(uuid) > 0)
            removed.append(uuid);
    }
    if (!removed.isEmpty())
        Q_EMIT reportsRemoved(hostId, removed);
}

} // namespace bs::gui
