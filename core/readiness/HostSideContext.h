#pragma once

// Internal to HostSideInspector*.cpp: what every host-side check looks at, worked out once.

#include "HostSideInspector.h"
#include "Remedies.h"

#include <utility>

namespace bs {

struct HostSideInspector::Context {
    explicit Context(const HostEvidence &evidence)
        : e(evidence)
        , target{evidence.uri, evidence.name} {}

    const HostEvidence &e;
    RemedyTarget target;
    bool active = false;  // the guest's kernel runs (running, paused, ...)
    bool running = false; // running or blocked: it can report right now
    bool canReport = false;
    std::optional<int> livePeriod;
    bool periodOn = false;
    QList<StatsObservation> obs; // oldest first
    double span = 0;
    double needed = 0;
    qint64 maxLastUpdate = 0;
    std::optional<std::pair<qint64, qint64>> increase; // last_update from → to
    const StatsObservation *latestWithFields = nullptr;
    ReportingState reporting = ReportingState::NotApplicable;
};

} // namespace bs
