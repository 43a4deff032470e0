#pragma once

#include "MemorySample.h"

#include <QHash>
#include <QString>

#include <array>
#include <deque>

namespace bs {

// The last hour or so of each guest's chartable figures, bounded, for the live chart. Guest-side
// series get a point only when the guest reported (fresh), host-side ones at every poll; a NaN
// point marks a gap (the guest stopped, or reports stopped for longer than three periods).
// Not thread-safe: owned by the GUI thread, fed from queued PollCycle values.
class RecentSeries {
public:
    enum class Metric { Used, UsedExcludingCache, Actual, Available, Rss, Count };
    static constexpr int MetricCount = int(Metric::Count);

    struct Point {
        qint64 timeMs;
        double kib; // NaN = gap
    };
    using Series = std::deque<Point>;

    explicit RecentSeries(int capacityPerSeries = 1440);

    void add(const PollCycle &cycle, int pollIntervalSeconds);
    void remove(const QString &hostId, const QString &uuid);
    void removeHost(const QString &hostId);

    // Empty series when the guest is unknown.
    const Series &series(const QString &hostId, const QString &uuid, Metric metric) const;
    // Latest point time of any series of this guest, 0 when none.
    qint64 lastTimeMs(const QString &hostId, const QString &uuid) const;

private:
    struct Guest {
        std::array<Series, MetricCount> series;
        bool wasActive = false;
    };
    void append(Series &series, qint64 timeMs, double kib, qint64 gapMs);

    QHash<QString, Guest> m_guests; // key: hostId + '\n' + uuid
    int m_capacity;
};

} // namespace bs
