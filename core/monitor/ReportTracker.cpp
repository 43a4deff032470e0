#include "ReportTracker.h"

namespace bs {

ReportTracker::Verdict ReportTracker::observe(const QString &uuid, DomainState state,
                                              const BalloonStats &stats,
                                              const BalloonConfig &config, qint64 nowMonoMs,
                                              qint64 nowWallMs) {
    Track &track = m_guests[uuid];
    Verdict verdict;

    if (!isActive(state)) {
        // A guest that stops starts over: its next report after boot is judged afresh.
        track = Track{};
        StatsEvidence evidence;
        evidence.state = state;
        verdict.state = classifyStats(evidence);
        return verdict;
    }

    if (!track.everObserved || track.period != config.period) {
        track.period = config.period;
        track.periodSeenMonoMs = nowMonoMs;
    }

    const bool hasUpdate = stats.lastUpdate && *stats.lastUpdate > 0;
    if (hasUpdate && (!track.everObserved || track.lastUpdate != stats.lastUpdate)) {
        if (!track.everObserved || !track.lastUpdate) {
            // First sight: trust the report's own age when it lies in the past (same clock or
            // nearly); a report from the future means clock skew, so count from now.
            const qint64 ageMs = nowWallMs - *stats.lastUpdate * 1000;
            track.lastChangeMonoMs = ageMs >= 0 ? nowMonoMs - ageMs : nowMonoMs;
        } else {
            track.lastChangeMonoMs = nowMonoMs;
        }
        verdict.fresh = stats.hasGuestFields();
    } else if (!hasUpdate && stats.hasGuestFields()) {
        verdict.fresh = true; // no last_update to compare: every report counts
    }
    if (!track.everObserved && !hasUpdate)
        track.lastChangeMonoMs = nowMonoMs;
    track.lastUpdate = stats.lastUpdate;
    track.everObserved = true;

    StatsEvidence evidence;
    evidence.state = state;
    evidence.model = config.model;
    evidence.livePeriod = config.period;
    evidence.lastUpdate = stats.lastUpdate;
    evidence.secondsSincePeriodSeen = double(nowMonoMs - track.periodSeenMonoMs) / 1000.0;
    evidence.secondsSinceLastUpdateChanged = double(nowMonoMs - track.lastChangeMonoMs) / 1000.0;
    evidence.guestFieldsPresent = stats.hasGuestFields();
    evidence.pollInterval = m_pollInterval;
    verdict.state = classifyStats(evidence);
    return verdict;
}

} // namespace bs
