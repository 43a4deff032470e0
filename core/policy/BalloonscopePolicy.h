#pragma once

#include "PolicyTypes.h"

namespace bs {

// Balloonscope's own policy (docs/POLICIES.md): never below a guest's need + headroom nor its
// floor; keeps the host's memory in use at or under a target (an absolute size or a share of
// RAM); moves each balloon by at most `stepKiB` per evaluation and not at all for less than
// `deadBandKiB`; leaves alone every guest it cannot see (not reporting, or its newest report
// older than three evaluation periods).
struct BalloonscopeSettings {
    double headroom = 0.15;              // over the need
    qint64 floorKiB = 256 * 1024;        // the sizing advisor's default floor
    std::optional<qint64> hostTargetKiB; // memory in use on the host to stay under; else:
    double hostTargetShare = 0.80;       //   this share of its RAM
    qint64 stepKiB = 256 * 1024;         // most a balloon moves per evaluation...
    qint64 deadBandKiB = 16 * 1024;      // ...and least
    int periodSeconds = 10;
    // The host is balanced only when it is further than this share of its RAM from its target.
    static constexpr double HostBandShare = 0.02;

    // Checks the ranges; empty when usable, else a translated reason.
    QString validationError() const;
};

// What the policy never goes below for this guest: the larger of the floors and its need ×
// (1 + headroom) + its kernel's overhead, rounded up to MiB, but not above its maximum. None
// without a need.
std::optional<qint64> balloonscopeMinimumKiB(const GuestView &guest, const BalloonscopeSettings &s);

// Per guest, in the order given. A guest below its minimum is given it at once (its need
// comes first: this move is not held to the step); then, if the host is over its target, the
// others shrink in proportion to what each has above its minimum; if it has room, they grow in
// proportion to what each lacks of its maximum. Within ±2 % of its RAM of the target the host
// counts as balanced (hysteresis against the noise of its free memory).
QList<PolicyDecision> balloonscopeDecide(const HostView &host, const QList<GuestView> &guests,
                                         const BalloonscopeSettings &s);

} // namespace bs
