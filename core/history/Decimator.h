#pragma once

#include "SeriesTypes.h"

#include <QList>

#include <optional>

namespace bs::history {

// One stored row as the decimator sees it, for one metric.
struct SourceRow {
    enum class Kind {
        Value, // a value (or a roll-up's min/avg/max)
        Hold,  // no new value, but the series goes on (a repeated guest report)
        Gap,   // the series is absent here (guest off, stats not reported)
    };
    qint64 t = 0;    // seconds since the epoch: the sample time, or a roll-up bucket's start
    qint64 span = 0; // seconds the row covers: 0 for a raw sample, 60 or 3600 for a roll-up
    Kind kind = Kind::Value;
    double min = 0;
    double avg = 0;
    double max = 0;
    double weight = 1; // samples behind avg

    static SourceRow value(qint64 t, double v, qint64 span = 0) {
        return {t, span, Kind::Value, v, v, v, 1};
    }
    static SourceRow hold(qint64 t, qint64 span = 0) { return {t, span, Kind::Hold, 0, 0, 0, 0}; }
    static SourceRow gap(qint64 t, qint64 span = 0) { return {t, span, Kind::Gap, 0, 0, 0, 0}; }
};

// A decimated bucket, or a gap marker between two buckets.
struct DecimatedEntry {
    qint64 bucket = 0; // floor(t / bucketSeconds); for a gap, the bucket it precedes
    EnvelopePoint point;
    double weight = 0;
};

// Turns rows in time order into at most one envelope (min/avg/max) per bucket of `bucketSeconds`,
// buckets aligned to multiples of it since the epoch so a pan or a re-query draws the same points.
// A bucket's point is drawn in the middle of what all its rows cover (a lone raw sample keeps its
// own time), whatever kind they are for this metric: the metrics of one guest, read from the same
// rows, put their points at the same times.
// Min and max of every row in a bucket are kept, so a one-sample spike shows at any zoom level,
// as in PulseView's envelopes.
//
// Gaps: an explicit Gap row, or more than `maxGapSeconds` between the end of one valid row (Value
// or Hold) and the next. A gap becomes a NaN point between the buckets on either side; a gap that
// starts and ends inside one bucket is narrower than a pixel and is absorbed. Leading and
// trailing gaps are not marked: the series simply starts later or ends earlier.
class Decimator {
public:
    Decimator(qint64 bucketSeconds, qint64 maxGapSeconds);

    void add(const SourceRow &row);
    QList<DecimatedEntry> finish();

    static QList<EnvelopePoint> points(const QList<DecimatedEntry> &entries);

private:
    struct Accumulator {
        qint64 bucket = 0;
        qint64 firstT = 0;  // of the bucket's first row of any kind
        qint64 lastEnd = 0; // of its last row of any kind
        double min = 0;
        double max = 0;
        double sum = 0;
        double weight = 0;
    };
    qint64 bucketOf(qint64 t) const;
    void flush();
    void emitGap(qint64 atSeconds, qint64 beforeBucket);

    qint64 m_bucketSeconds;
    qint64 m_maxGap;
    std::optional<Accumulator> m_current;
    qint64 m_coverBucket = 0; // the bucket of the latest row, and where its first row started
    qint64 m_coverFirst = 0;
    bool m_covering = false;
    std::optional<qint64> m_lastValidEnd;
    qint64 m_lastValidBucket = 0;
    std::optional<qint64> m_pendingGap;
    QList<DecimatedEntry> m_out;
};

// The host aggregate: per bucket, Σ over guests of their bucket envelopes (Σ min, Σ avg, Σ max),
// with how many guests contributed. Buckets no guest covers for longer than `maxGapSeconds`
// become gaps.
struct AggregatedEntry {
    qint64 bucket = 0;
    EnvelopePoint point;
    int guests = 0;
};
QList<AggregatedEntry> sumBuckets(const QList<QList<DecimatedEntry>> &perGuest,
                                  qint64 bucketSeconds, qint64 maxGapSeconds);

// How far apart two polls may be before the stretch between them counts as "nothing recorded":
// ReportTiming::gapSeconds, the rule the live chart draws with too.
qint64 maxGapForInterval(int intervalSeconds);

} // namespace bs::history
