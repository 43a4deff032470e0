#pragma once

#include "GuestWindow.h"
#include "HealthThresholds.h"

namespace bs {

// The failure signatures the host can see in a guest's reports (SIZING.md §5), over one guest's
// window. A frozen non-zero last_update (BalloonService stopped) is the stale rule's; these are
// the others:
//  - "no_figures": last_update advances twice or more but no figure comes with it (QEMU
//    reports −1 for each, libvirt drops them: ARM64 Windows 11);
//  - "counters_back": the cumulative counters go back more than once (a pre-2016 Windows
//    service reports per-second values; a single reset is a reboot): the window's
//    countersWentBack(), the same count as over pressureRates(guest.samples);
//  - "balloon_as_used": the guest reports more memory than its balloon leaves it (Windows counts
//    an inflated balloon as in use): its used figures include the balloon (a note).
QList<HealthFinding> signatureFindings(const GuestWindow &guest,
                                       const HealthThresholds &thresholds);

} // namespace bs
