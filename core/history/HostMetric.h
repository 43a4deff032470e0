#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// What a host history chart can plot: one HostSample per poll (core/host/HostOverview.h),
// recorded next to the guests' samples. Memory figures are KiB; the KSM page counters are pages
// and the guest counts are counts.
enum class HostMetric {
    Total,           // host MemTotal
    Free,            // MemFree
    Buffers,         //
    Cached,          //
    FreeWithCaches,  // free + buffers + cached: what the host can hand out without swapping
    GuestsMaximum,   // Σ maximum of the active guests
    GuestsActual,    // Σ actual (balloon size)
    GuestsUsed,      // Σ (available − unused) of the reporting guests
    GuestsActive,    // count
    GuestsReporting, // count: how many guests GuestsUsed covers
    KsmSaved,        // pages_sharing × page size, KiB
    KsmPagesShared,
    KsmPagesSharing,
    KsmPagesUnshared,
    KsmPagesVolatile,
    KsmFullScans,
    HugePagesTotal, // KiB, Σ over sizes and cells
    HugePagesFree,
};

inline constexpr int HostMetricCount = int(HostMetric::HugePagesFree) + 1;

QList<HostMetric> allHostMetrics();
// KiB (true) or a count/pages (false): decides the chart's unit.
bool isHostMemoryMetric(HostMetric metric);
// Stable key, also the column name in host_samples and the roll-ups: "guests_used". Matches
// hostSampleToJson's keys.
QString hostMetricKey(HostMetric metric);
std::optional<HostMetric> hostMetricFromKey(const QString &key);
QString hostMetricName(HostMetric metric); // translated label for the UI

} // namespace bs

Q_DECLARE_METATYPE(bs::HostMetric)
