#include "AlertTracker.h"

#include <QSet>

#include <algorithm>

namespace bs {

QString alertChangeKey(AlertChange::Kind kind) {
    switch (kind) {
    case AlertChange::Kind::Raised:
        return QStringLiteral("raised");
    case AlertChange::Kind::Escalated:
        return QStringLiteral("escalated");
    case AlertChange::Kind::Eased:
        return QStringLiteral("eased");
    case AlertChange::Kind::Cleared:
        return QStringLiteral("cleared");
    }
    return {};
}

QList<AlertChange> AlertTracker::update(const QString &hostId, const QList<HealthFinding> &findings,
                                        qint64 nowMs) {
    QHash<QString, ActiveAlert> &alerts = m_hosts[hostId];
    QList<AlertChange> changes;
    QSet<QString> seen;
    for (const HealthFinding &f : findings) {
        seen.insert(f.condition);
        const auto it = alerts.find(f.condition);
        if (it == alerts.end()) {
            alerts.insert(f.condition, ActiveAlert{f, nowMs});
            changes.append({AlertChange::Kind::Raised, f, nowMs});
            continue;
        }
        if (f.severity > it->finding.severity)
            changes.append({AlertChange::Kind::Escalated, f, nowMs});
        else if (f.severity < it->finding.severity)
            changes.append({AlertChange::Kind::Eased, f, nowMs});
        it->finding = f; // the newest figures in the message
    }
    for (auto it = alerts.begin(); it != alerts.end();) {
        if (!seen.contains(it.key())) {
            changes.append({AlertChange::Kind::Cleared, it->finding, nowMs});
            it = alerts.erase(it);
        } else {
            ++it;
        }
    }
    return changes;
}

QList<ActiveAlert> AlertTracker::active(const QString &hostId) const {
    QList<ActiveAlert> out = m_hosts.value(hostId).values();
    std::sort(out.begin(), out.end(), [](const ActiveAlert &a, const ActiveAlert &b) {
        if (a.finding.severity != b.finding.severity)
            return a.finding.severity > b.finding.severity;
        if (a.sinceMs != b.sinceMs)
            return a.sinceMs < b.sinceMs;
        return a.finding.condition < b.finding.condition;
    });
    return out;
}

const QHash<QString, ActiveAlert> &AlertTracker::alerts(const QString &hostId) const {
    static const QHash<QString, ActiveAlert> none;
    const auto it = m_hosts.constFind(hostId);
    return it == m_hosts.cend() ? none : *it;
}

QList<AlertChange> AlertTracker::removeHost(const QString &hostId, qint64 nowMs) {
    QList<AlertChange> changes;
    for (const ActiveAlert &a : m_hosts.value(hostId))
        changes.append({AlertChange::Kind::Cleared, a.finding, nowMs});
    m_hosts.remove(hostId);
    return changes;
}

} // namespace bs
