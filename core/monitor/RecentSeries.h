#pragma once

#include "MemorySample.h"
#include "PointRing.h"
#include "model/Metric.h"

#include <QHash>
#include <QString>

#include <array>

namespace bs {

// The last hour or so of each guest's chartable figures, bounded, for the live chart. Bounded in
// all: the charted guest keeps `capacityPerSeries` points a series (1,440: 2 hours at 5 s, the
// chart's longest window); every other guest an equal share of PointBudget, between
// MinPointsPerSeries and capacityPerSeries (5,000 guests: 60 points, 5 minutes at 5 s; up to
// 208 guests keep the whole 2 hours). So at most PointBudget + 5 × 1,440 points of 16 bytes
// (about 20 MB, each series in a block of at most its capacity: PointRing), however many guests.
// Host-side series get a point at every poll, guest-side ones when the guest reported (fresh);
// between reports a guest's line holds while the guest is "reporting". A NaN point marks a gap: the
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
    using Series = PointRing<Point>;

    static constexpr qsizetype PointBudget = 1'500'000;
    static constexpr int MinPointsPerSeries = 60;

    explicit RecentSeries(int capacityPerSeries = 1440);

    // The guest the live chart shows keeps the full capacity (its share is kept from now on).
    void setCharted(const QString &hostId, const QString &uuid);
    // The points a series of this guest may hold now.
    int capacityOf(const QString &hostId, const QString &uuid) const;

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
    void append(Guest &guest, Metric metric, qint64 timeMs, double kib, qint64 gapMs, int capacity);
    void hold(Guest &guest, Metric metric, qint64 timeMs);
    void breakLine(Guest &guest, Metric metric, qint64 timeMs, int capacity);
    int shareCapacity() const;
    bool isCharted(const QString &hostId, const QString &uuid) const;
    const Guest *find(const QString &hostId, const QString &uuid) const;

    // By host, then by uuid: a cycle looks its host up once, and each guest by its uuid alone
    // (no key built per poll and guest).
    QHash<QString, QHash<QString, Guest>> m_hosts;
    qsizetype m_guestCount = 0;
    int m_capacity;
    QString m_chartedHost; // empty: none charted
    QString m_chartedUuid;
};

} // namespace bs
