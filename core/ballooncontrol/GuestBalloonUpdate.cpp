#include "GuestBalloonUpdate.h"

#include "monitor/MemorySample.h"

namespace bs {

void updateFromSample(GuestBalloonInfo &info, const MemorySample &sample) {
    if (sample.uuid != info.uuid)
        return;
    info.state = sample.state;
    if (sample.stats.actual)
        info.liveCurrentKiB = sample.stats.actual;
    if (sample.stats.maximum)
        info.liveMaximumKiB = sample.stats.maximum;
    if (sample.freshReport) {
        info.stats = sample.stats;
        info.statsFresh = sample.statsState == StatsState::Reporting;
    } else if (sample.statsState != StatsState::Reporting) {
        info.statsFresh = false;
    }
}

} // namespace bs
