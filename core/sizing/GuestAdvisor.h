#pragma once

#include "GuestAdvice.h"
#include "SizingPolicy.h"

namespace bs {

// The veto's rates (SIZING.md §2, "never shrink a guest that swapped or faulted heavily"): a
// reading whose swap-in or major faults grew faster than this counts as evidence. Major faults
// include file reads from disk, hence the higher bar.
struct VetoRates {
    double swapInKiBPerMinute = 1024;  // 1 MiB a minute
    double majorFaultsPerMinute = 600; // ten a second
};

// One guest's recommendation from its need over the window (NeedReader), as SIZING.md §2 and
// issue 14 define it:
//   need        = available − usable (available − unused where usable is missing: cache counted)
//   recommended = max(floor, P(need) × (1 + headroom)), rounded up to whole MiB; never below
//                 today's balloon when the window shows swap-in or major faults above VetoRates
//   reclaimable = actual − recommended when positive; short = recommended − maximum when positive
// A guest that is running but not reporting, or stale, gets no number but the reason.
// history.need must hold the policy's percentile (needRequestFor asks for it) and 50/95/99.
// `intervalSeconds` is the recorded polling interval (for the coverage), `windowSeconds` the
// window's length.
GuestAdvice adviseGuest(const GuestNeedHistory &history, const SizingPolicy &policy,
                        int intervalSeconds, qint64 windowSeconds, const VetoRates &rates = {});

// KiB rounded up to whole MiB.
qint64 roundUpToMiB(qint64 kib);

} // namespace bs
