#include "GuestBalloonInfo.h"

#include "monitor/MemorySample.h"

namespace bs {

namespace {
constexpr qint64 FreshSlackSeconds = 5; // one poll and some clock skew
}

void GuestBalloonInfo::updateFrom(const MemorySample &sample) {
    if (sample.uuid != uuid)
        return;
    state = sample.state;
    if (sample.stats.actual)
        liveCurrentKiB = sample.stats.actual;
    if (sample.stats.maximum)
        liveMaximumKiB = sample.stats.maximum;
    if (sample.freshReport) {
        stats = sample.stats;
        statsFresh = sample.statsState == StatsState::Reporting;
    } else if (sample.statsState != StatsState::Reporting) {
        statsFresh = false;
    }
}

bool statsLookFresh(const BalloonStats &stats, std::optional<int> livePeriod, qint64 nowMs) {
    if (!livePeriod || *livePeriod <= 0 || !stats.hasGuestFields() || !stats.lastUpdate ||
        *stats.lastUpdate <= 0)
        return false;
    const qint64 age = nowMs / 1000 - *stats.lastUpdate;
    return age >= -FreshSlackSeconds && age <= 2LL * *livePeriod + FreshSlackSeconds;
}

} // namespace bs
