#include "Decimator.h"

#include "model/ReportTiming.h"

#include <QMap>

#include <algorithm>

namespace bs::history {

namespace {

qint64 floorDiv(qint64 a, qint64 b) {
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

} // namespace

qint64 maxGapForInterval(int intervalSeconds) {
    return ReportTiming::gapSeconds(intervalSeconds);
}

Decimator::Decimator(qint64 bucketSeconds, qint64 maxGapSeconds)
    : m_bucketSeconds(qMax<qint64>(1, bucketSeconds))
    , m_maxGap(qMax<qint64>(0, maxGapSeconds)) {}

qint64 Decimator::bucketOf(qint64 t) const {
    return floorDiv(t, m_bucketSeconds);
}

void Decimator::add(const SourceRow &row) {
    const qint64 bucket = bucketOf(row.t);
    if (!m_covering || bucket != m_coverBucket) {
        m_covering = true;
        m_coverBucket = bucket;
        m_coverFirst = row.t;
    }
    if (m_current && m_current->bucket == bucket)
        m_current->lastEnd = std::max(m_current->lastEnd, row.t + row.span);
    if (row.kind == SourceRow::Kind::Gap) {
        if (m_lastValidEnd && !m_pendingGap)
            m_pendingGap = qMax(row.t, *m_lastValidEnd);
        return;
    }
    if (m_lastValidEnd) {
        if (!m_pendingGap && row.t - *m_lastValidEnd > m_maxGap)
            m_pendingGap = (*m_lastValidEnd + row.t) / 2;
        if (m_pendingGap && bucket != m_lastValidBucket)
            emitGap(*m_pendingGap, bucket);
        m_pendingGap.reset(); // emitted, or absorbed inside one bucket
    }
    if (row.kind == SourceRow::Kind::Value) {
        if (m_current && m_current->bucket != bucket)
            flush();
        if (!m_current) {
            m_current = Accumulator{bucket, m_coverFirst, row.t + row.span, row.min, row.max, 0, 0};
        } else {
            m_current->min = std::min(m_current->min, row.min);
            m_current->max = std::max(m_current->max, row.max);
        }
        m_current->sum += row.avg * row.weight;
        m_current->weight += row.weight;
    }
    m_lastValidEnd = std::max(m_lastValidEnd.value_or(row.t + row.span), row.t + row.span);
    m_lastValidBucket = bucket;
}

void Decimator::flush() {
    if (!m_current)
        return;
    const Accumulator &a = *m_current;
    DecimatedEntry entry;
    entry.bucket = a.bucket;
    // Drawn in the middle of what the bucket's rows cover: a lone raw sample keeps its own time.
    entry.point.timeMs = (a.firstT + a.lastEnd) * 500;
    entry.point.min = a.min;
    entry.point.max = a.max;
    entry.point.avg = a.weight > 0 ? a.sum / a.weight : (a.min + a.max) / 2;
    entry.point.samples = qMax(1, qRound(a.weight));
    entry.weight = a.weight;
    m_out.append(entry);
    m_current.reset();
}

void Decimator::emitGap(qint64 atSeconds, qint64 beforeBucket) {
    flush();
    if (m_out.isEmpty() || m_out.constLast().point.isGap())
        return; // nothing drawn before it: a leading gap needs no marker
    DecimatedEntry entry;
    entry.bucket = beforeBucket;
    // After the last point, even when the gap began inside that point's bucket.
    entry.point =
        EnvelopePoint::gap(std::max(atSeconds * 1000, m_out.constLast().point.timeMs + 1));
    m_out.append(entry);
}

QList<DecimatedEntry> Decimator::finish() {
    flush();
    while (!m_out.isEmpty() && m_out.constLast().point.isGap())
        m_out.removeLast();
    return std::exchange(m_out, {});
}

QList<EnvelopePoint> Decimator::points(const QList<DecimatedEntry> &entries) {
    QList<EnvelopePoint> out;
    out.reserve(entries.size());
    for (const DecimatedEntry &e : entries)
        out.append(e.point);
    return out;
}

QList<AggregatedEntry> sumBuckets(const QList<QList<DecimatedEntry>> &perGuest,
                                  qint64 bucketSeconds, qint64 maxGapSeconds) {
    struct Sum {
        double min = 0;
        double avg = 0;
        double max = 0;
        double timeMs = 0;
        int guests = 0;
        int samples = 0;
    };
    QMap<qint64, Sum> sums;
    for (const QList<DecimatedEntry> &entries : perGuest) {
        for (const DecimatedEntry &e : entries) {
            if (e.point.isGap())
                continue;
            Sum &s = sums[e.bucket];
            s.min += e.point.min;
            s.avg += e.point.avg;
            s.max += e.point.max;
            s.timeMs += double(e.point.timeMs);
            s.samples = qMax(s.samples, e.point.samples);
            ++s.guests;
        }
    }
    QList<AggregatedEntry> out;
    std::optional<qint64> previous;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const qint64 bucket = it.key();
        if (previous && (bucket - *previous - 1) * bucketSeconds > maxGapSeconds) {
            AggregatedEntry gap;
            gap.bucket = bucket;
            gap.point = EnvelopePoint::gap((*previous + 1) * bucketSeconds * 1000);
            out.append(gap);
        }
        const Sum &s = it.value();
        AggregatedEntry entry;
        entry.bucket = bucket;
        entry.point.timeMs = qint64(s.timeMs / s.guests);
        entry.point.min = s.min;
        entry.point.avg = s.avg;
        entry.point.max = s.max;
        entry.point.samples = s.samples;
        entry.guests = s.guests;
        out.append(entry);
        previous = bucket;
    }
    return out;
}

} // namespace bs::history
