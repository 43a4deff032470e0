#include "HealthWatch.h"

#include "HealthEvaluator.h"
#include "readiness/RecordedVerdict.h"

namespace bs {

HealthWatch::HealthWatch(QObject *parent)
    : QObject(parent) {}

void HealthWatch::addCycle(const PollCycle &cycle) {
    m_windows.add(cycle);
    QHash<QString, Verdict> &verdicts = m_verdicts[cycle.hostId]; // one host lookup a cycle
    for (const MemorySample &s : cycle.samples) {
        const Verdict now = verdictForStatsState(s.statsState);
        if (now == Verdict::Unknown)
            continue; // stopped, waiting, unknown: decides nothing
        const auto it = verdicts.find(s.uuid);
        if (it == verdicts.end()) {
            verdicts.insert(s.uuid, now);
        } else if (*it != now) {
            const Verdict from = *it;
            *it = now;
            Q_EMIT verdictChanged(cycle.hostId, s.uuid, s.name, from, now, cycle.timeMs);
        }
    }

    HealthInput input;
    input.hostId = cycle.hostId;
    const auto memory = m_hostMemory.constFind(cycle.hostId);
    if (memory != m_hostMemory.cend())
        input.hostMemory = *memory;
    input.guests = m_windows.windows(cycle.hostId);
    input.nowMs = cycle.timeMs;
    input.wantFigures = false; // nothing here reads them
    // A watchdog keeps watching: a sustained rule needs its whole time (up to what the windows
    // keep), not only what was seen since the host connected, or a burst at connection time
    // would count as five minutes of it. (`check` judges over its own, shorter watch.)
    input.watchedSeconds = m_windows.keepMs() / 1000;
    const HealthResult result = evaluateHealth(input, m_thresholds);
    const QList<AlertChange> changes =
        m_tracker.update(cycle.hostId, result.findings, cycle.timeMs);
    if (!changes.isEmpty())
        Q_EMIT alertsChanged(cycle.hostId, changes);
    Q_EMIT evaluated(cycle.hostId);
}

QList<PressureRate> HealthWatch::pressure(const QString &hostId, const QString &uuid) const {
    const GuestWindow *w = m_windows.window(hostId, uuid);
    return w ? pressureRates(w->samples) : QList<PressureRate>();
}

QList<PressureLanePoint> HealthWatch::pressureLane(const QString &hostId,
                                                   const QString &uuid) const {
    const GuestWindow *w = m_windows.window(hostId, uuid);
    return w ? bs::pressureLane(w->samples) : QList<PressureLanePoint>();
}

void HealthWatch::setHostSample(const HostSample &sample) {
    NodeMemory m;
    m.total = sample.total;
    m.free = sample.free;
    m.buffers = sample.buffers;
    m.cached = sample.cached;
    m_hostMemory.insert(sample.hostId, m);
}

void HealthWatch::setTarget(const QString &hostId, const QString &uuid, BalloonTarget target) {
    m_windows.setTarget(hostId, uuid, target);
}

void HealthWatch::removeHost(const QString &hostId) {
    m_windows.removeHost(hostId);
    m_hostMemory.remove(hostId);
    m_verdicts.remove(hostId);
    const QList<AlertChange> cleared = m_tracker.removeHost(hostId, 0);
    if (!cleared.isEmpty())
        Q_EMIT alertsChanged(hostId, cleared);
}

} // namespace bs
