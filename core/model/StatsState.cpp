#include "StatsState.h"

#include "ReportTiming.h"

#include <QCoreApplication>

#include <algorithm>

namespace bs {

bool canReport(BalloonModel model) {
    return model == BalloonModel::Virtio || model == BalloonModel::VirtioTransitional ||
           model == BalloonModel::VirtioNonTransitional;
}

StatsState classifyStats(const StatsEvidence &e) {
    if (!isActive(e.state))
        return e.state == DomainState::Unknown ? StatsState::Unknown : StatsState::Inactive;
    if (e.model == BalloonModel::Unknown)
        return StatsState::Unknown;
    if (!canReport(e.model))
        return StatsState::NoBalloon;
    // Decide from the period first: a Linux driver reports once when it loads, even without one.
    if (!e.livePeriod || *e.livePeriod <= 0)
        return StatsState::Off;

    const double grace = ReportTiming::graceSeconds(*e.livePeriod, e.pollInterval);
    if (!e.lastUpdate || *e.lastUpdate <= 0)
        return e.secondsSincePeriodSeen < grace ? StatsState::Waiting : StatsState::NoDriver;
    if (e.secondsSinceLastUpdateChanged > grace)
        return StatsState::Stale;
    if (!e.guestFieldsPresent)
        return StatsState::Stale; // only actual/rss left: nothing feeds the driver
    return StatsState::Reporting;
}

QString statsStateName(StatsState state) {
    switch (state) {
    case StatsState::Inactive:
        return QCoreApplication::translate("bs::StatsState", "not running");
    case StatsState::NoBalloon:
        return QCoreApplication::translate("bs::StatsState", "no balloon device");
    case StatsState::Off:
        return QCoreApplication::translate("bs::StatsState", "stats off");
    case StatsState::Waiting:
        return QCoreApplication::translate("bs::StatsState", "waiting for first report");
    case StatsState::NoDriver:
        return QCoreApplication::translate("bs::StatsState", "no driver");
    case StatsState::Stale:
        return QCoreApplication::translate("bs::StatsState", "stale");
    case StatsState::Reporting:
        return QCoreApplication::translate("bs::StatsState", "reporting");
    case StatsState::Unknown:
        break;
    }
    return QCoreApplication::translate("bs::StatsState", "unknown");
}

QString statsStateKey(StatsState state) {
    switch (state) {
    case StatsState::Inactive:
        return QStringLiteral("inactive");
    case StatsState::NoBalloon:
        return QStringLiteral("no_balloon");
    case StatsState::Off:
        return QStringLiteral("off");
    case StatsState::Waiting:
        return QStringLiteral("waiting");
    case StatsState::NoDriver:
        return QStringLiteral("no_driver");
    case StatsState::Stale:
        return QStringLiteral("stale");
    case StatsState::Reporting:
        return QStringLiteral("reporting");
    case StatsState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString statsStateExplanation(StatsState state) {
    switch (state) {
    case StatsState::Inactive:
        return QCoreApplication::translate("bs::StatsState",
                                           "The guest is not running, so it cannot report.");
    case StatsState::NoBalloon:
        return QCoreApplication::translate(
            "bs::StatsState", "The guest has no virtio balloon device. Switch its configuration to "
                              "<memballoon model='virtio'> and restart it.");
    case StatsState::Off:
        return QCoreApplication::translate(
            "bs::StatsState",
            "No stats period is set, so the balloon driver is never asked for statistics. "
            "Set a period (for example 10 s).");
    case StatsState::Waiting:
        return QCoreApplication::translate(
            "bs::StatsState", "A stats period is set; waiting two periods for the first report.");
    case StatsState::NoDriver:
        return QCoreApplication::translate(
            "bs::StatsState",
            "A period is set but the guest never reported: no balloon driver is loaded in the "
            "guest (Linux: virtio_balloon; Windows: the virtio-win balloon driver).");
    case StatsState::Stale:
        return QCoreApplication::translate(
            "bs::StatsState",
            "The guest reported before but its reports stopped: the driver is loaded but nothing "
            "feeds it (Windows: BalloonService is not running).");
    case StatsState::Reporting:
        return QCoreApplication::translate("bs::StatsState", "The guest reports its memory.");
    case StatsState::Unknown:
        break;
    }
    return QCoreApplication::translate("bs::StatsState", "Not enough information yet.");
}

QString balloonModelKey(BalloonModel model) {
    switch (model) {
    case BalloonModel::Unknown:
        return QStringLiteral("unknown");
    case BalloonModel::Absent:
        return QStringLiteral("absent");
    case BalloonModel::None:
        return QStringLiteral("none");
    case BalloonModel::Virtio:
        return QStringLiteral("virtio");
    case BalloonModel::VirtioTransitional:
        return QStringLiteral("virtio-transitional");
    case BalloonModel::VirtioNonTransitional:
        return QStringLiteral("virtio-non-transitional");
    case BalloonModel::Xen:
        return QStringLiteral("xen");
    case BalloonModel::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("unknown");
}

} // namespace bs
