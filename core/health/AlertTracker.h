#pragma once

#include "HealthTypes.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace bs {

// A finding that is in force, since when.
struct ActiveAlert {
    HealthFinding finding;
    qint64 sinceMs = 0; // when it was first raised (an escalation keeps the time)
    bool operator==(const ActiveAlert &) const = default;
};

// What changed between two evaluations of a host.
struct AlertChange {
    enum class Kind { Raised, Escalated, Eased, Cleared };
    Kind kind = Kind::Raised;
    HealthFinding finding; // for Cleared: the finding as it was last seen
    qint64 timeMs = 0;
    bool operator==(const AlertChange &) const = default;
};

QString alertChangeKey(AlertChange::Kind kind); // "raised", "escalated", "eased", "cleared"

// Turns each host's successive evaluations into alerts: a condition (HealthFinding::condition)
// is raised once, may escalate or ease while it holds, and clears when an evaluation no longer
// finds it. Plain values, no clock of its own: tests drive it with times.
class AlertTracker {
public:
    QList<AlertChange> update(const QString &hostId, const QList<HealthFinding> &findings,
                              qint64 nowMs);
    // The host's alerts in force, worst first, then oldest first.
    QList<ActiveAlert> active(const QString &hostId) const;
    // The same by condition, unsorted, without a copy (valid until the next update).
    const QHash<QString, ActiveAlert> &alerts(const QString &hostId) const;
    QStringList hosts() const { return m_hosts.keys(); }
    // Forgets a host; its alerts are returned as cleared.
    QList<AlertChange> removeHost(const QString &hostId, qint64 nowMs);

private:
    QHash<QString, QHash<QString, ActiveAlert>> m_hosts; // host → condition → alert
};

} // namespace bs

Q_DECLARE_METATYPE(bs::AlertChange)
