#pragma once

#include "model/BalloonStats.h"

#include <optional>

namespace bs {

// What the guest itself uses, computed the ways peers compute it (DOMAIN.md §2). Empty when an
// input is missing or the inputs contradict each other (unused > available): never a guess.
struct DerivedMetrics {
    std::optional<quint64> used;               // available − unused (counts page cache as used)
    std::optional<quint64> usedExcludingCache; // available − usable (needs MemAvailable)
    std::optional<double> usedPercentOfAvailable; // used / available × 100
    std::optional<double> usedPercentOfActual;    // used / actual × 100 (share of the balloon)
    std::optional<quint64> balloonInflated; // maximum − actual: memory the balloon took back
};

DerivedMetrics deriveMetrics(const BalloonStats &stats);

} // namespace bs
