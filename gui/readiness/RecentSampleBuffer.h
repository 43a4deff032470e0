#pragma once

#include "monitor/MemorySample.h"

#include <QHash>
#include <QList>

#include <deque>

namespace bs::gui {

// The last few poll samples of each guest: what an instant readiness check needs to tell
// "frozen" from "advancing" without watching again. Keeps about two stats periods plus two polls
// per guest (DOMAIN.md §3) and collapses runs of the same last_update, so a guest whose reports
// stopped an hour ago costs three samples, not an hour of them.
class RecentSampleBuffer {
public:
    static constexpr int MaxPerGuest = 64;

    // Returns the UUIDs whose balloon configuration or stats state changed since their previous
    // sample: their readiness may have changed too.
    QStringList add(const PollCycle &cycle, int pollIntervalSeconds);

    void clearGuest(const QString &hostId, const QString &uuid);
    void removeGuests(const QString &hostId, const QStringList &uuids);
    void removeHost(const QString &hostId);

    QList<MemorySample> samples(const QString &hostId) const; // every guest of the host
    QList<MemorySample> samples(const QString &hostId, const QString &uuid) const;
    const MemorySample *latest(const QString &hostId, const QString &uuid) const;

private:
    // A deque, not a QList: a QList that drops from its front and appends at its end grows its
    // block to twice what it holds; a deque of samples this size holds each in its own node.
    using Samples = std::deque<MemorySample>;
    static void append(Samples &list, const MemorySample &sample, int pollInterval);

    QHash<QString, QHash<QString, Samples>> m_byHost;
};

} // namespace bs::gui
