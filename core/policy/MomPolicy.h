#pragma once

#include "PolicyTypes.h"

namespace bs {

// oVirt MOM's default balloon policy (vdsm `mom.d/02-balloon.policy`, docs/POLICIES.md), with
// its published constants. The host's free share and each guest's balloon and MemFree are the
// averages of the last `averagedSamples` samples: the caller averages them.
struct MomConstants {
    double pressureThreshold = 0.20; // host free below this: shrink
    double pressureCritical = 0.05;  // at or below this: force the guests to swap
    double minGuestFreePercent = 0.20;
    double maxBalloonChangePercent = 0.05;   // of the balloon, per evaluation
    double minBalloonChangePercent = 0.0025; // smaller changes are not made
    int averagedSamples = 10;
    int periodSeconds = 15; // oVirt's evaluation interval
};

// Per guest, in the order given: MOM's target, or none. A guest without its balloon and
// MemFree is left alone (MOM's `valid` check); floorKiB is MOM's balloon_min (libvirt's QEMU
// driver has no <min_guarantee>: 0 there).
QList<PolicyDecision> momDecide(const HostView &host, const QList<GuestView> &guests,
                                const MomConstants &c = {});

} // namespace bs
