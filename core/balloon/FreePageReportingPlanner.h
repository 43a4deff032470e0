#pragma once

#include "BalloonPlan.h"
#include "GuestBalloonInfo.h"

namespace bs {

// Decides what turning free page reporting on means for one guest (SIZING.md §5): a guest
// without it keeps every page it ever touched on the host, however much it frees. The attribute
// cannot change on a running guest, so this is a patch of the persistent <memballoon> (one
// attribute, and autodeflate='on' when asked: under OOM the guest may then take balloon pages
// back) and a define; it takes effect after the next shutdown and start. Refused: a read-only
// connection, a transient guest, no virtio balloon in the persistent configuration. Already on:
// nothing to do, said so.
GuestPlan planFreePageReporting(const GuestBalloonInfo &guest, bool alsoAutodeflate);

} // namespace bs
