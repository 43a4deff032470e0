#pragma once

#include "HostMetric.h"
#include "model/Metric.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cmath>
#include <limits>

namespace bs {

// The storage tiers, finest first. Raw keeps every poll; the roll-ups keep min/avg/max per
// minute and per hour, so a peak survives however far back the data lies.
enum class Tier { Raw, Minute, Hour };
inline constexpr int TierCount = 3;
qint64 tierStepSeconds(Tier tier); // 0 (raw: the polling interval), 60, 3600
QString tierKey(Tier tier);        // "raw", "1m", "1h"

// One bucket of a decimated series, about one pixel wide: the lowest and highest value in it and
// the mean (weighted by the number of samples), drawn at timeMs. A gap (guest off, nothing
// recorded, stats missing) is a point whose values are NaN: it breaks the line there.
// `samples` says how many polls the point stands for: a chart draws the min–max band only where
// it is more than one (a single sample has no spread to show).
struct EnvelopePoint {
    qint64 timeMs = 0;
    double min = std::numeric_limits<double>::quiet_NaN();
    double avg = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    int samples = 0; // polls behind the point (for a sum: the most behind any one part); 0 = gap

    bool isGap() const { return std::isnan(avg); }
    static EnvelopePoint gap(qint64 timeMs) { return EnvelopePoint{timeMs}; }
    bool operator==(const EnvelopePoint &o) const;
};

// Which tier answered which part of a query, for a "resolution" hint in the UI.
struct TierSpan {
    Tier tier = Tier::Raw;
    qint64 fromMs = 0;
    qint64 toMs = 0;
};

// A range query for one host's guests. Several guests and metrics at once: one series per
// (guest, metric), all on the same bucket grid, so "compare guests" overlays line up.
struct SeriesRequest {
    QString hostId;
    QStringList uuids;
    QList<Metric> metrics;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int points = 1000; // the plot's width in pixels: at most about one envelope per pixel
};

struct Series {
    QString hostId;
    QString uuid;
    Metric metric = Metric::Used;
    QList<EnvelopePoint> points;
};

struct SeriesResult {
    qint64 bucketMs = 0; // bucket width; buckets are aligned to multiples of it since the epoch
    QList<TierSpan> tiers;
    QList<Series> series;
    QString note; // what the source changed from the request and why (a server's point limit)
};

// The host's total over all its guests that have history: Σ per bucket of each guest's bucket
// (Σ avg; Σ min and Σ max bound the sum), plus the host's own memory size for reference.
struct AggregateRequest {
    QString hostId;
    QList<Metric> metrics; // e.g. Used, Actual
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int points = 1000;
};

struct AggregateSeries {
    Metric metric = Metric::Used;
    QList<EnvelopePoint> points;
    QList<int> guestCounts; // per point: how many guests contributed (0 for a gap)
};

struct AggregateResult {
    QString hostId;
    qint64 bucketMs = 0;
    QList<AggregateSeries> series;
    QList<EnvelopePoint> hostTotal; // host memory (KiB) as recorded, a step line; may be empty
};

// A range query for one host's own figures (HostSample, schema 3): host memory, the guests'
// sums as the host saw them at each poll, KSM, huge pages.
struct HostSeriesRequest {
    QString hostId;
    QList<HostMetric> metrics;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int points = 1000;
};

struct HostSeries {
    HostMetric metric = HostMetric::Total;
    QList<EnvelopePoint> points;
};

struct HostSeriesResult {
    QString hostId;
    qint64 bucketMs = 0;
    QList<TierSpan> tiers;
    QList<HostSeries> series; // one per requested metric, in request order
    // The host's memory size from virNodeGetInfo as recorded (a step line): the total to draw
    // on hosts whose MemTotal is not available (libvirt's test driver). May be empty.
    QList<EnvelopePoint> nodeMemory;
};

// When a host's history begins and ends, over every tier: the host's own figures and its guests'
// (or only the listed guests'). A roll-up row stands for its whole minute or hour, so it counts as
// the beginning only where it lies wholly before what the finer tiers hold (their older rows were
// purged): the beginning is then known to that tier's precision.
struct RecordedSpanRequest {
    QString hostId;
    QStringList uuids; // empty: the host's own figures and every guest of the host
};

struct RecordedSpan {
    qint64 firstMs = 0; // 0: nothing recorded
    qint64 lastMs = 0;  // the newest row (a roll-up's by the start of its minute or hour)

    bool isEmpty() const { return firstMs <= 0; }
    bool operator==(const RecordedSpan &) const = default;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::RecordedSpan)
Q_DECLARE_METATYPE(bs::SeriesResult)
Q_DECLARE_METATYPE(bs::AggregateResult)
Q_DECLARE_METATYPE(bs::HostSeriesResult)
