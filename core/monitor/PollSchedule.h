#pragma once

#include <QString>

#include <chrono>

namespace bs::PollSchedule {

// Where in the interval a host polls. Hosts started together would otherwise poll in step and
// hand the GUI thread all their cycles at once (50 hosts: 50 cycles back to back every 5 s); each
// host instead polls at its own phase, a deterministic offset from its URI (FNV-1a), so the
// cycles arrive spread over the interval. The interval itself stays exact.
inline qint64 phaseMs(const QString &uri, qint64 intervalMs) {
    if (intervalMs <= 0)
        return 0;
    quint64 hash = 14695981039346656037ULL;
    for (const QChar c : uri) {
        hash ^= c.unicode();
        hash *= 1099511628211ULL;
    }
    return qint64(hash % quint64(intervalMs));
}

// The first slot (phase + k × interval, on a clock shared by every host) at or after
// `earliestMs`.
inline qint64 nextSlotMs(qint64 earliestMs, qint64 phase, qint64 intervalMs) {
    if (intervalMs <= 0)
        return earliestMs;
    const qint64 since = earliestMs - phase;
    qint64 k = since / intervalMs;
    if (k * intervalMs < since)
        ++k;
    return phase + k * intervalMs;
}

// After a poll that started at `startedMs`: the next poll's slot. A poll on time is followed by
// one exactly an interval later; the first (on connecting, at any time) or one that ran late is
// followed by the host's next slot at least half an interval on.
inline qint64 slotAfterPoll(qint64 startedMs, qint64 phase, qint64 intervalMs) {
    return nextSlotMs(startedMs + intervalMs / 2, phase, intervalMs);
}

// The monotonic clock the slots are on, ms: the same for every host of the process.
inline qint64 clockMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace bs::PollSchedule
