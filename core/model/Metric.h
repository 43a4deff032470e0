#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// What a history chart can plot for one guest. All memory figures are KiB; the counters
// (swap, faults, hugetlb) are cumulative as the guest reports them.
enum class Metric {
    Actual,             // balloon size = current allocation (host side)
    Maximum,            // maximum memory (host side)
    BalloonInflated,    // maximum − actual: memory the balloon took back (host side)
    Rss,                // QEMU process resident set (host side)
    Available,          // guest MemTotal
    Unused,             // guest MemFree
    Usable,             // guest MemAvailable
    DiskCaches,         // guest file cache
    Used,               // available − unused (counts page cache as used)
    UsedExcludingCache, // available − usable
    SwapIn,
    SwapOut,
    MajorFault,
    MinorFault,
    HugetlbPgAlloc,
    HugetlbPgFail,
    VmSwap,  // the QEMU process's memory swapped out on the host (KiB, host side)
    PsiSome, // the guest cgroup's memory pressure, some avg10 (hundredths of a percent)
    PsiFull, // the same, full avg10
};

inline constexpr int MetricCount = int(Metric::PsiFull) + 1;

QList<Metric> allMetrics();
// Host-side metrics are known at every poll of a running guest; guest-side ones only when the
// guest's balloon driver reports (DOMAIN.md §2).
bool isGuestSide(Metric metric);
// Stable key for JSON/CSV and the database columns: "used_excluding_cache".
QString metricKey(Metric metric);
std::optional<Metric> metricFromKey(const QString &key);
QString metricName(Metric metric); // translated label for the UI
// A share of time (PSI) rather than memory or a count: stored and carried in hundredths of a
// percent.
bool isPercentMetric(Metric metric);
// The unit a metric is shown in: "KiB", "count" or "%" (PSI, shown in percent).
QString metricUnitKey(Metric metric);

} // namespace bs

Q_DECLARE_METATYPE(bs::Metric)
