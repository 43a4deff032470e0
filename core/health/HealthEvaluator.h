#pragma once

#include "GuestWindow.h"
#include "HealthThresholds.h"
#include "host/NodeMemory.h"

#include <optional>

namespace bs {

// What one evaluation looks at: one host's memory and its guests' windows, as of `nowMs`.
struct HealthInput {
    QString hostId;
    std::optional<NodeMemory> hostMemory;
    // Not owned: the windows outlive the evaluation (GuestWindows::windows() hands them so).
    QList<const GuestWindow *> guests;
    qint64 nowMs = 0;
    // How long the caller has watched (s): a sustained rule accepts this much as "the whole
    // time" when it is shorter than the rule's own span (`check` watches seconds, not minutes).
    qint64 watchedSeconds = 0;
    // The performance figures (HealthResult::figures) for monitoring systems: `check` prints
    // them; the watchdog reads findings only and spares building them.
    bool wantFigures = true;
};

// Runs every enabled rule; findings worst first, then in rule order, then by guest.
HealthResult evaluateHealth(const HealthInput &input, const HealthThresholds &thresholds);

} // namespace bs
