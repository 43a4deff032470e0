#include "GuestBalloonInfo.h"

namespace bs {

namespace {
constexpr qint64 FreshSlackSeconds = 5; // one poll and some clock skew
}

bool statsLookFresh(const BalloonStats &stats, std::optional<int> livePeriod, qint64 nowMs) {
    if (!livePeriod || *livePeriod <= 0 || !stats.hasGuestFields() || !stats.lastUpdate ||
        *stats.lastUpdate <= 0)
        return false;
    const qint64 age = nowMs / 1000 - *stats.lastUpdate;
    return age >= -FreshSlackSeconds && age <= 2LL * *livePeriod + FreshSlackSeconds;
}

} // namespace bs
