#pragma once

#include "model/DomainState.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// Why a guest does or does not report its memory, as the host can tell (DOMAIN.md §3).
enum class StatsState {
    Inactive,  // the guest does not run
    NoBalloon, // <memballoon model='none'/>, no element, or a model that cannot report
    Off,       // no stats period in the live XML: polling is off
    Waiting,   // period just set; less than two periods passed, no verdict yet
    NoDriver,  // period set, last_update still 0 after two periods: no driver in the guest
    Stale,     // period set, last_update frozen: driver loaded, nothing feeds it
    Reporting, // fields present and last_update advancing
    Unknown,   // not enough information (e.g. the live XML could not be read)
};

enum class BalloonModel {
    Unknown,
    Absent,
    None,
    Virtio,
    VirtioTransitional,
    VirtioNonTransitional,
    Xen,
    Other
};

bool canReport(BalloonModel model);

// Everything the classification looks at. Times are seconds on the local monotonic clock.
struct StatsEvidence {
    DomainState state = DomainState::Unknown;
    BalloonModel model = BalloonModel::Unknown;
    std::optional<int> livePeriod;            // seconds; empty or 0 = off
    std::optional<qint64> lastUpdate;         // guest report time (host clock, s); empty = never
    double secondsSincePeriodSeen = 0;        // since we first saw the current period
    double secondsSinceLastUpdateChanged = 0; // since last_update last advanced (or first seen)
    bool guestFieldsPresent = false;
    int pollInterval = 5; // our polling interval, in seconds: slack
};

StatsState classifyStats(const StatsEvidence &evidence);

QString statsStateName(StatsState state);        // translated short label: "reporting"
QString statsStateKey(StatsState state);         // stable key for JSON/CSV: "reporting"
QString statsStateExplanation(StatsState state); // one translated sentence: why and what to do
QString balloonModelKey(BalloonModel model);

} // namespace bs

Q_DECLARE_METATYPE(bs::StatsState)
