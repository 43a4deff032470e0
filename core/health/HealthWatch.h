#pragma once

#include "AlertTracker.h"
#include "GuestWindow.h"
#include "HealthThresholds.h"
#include "PressureLane.h"
#include "PressureRates.h"
#include "host/HostOverview.h"
#include "readiness/ReadinessTypes.h"

#include <QHash>
#include <QObject>

namespace bs {

// The continuous watchdog: keeps each host's recent polls (GuestWindows), judges the host at
// every poll cycle with the health rules, and says what changed: alerts raised, escalated,
// eased or cleared (AlertTracker), and each guest's readiness verdict when it changes (from the
// stats state every poll carries). Pure computation on the thread it lives on: no libvirt, no
// SQLite. The window feeds it from its hosts; tests feed it recorded cycles.
class HealthWatch final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthWatch)

public:
    explicit HealthWatch(QObject *parent = nullptr);

    const HealthThresholds &thresholds() const { return m_thresholds; }
    // Takes effect at each host's next cycle.
    void setThresholds(const HealthThresholds &thresholds) { m_thresholds = thresholds; }

    void addCycle(const PollCycle &cycle);
    void setHostSample(const HostSample &sample);
    // A balloon target set through Balloonscope (libvirt does not keep it).
    void setTarget(const QString &hostId, const QString &uuid, BalloonTarget target);
    void removeHost(const QString &hostId);

    QList<ActiveAlert> active(const QString &hostId) const { return m_tracker.active(hostId); }
    // The host's alerts in force by condition, unsorted, without a copy (until its next cycle).
    const QHash<QString, ActiveAlert> &alerts(const QString &hostId) const {
        return m_tracker.alerts(hostId);
    }
    QStringList hosts() const { return m_tracker.hosts(); }
    // The guest's pressure over the kept polls (swap and major-fault rates between its reports).
    QList<PressureRate> pressure(const QString &hostId, const QString &uuid) const;
    // The same with the host's PSI of the guest, as the live chart's pressure lane draws it.
    QList<PressureLanePoint> pressureLane(const QString &hostId, const QString &uuid) const;

Q_SIGNALS:
    void alertsChanged(const QString &hostId, const QList<bs::AlertChange> &changes);
    // After every evaluation of a host (the alerts' figures may have moved without a change).
    void evaluated(const QString &hostId);
    void verdictChanged(const QString &hostId, const QString &uuid, const QString &name,
                        bs::Verdict from, bs::Verdict to, qint64 timeMs);

private:
    HealthThresholds m_thresholds;
    GuestWindows m_windows;
    AlertTracker m_tracker;
    QHash<QString, NodeMemory> m_hostMemory;
    QHash<QString, QHash<QString, Verdict>> m_verdicts; // host → uuid → last decided verdict
};

} // namespace bs
