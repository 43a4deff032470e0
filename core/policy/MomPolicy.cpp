#include "MomPolicy.h"

#include <cmath>

namespace bs {

namespace {

bool bigEnough(double target, qint64 current, const MomConstants &c) {
    return std::abs(target - double(current)) > c.minBalloonChangePercent * double(current);
}

} // namespace

QList<PolicyDecision> momDecide(const HostView &host, const QList<GuestView> &guests,
                                const MomConstants &c) {
    QList<PolicyDecision> out;
    out.reserve(guests.size());
    const double hostFree = host.totalKiB > 0 ? double(host.freeKiB) / double(host.totalKiB) : 1.0;
    const bool pressure = hostFree < c.pressureThreshold;
    // The guests' free share MOM aims at: critical → below zero (they swap), else scaled down
    // with the host's pressure.
    const double guestFree = hostFree <= c.pressureCritical
                                 ? -0.05 + hostFree
                                 : c.minGuestFreePercent * (hostFree / c.pressureThreshold);
    for (const GuestView &g : guests) {
        PolicyDecision d{g.uuid, std::nullopt, DecisionReason::Unchanged};
        if (!g.enabled) {
            d.reason = DecisionReason::Disabled;
        } else if (!g.reporting || !g.unusedKiB || g.actualKiB <= 0) {
            d.reason = DecisionReason::NotReporting;
        } else {
            const double current = double(g.actualKiB);
            const double used = current - double(*g.unusedKiB);
            const double minimum = std::max(double(g.floorKiB), used + guestFree * current);
            if (pressure) {
                const double size = std::max(current * (1 - c.maxBalloonChangePercent), minimum);
                if (size <= current && bigEnough(size, g.actualKiB, c)) {
                    d.targetKiB = qint64(size);
                    d.reason = DecisionReason::Shrink;
                }
            } else if (g.actualKiB < g.maximumKiB) {
                double size = std::max(current * (1 + c.maxBalloonChangePercent), minimum);
                size = std::min(size, double(g.maximumKiB));
                if (bigEnough(size, g.actualKiB, c)) {
                    d.targetKiB = qint64(size);
                    d.reason = size < current ? DecisionReason::Shrink : DecisionReason::Grow;
                }
            } else {
                d.reason = DecisionReason::AtLimit;
            }
        }
        // MOM's guaranteed-minimum rule, after the balloon rules.
        if (g.enabled && g.actualKiB < g.floorKiB && (!d.targetKiB || *d.targetKiB < g.floorKiB)) {
            d.targetKiB = g.floorKiB;
            d.reason = DecisionReason::Grow;
        }
        out.append(d);
    }
    return out;
}

} // namespace bs
