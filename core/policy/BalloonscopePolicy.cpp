#include "BalloonscopePolicy.h"

#include <QCoreApplication>

#include <cmath>

namespace bs {

namespace {

constexpr qint64 MiB = 1024;

qint64 ceilMiB(double kib) {
    return qint64(std::ceil(kib / double(MiB) - 1e-9)) * MiB;
}

// Shares `amount` out among the guests in proportion to `room` (each at most min(room, step)),
// handing what a capped guest could not take to the others. Returns each guest's part.
QList<qint64> shareOut(qint64 amount, const QList<qint64> &room, qint64 step) {
    QList<qint64> part(room.size(), 0);
    qint64 left = amount;
    for (int round = 0; left > 0 && round < 64; ++round) {
        qint64 open = 0;
        for (qsizetype i = 0; i < room.size(); ++i)
            open += qMax<qint64>(0, qMin(room[i], step) - part[i]);
        if (open == 0)
            break;
        qint64 placed = 0;
        for (qsizetype i = 0; i < room.size(); ++i) {
            const qint64 cap = qMax<qint64>(0, qMin(room[i], step) - part[i]);
            if (cap == 0)
                continue;
            const qint64 give =
                qMin(cap, qint64(std::ceil(double(left) * double(cap) / double(open))));
            part[i] += give;
            placed += give;
        }
        left -= placed;
    }
    return part;
}

} // namespace

QString BalloonscopeSettings::validationError() const {
    if (!(headroom >= 0 && headroom <= 1))
        return QCoreApplication::translate("bs::Policy",
                                           "The headroom must be between 0 and 100 %.");
    if (!hostTargetKiB && !(hostTargetShare > 0 && hostTargetShare <= 1))
        return QCoreApplication::translate(
            "bs::Policy", "The host target must be a share of its memory between 1 and 100 %.");
    if (hostTargetKiB && *hostTargetKiB <= 0)
        return QCoreApplication::translate("bs::Policy",
                                           "The host target must be a size above zero.");
    if (stepKiB < MiB)
        return QCoreApplication::translate("bs::Policy", "The step must be at least 1 MiB.");
    if (deadBandKiB < 0 || deadBandKiB >= stepKiB)
        return QCoreApplication::translate("bs::Policy",
                                           "The dead-band must be smaller than the step.");
    if (periodSeconds < 1)
        return QCoreApplication::translate("bs::Policy",
                                           "The evaluation period must be at least one second.");
    return {};
}

std::optional<qint64> balloonscopeMinimumKiB(const GuestView &guest,
                                             const BalloonscopeSettings &s) {
    if (!guest.needKiB)
        return std::nullopt;
    // The headroom is over the need; the kernel's overhead is held as it is.
    const qint64 wanted =
        qMax(qMax(s.floorKiB, guest.floorKiB),
             ceilMiB(double(*guest.needKiB) * (1.0 + s.headroom) + double(guest.overheadKiB)));
    return guest.maximumKiB > 0 ? qMin(wanted, guest.maximumKiB) : wanted;
}

QList<PolicyDecision> balloonscopeDecide(const HostView &host, const QList<GuestView> &guests,
                                         const BalloonscopeSettings &s) {
    QList<PolicyDecision> out;
    QList<qsizetype> free; // eligible guests left to the host's balance
    QList<qint64> minimum(guests.size(), 0);
    const qint64 hostTarget =
        s.hostTargetKiB ? *s.hostTargetKiB : qint64(double(host.totalKiB) * s.hostTargetShare);
    // What the host may still hand out (negative: what it must take back).
    qint64 room = hostTarget - (host.totalKiB - host.availableKiB);
    for (qsizetype i = 0; i < guests.size(); ++i) {
        const GuestView &g = guests[i];
        PolicyDecision d{g.uuid, std::nullopt, DecisionReason::Unchanged};
        const auto low = balloonscopeMinimumKiB(g, s);
        if (!g.enabled)
            d.reason = DecisionReason::Disabled;
        else if (!g.reporting || !low || g.actualKiB <= 0)
            d.reason = DecisionReason::NotReporting;
        else if (g.reportAgeSeconds > 3 * qint64(s.periodSeconds))
            d.reason = DecisionReason::Stale;
        else if (g.actualKiB < *low) {
            d.targetKiB = *low;
            d.reason = DecisionReason::GrowToNeed;
            room -= *low - g.actualKiB;
        } else {
            minimum[i] = *low;
            free.append(i);
        }
        out.append(d);
    }
    // The host's balance is acted on beyond a band of ±2 % of its RAM (at least the dead-band):
    // its free memory moves by that much on its own, and balloons should not follow the noise.
    const qint64 hostBand =
        qMax(s.deadBandKiB, qint64(double(host.totalKiB) * BalloonscopeSettings::HostBandShare));
    if (qAbs(room) <= hostBand || free.isEmpty())
        return out;
    const bool shrink = room < 0;
    QList<qint64> capacity;
    for (qsizetype i : free) {
        const GuestView &g = guests[i];
        capacity.append(shrink ? g.actualKiB - minimum[i]
                               : qMax<qint64>(0, g.maximumKiB - g.actualKiB));
    }
    const QList<qint64> parts = shareOut(qAbs(room), capacity, s.stepKiB);
    for (qsizetype k = 0; k < free.size(); ++k) {
        const GuestView &g = guests[free[k]];
        PolicyDecision &d = out[free[k]];
        if (capacity[k] == 0) {
            d.reason = DecisionReason::AtLimit;
            continue;
        }
        if (parts[k] < s.deadBandKiB)
            continue;
        if (shrink) {
            d.targetKiB = qMax(minimum[free[k]], ceilMiB(double(g.actualKiB - parts[k])));
            d.reason = DecisionReason::Shrink;
        } else {
            d.targetKiB = qMin(g.maximumKiB, g.actualKiB + parts[k] / MiB * MiB);
            d.reason = DecisionReason::Grow;
        }
        if (*d.targetKiB == g.actualKiB) {
            d.targetKiB.reset();
            d.reason = DecisionReason::Unchanged;
        }
    }
    return out;
}

} // namespace bs
