#pragma once

#include "Advice.h"
#include "HostOverview.h"
#include "monitor/MemorySample.h"

#include <QLocale>

namespace bs {

// Advice grounded in a host's numbers: pure functions of one overview and the guests of the
// same poll (with their last reports carried: HostOverviewCollector::lastGuests()). Each rule
// gives at most one line (hugepages.cannot-start: one per guest), warnings first, then by rule.
QList<Advice> adviseHost(const HostOverview &overview, const QList<MemorySample> &guests,
                         const QLocale &locale = QLocale());

// Every rule id, in evaluation order.
QStringList adviceRuleIds();

// The thresholds, and why. An admin may disagree with any of them; they are meant to flag what
// deserves a look, not to decide.
namespace advice {

// Free memory: MemFree + Buffers + Cached below this share of MemTotal means the kernel is near
// reclaiming. (Cached includes tmpfs and dirty pages, so the real margin is smaller still.)
inline constexpr double LowFreePercent = 10.0;

// Σ maximum / host total above 1.0 is overselling: fine while guests do not all grow at once
// and balloons can take memory back. Above 1.5 it rests on that assumption heavily; 1.5 was
// OpenStack nova's default ram_allocation_ratio for years and is a common ceiling without
// measured usage.
inline constexpr double OversoldRatio = 1.0;
inline constexpr double OversoldWarnRatio = 1.5;
// Reporting guests using this much of their own memory leave a balloon little to take back.
inline constexpr double GuestsBusyPercent = 80.0;

// Σ actual (what the guests hold now) above this share of the host: QEMU's own overhead (tens
// to hundreds of MiB per guest), the host kernel and its page cache need the rest.
inline constexpr double ActualWarnRatio = 0.9;

// KSM is judged only after two full passes: a page is merged on its second sighting unchanged,
// so the first pass saves little by design.
inline constexpr quint64 KsmMinFullScans = 2;
// Savings below 1 % of host memory are not worth ksmd's CPU time (a few % of a core at the
// default 5000 pages/s, a whole core when ksmtuned speeds it up)...
inline constexpr double KsmLowSavingsPercent = 1.0;
// ...especially when it rescans ten or more unique pages per page it saves (the kernel
// documentation's "wasted effort").
inline constexpr double KsmWastedUnsharedPerSaved = 10.0;
// KSM savings worth mentioning at all, below the percentage above.
inline constexpr quint64 KsmNotableKiB = 64 * 1024;

// Free huge pages worth a look: at least 1 GiB (one 1 GiB page, or 512 of 2 MiB) and 5 % of the
// host. A smaller spare is what the next guest start needs.
inline constexpr quint64 HugePagesUnusedMinKiB = 1024 * 1024;
inline constexpr double HugePagesUnusedMinPercent = 5.0;

// Names listed in a line before "and N more".
inline constexpr int MaxNamesListed = 5;

} // namespace advice

} // namespace bs
