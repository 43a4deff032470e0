#pragma once

#include "MemorySample.h"
#include "model/Metric.h"

#include <QHash>
#include <QString>

#include <array>
#include <deque>

namespace bs {

// The last hour or so of each guest's chartable figures, bounded, for the live chart. Host-side
// series get a point at every poll, guest-side ones when the guest reported (fresh); between
// reports a guest's line holds while the guest is "reporting". A NaN point marks a gap: the
// guest stopped or is not reporting, or no poll came for longer than ReportTiming::gapSeconds,
// the rule the History page draws with too, so both break a line in the same places.
// Not thread-safe: owned by the GUI thread, fed from queued PollCycle values.
class RecentSeries {
public:
    // The figures the live chart draws, in its legend's order; series() of any other is empty.
    static constexpr std::array<Metric, 5> Metrics = {
        Metric::Used, Metric::UsedExcludingCache, Metric::Actual, Metric::Available, Metric::Rss};
    static constexpr int SeriesCount = int(Metrics.size());
    // The position of `metric` in Metrics, or -1.
    static constexpr int indexOf(Metric metric) {
        for (int i = 0; i < SeriesCount; ++i) {
            if (Metrics[size_t(i)] == metric)
                return i;
        }
        return -1;
    }

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
        std::array<Series, SeriesCount> series;
        // When each series last had a poll that carried its line on (a value or a hold).
        std::array<qint64, SeriesCount> lastSeenMs{};
        bool wasActive = false;
    };
    void append(Guest &guest, Metric metric, qint64 timeMs, double kib, qint64 gapMs);
    void hold(Guest &guest, Metric metric, qint64 timeMs);
    void breakLine(Guest &guest, Metric metric, qint64 timeMs);

    QHash<QString, Guest> m_guests; // key: hostId + '\n' + uuid
    int m_capacity;
};

} // namespace bs
