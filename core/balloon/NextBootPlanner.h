#pragma once

#include "BalloonPlan.h"
#include "GuestBalloonInfo.h"

namespace bs {

// "Set for next boot" (the Sizing page's second Apply): the memory a guest starts with, written
// into its persistent configuration through libvirt (virDomainSetMemoryFlags with
// AFFECT_CONFIG: libvirt rewrites only <currentMemory> and, where asked, <memory>):
//  - <memory> (the maximum) is raised first when `memoryKiB` lies above it, never lowered: the
//    guest keeps the room to balloon up to what it had;
//  - <currentMemory> is set to `memoryKiB`.
// Refused, with the reason, for a transient guest, a read-only connection or a configuration
// that could not be read. Nothing changes the running guest.
GuestPlan planNextBootMemory(const GuestBalloonInfo &guest, quint64 memoryKiB);

// The lines of the persistent XML that the plan changes, as a unified diff ("-<memory ...>",
// "+<memory ...>"), for the dialog's preview.
QStringList nextBootXmlDiff(const GuestPlan &plan);

} // namespace bs
