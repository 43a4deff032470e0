#pragma once

#include "BalloonPlan.h"
#include "GuestBalloonInfo.h"
#include "StatsPeriodSetting.h"

#include <QMetaType>

namespace bs {

struct StatsPeriodRequest {
    StatsPeriodSetting period; // default 10 s; off only when chosen
    ApplyScope scope = ApplyScope::Automatic;
    // For a guest without a balloon (model none or no element): give its persistent
    // configuration a virtio balloon with the period. Takes effect after the next shutdown and
    // start; the running guest cannot get one.
    bool switchToVirtio = false;
};

// Decides what setting the period means for one guest, and explains what cannot be done:
// - a virtio balloon (any virtio model): virDomainSetMemoryStatsPeriod, live and/or config;
// - model none or no <memballoon>: nothing live; the persistent configuration can be switched
//   to virtio (a define) when asked for, on KVM/QEMU guests (and the test driver);
// - other models (xen, ...): no virtio statistics, refused;
// - inactive guests: configuration only; transient guests: live only;
// - a read-only connection: refused as a whole.
// A pure function: the dialog calls it on every change of the controls.
GuestPlan planStatsPeriod(const GuestBalloonInfo &guest, const StatsPeriodRequest &request);

// Whether the persistent configuration can be switched to a virtio balloon, and if not, why
// (empty when it can).
QString virtioSwitchObstacle(const GuestBalloonInfo &guest);

} // namespace bs

Q_DECLARE_METATYPE(bs::StatsPeriodRequest)
