#include "HostSeriesReader.h"

#include "HostColumns.h"

namespace bs::history {

HostSeriesReader::HostSeriesReader(sqlite::Database &db)
    : m_db(db) {}

Status HostSeriesReader::readRaw(qint64 hostDbId, const Segment &segment,
                                 const QList<HostMetric> &metrics, QList<Decimator> &decimators) {
    QByteArray sql = "SELECT t";
    for (HostMetric m : metrics)
        sql += ", " + hostRawMetricExpr(m);
    sql += " FROM host_samples WHERE host_id = ?1 AND t >= ?2 AND t < ?3 ORDER BY t";
    auto rows = m_db.prepare(sql.constData());
    if (!rows)
        return rows.error();
    rows->bind(1, hostDbId).bind(2, segment.from).bind(3, segment.to);
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        const qint64 t = rows->int64(0);
        for (int i = 0; i < metrics.size(); ++i) {
            if (rows->isNull(1 + i))
                decimators[i].add(SourceRow::gap(t));
            else
                decimators[i].add(SourceRow::value(t, double(rows->int64(1 + i))));
        }
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return Status::success();
}

Status HostSeriesReader::readRollup(qint64 hostDbId, const Segment &segment,
                                    const QList<HostMetric> &metrics,
                                    QList<Decimator> &decimators) {
    const qint64 span = tierStepSeconds(segment.tier);
    QByteArray sql = "SELECT t, n";
    for (HostMetric m : metrics) {
        const QByteArray k = hostMetricKey(m).toLatin1();
        sql += ", " + k + "_min, " + k + "_avg, " + k + "_max";
    }
    sql += segment.tier == Tier::Minute ? " FROM host_rollup_1m" : " FROM host_rollup_1h";
    sql += " WHERE host_id = ?1 AND t >= ?2 AND t < ?3 ORDER BY t";
    auto rows = m_db.prepare(sql.constData());
    if (!rows)
        return rows.error();
    // A roll-up row that starts before the range still overlaps it.
    const qint64 from = segment.from - ((segment.from % span) + span) % span;
    rows->bind(1, hostDbId).bind(2, from).bind(3, segment.to);
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        const qint64 t = rows->int64(0);
        const double polls = double(qMax<qint64>(1, rows->int64(1)));
        for (int i = 0; i < metrics.size(); ++i) {
            const int column = 2 + 3 * i;
            if (rows->isNull(column + 2)) {
                decimators[i].add(SourceRow::gap(t, span));
                continue;
            }
            decimators[i].add(
                SourceRow{t, span, SourceRow::Kind::Value, double(rows->int64(column)),
                          double(rows->int64(column + 1)), double(rows->int64(column + 2)), polls});
        }
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return Status::success();
}

Result<HostSeriesResult> HostSeriesReader::series(const HostSeriesRequest &request) {
    HostSeriesResult result;
    result.hostId = request.hostId;
    auto host = findHostDbId(m_db, request.hostId);
    if (!host)
        return host.error();
    auto planned =
        planQuery(m_db, host->value_or(-1), request.fromMs, request.toMs, request.points);
    if (!planned)
        return planned.error();
    result.bucketMs = planned->range.bucketSeconds * 1000;
    for (const Segment &s : planned->range.segments)
        result.tiers.append(TierSpan{s.tier, s.from * 1000, s.to * 1000});
    QList<Decimator> decimators(request.metrics.size(),
                                Decimator(planned->range.bucketSeconds, planned->maxGap));
    if (*host) {
        for (const Segment &segment : planned->range.segments) {
            const Status status = segment.tier == Tier::Raw
                                      ? readRaw(**host, segment, request.metrics, decimators)
                                      : readRollup(**host, segment, request.metrics, decimators);
            if (!status)
                return status.error();
        }
        auto memory = readNodeMemory(m_db, **host, request.fromMs, request.toMs);
        if (!memory)
            return memory.error();
        result.nodeMemory = std::move(memory).value();
    }
    for (int i = 0; i < request.metrics.size(); ++i)
        result.series.append(
            HostSeries{request.metrics[i], Decimator::points(decimators[i].finish())});
    return result;
}

} // namespace bs::history
