#pragma once

#include "Confidence.h"
#include "history/NeedQuery.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// Why a guest has (or has no) recommendation.
enum class AdviceStatus {
    Advised,       // a number, with its confidence
    NotReporting,  // running, but its balloon statistics do not arrive (stats off, no driver...)
    Stale,         // the driver stopped feeding its statistics
    NeverReported, // no need recorded in the window
};

// Swap-in or major faults above the veto's rate over one reading (SIZING.md §2: never shrink a
// guest that swapped or faulted heavily in the window).
struct PressureEvidence {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 swapInKiB = 0;
    qint64 majorFaults = 0;
    bool operator==(const PressureEvidence &) const = default;
};

struct GuestAdvice {
    QString uuid;
    QString name;
    AdviceStatus status = AdviceStatus::NeverReported;
    StatsState statsState = StatsState::Unknown; // at the newest poll
    bool running = false;                        // at the newest poll
    std::optional<qint64> actualKiB;             // balloon size now (newest poll)
    std::optional<qint64> maximumKiB;

    // Need (KiB) over the window; set when status is Advised.
    std::optional<qint64> needP50;
    std::optional<qint64> needP95;
    std::optional<qint64> needP99;
    std::optional<qint64> needAtPercentile; // at the policy's percentile
    std::optional<qint64> needHighest;
    qint64 floorKiB = 0;
    qint64 overheadKiB = 0; // the guest kernel's memory outside MemTotal, added to the need
    std::optional<qint64> recommendedKiB;
    qint64 reclaimableKiB = 0; // actual − recommended when positive
    qint64 shortKiB = 0;       // recommended − maximum when positive: needs a bigger maximum

    bool cacheCounted = false; // some of the need counts page cache (no `usable` reported)
    QList<Tier> tiers;         // where the need came from, finest first
    qint64 needPoints = 0;     // raw polls and roll-up rows behind the figures

    bool vetoed = false;              // swap or faults: not below today's balloon
    QList<PressureEvidence> evidence; // the worst readings, worst first (at most five)
    qint64 swapInKiB = 0;             // over the window
    qint64 majorFaults = 0;           // over the window

    Confidence confidence = Confidence::None;
    Coverage coverage;
    qint64 lastReportMs = 0;
};

QString adviceStatusKey(AdviceStatus status); // "advised", ...: JSON
// One translated sentence on why the guest has no number (empty for Advised).
QString adviceReason(const GuestAdvice &advice);
QString tierSourceName(Tier tier); // translated: "raw polls", "1-minute maxima", "1-hour maxima"
QString tierSourceKey(Tier tier);  // "raw", "1m", "1h"

} // namespace bs

Q_DECLARE_METATYPE(bs::GuestAdvice)
