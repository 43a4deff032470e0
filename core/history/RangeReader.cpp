#include "RangeReader.h"

#include "QueryPlan.h"
#include "RollupCompactor.h"
#include "SampleCodec.h"
#include "StoredColumns.h"

namespace bs::history {

RangeReader::RangeReader(sqlite::Database &db)
    : m_db(db) {}

Result<std::optional<qint64>> RangeReader::guestDbId(qint64 hostDbId, const QString &uuid) {
    auto row = m_db.prepare("SELECT id FROM guests WHERE host_id = ?1 AND uuid = ?2");
    if (!row)
        return row.error();
    row->bind(1, hostDbId).bind(2, uuid);
    switch (row->step()) {
    case sqlite::Statement::Step::Row:
        return std::optional<qint64>(row->int64(0));
    case sqlite::Statement::Step::Done:
        return std::optional<qint64>();
    case sqlite::Statement::Step::Failed:
        break;
    }
    return row->error();
}

Status RangeReader::readRaw(qint64 guestDbId, const Segment &segment, const QList<Metric> &metrics,
                            QList<Decimator> &decimators) {
    QByteArray columns = "t, flags, " + freshExpr();
    for (Metric m : metrics)
        columns += ", " + rawMetricExpr(m);
    const QByteArray where = " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3";
    // The newest polls may still sit in the inbox (see Schema.cpp).
    const QByteArray sql = "SELECT " + columns + " FROM samples" + where + " UNION ALL SELECT " +
                           columns + " FROM samples_inbox" + where + " ORDER BY 1";
    auto rows = m_db.prepare(sql.constData());
    if (!rows)
        return rows.error();
    rows->bind(1, guestDbId).bind(2, segment.from).bind(3, segment.to);
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        const qint64 t = rows->int64(0);
        // A poll without a fresh report, of a guest that is reporting: the last report stands.
        const bool repeated = rows->int64(2) == 0 && (rows->int64(1) >> 4) == ReportingCode;
        for (int i = 0; i < metrics.size(); ++i) {
            const int column = 3 + i;
            if (!rows->isNull(column))
                decimators[i].add(SourceRow::value(t, double(rows->int64(column))));
            else if (isGuestSide(metrics[i]) && repeated)
                decimators[i].add(SourceRow::hold(t));
            else
                decimators[i].add(SourceRow::gap(t));
        }
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return Status::success();
}

Status RangeReader::readRollup(qint64 guestDbId, const Segment &segment,
                               const QList<Metric> &metrics, QList<Decimator> &decimators) {
    const qint64 span = tierStepSeconds(segment.tier);
    QByteArray sql = "SELECT t, n_host, n_report, n_gap";
    for (Metric m : metrics) {
        const QByteArray k = metricKey(m).toLatin1();
        sql += ", " + k + "_min, " + k + "_avg, " + k + "_max";
    }
    sql += segment.tier == Tier::Minute ? " FROM rollup_1m" : " FROM rollup_1h";
    sql += " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3 ORDER BY t";
    auto rows = m_db.prepare(sql.constData());
    if (!rows)
        return rows.error();
    // A roll-up row that starts before the range still overlaps it.
    const qint64 from = segment.from - ((segment.from % span) + span) % span;
    rows->bind(1, guestDbId).bind(2, from).bind(3, segment.to);
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        const qint64 t = rows->int64(0);
        const qint64 hostPolls = rows->int64(1);
        const qint64 reports = rows->int64(2);
        const qint64 gaps = rows->int64(3);
        for (int i = 0; i < metrics.size(); ++i) {
            const int column = 4 + 3 * i;
            const bool guestSide = isGuestSide(metrics[i]);
            if (!rows->isNull(column + 2)) {
                SourceRow row{t,
                              span,
                              SourceRow::Kind::Value,
                              double(rows->int64(column)),
                              double(rows->int64(column + 1)),
                              double(rows->int64(column + 2)),
                              double(qMax<qint64>(1, guestSide ? reports : hostPolls))};
                decimators[i].add(row);
            } else if (guestSide && reports == 0 && gaps == 0) {
                decimators[i].add(SourceRow::hold(t, span));
            } else {
                decimators[i].add(SourceRow::gap(t, span));
            }
        }
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return Status::success();
}

Result<QList<QList<DecimatedEntry>>>
RangeReader::decimateGuest(qint64 guestDbId, const QList<Metric> &metrics, const QueryPlan &plan) {
    QList<Decimator> decimators(metrics.size(), Decimator(plan.range.bucketSeconds, plan.maxGap));
    for (const Segment &segment : plan.range.segments) {
        const Status status = segment.tier == Tier::Raw
                                  ? readRaw(guestDbId, segment, metrics, decimators)
                                  : readRollup(guestDbId, segment, metrics, decimators);
        if (!status)
            return status.error();
    }
    QList<QList<DecimatedEntry>> out;
    for (Decimator &d : decimators)
        out.append(d.finish());
    return out;
}

Result<SeriesResult> RangeReader::series(const SeriesRequest &request) {
    SeriesResult result;
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
    for (const QString &uuid : request.uuids) {
        QList<QList<DecimatedEntry>> decimated;
        if (*host) {
            auto guest = guestDbId(**host, uuid);
            if (!guest)
                return guest.error();
            if (*guest) {
                auto rows = decimateGuest(**guest, request.metrics, *planned);
                if (!rows)
                    return rows.error();
                decimated = std::move(rows).value();
            }
        }
        for (int i = 0; i < request.metrics.size(); ++i) {
            Series s;
            s.hostId = request.hostId;
            s.uuid = uuid;
            s.metric = request.metrics[i];
            if (i < decimated.size())
                s.points = Decimator::points(decimated[i]);
            result.series.append(s);
        }
    }
    return result;
}

Result<AggregateResult> RangeReader::aggregate(const AggregateRequest &request) {
    AggregateResult result;
    result.hostId = request.hostId;
    auto host = findHostDbId(m_db, request.hostId);
    if (!host)
        return host.error();
    auto planned =
        planQuery(m_db, host->value_or(-1), request.fromMs, request.toMs, request.points);
    if (!planned)
        return planned.error();
    result.bucketMs = planned->range.bucketSeconds * 1000;
    QList<QList<QList<DecimatedEntry>>> perMetric(request.metrics.size());
    if (*host) {
        auto guests = m_db.prepare("SELECT id FROM guests WHERE host_id = ?1");
        if (!guests)
            return guests.error();
        guests->bind(1, **host);
        QList<qint64> ids;
        // A guest the listing failed to return would be missing from the sum, silently.
        if (Status listed = guests->forEachRow([&] { ids.append(guests->int64(0)); }); !listed)
            return listed.error();
        for (qint64 id : std::as_const(ids)) {
            auto rows = decimateGuest(id, request.metrics, *planned);
            if (!rows)
                return rows.error();
            for (int i = 0; i < request.metrics.size(); ++i)
                perMetric[i].append(rows->at(i));
        }
    }
    for (int i = 0; i < request.metrics.size(); ++i) {
        AggregateSeries s;
        s.metric = request.metrics[i];
        for (const AggregatedEntry &e :
             sumBuckets(perMetric[i], planned->range.bucketSeconds, planned->maxGap)) {
            s.points.append(e.point);
            s.guestCounts.append(e.guests);
        }
        result.series.append(s);
    }
    if (*host) {
        auto total = readNodeMemory(m_db, **host, request.fromMs, request.toMs);
        if (!total)
            return total.error();
        result.hostTotal = std::move(total).value();
    }
    return result;
}

Result<QList<GuestInfo>> RangeReader::guests(const QString &hostId) {
    auto rows = m_db.prepare(
        "SELECT g.id, h.uri, g.uuid, g.name, g.first_seen FROM guests g JOIN hosts h ON "
        "h.id = g.host_id WHERE ?1 IS NULL OR h.uri = ?1 ORDER BY h.uri, g.name, g.uuid");
    auto names =
        m_db.prepare("SELECT since, name FROM guest_names WHERE guest_id = ?1 ORDER BY since");
    if (!rows)
        return rows.error();
    if (!names)
        return names.error();
    if (hostId.isEmpty())
        rows->bindNull(1);
    else
        rows->bind(1, hostId);
    QList<GuestInfo> out;
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        GuestInfo info;
        info.hostId = rows->text(1);
        info.uuid = rows->text(2);
        info.name = rows->text(3);
        info.firstSeenMs = rows->int64(4) * 1000;
        names->bind(1, rows->int64(0));
        const Status named = names->forEachRow([&] {
            info.names.append(GuestInfo::Name{names->int64(0) * 1000, names->text(1)});
        });
        if (!named)
            return named.error();
        out.append(info);
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return out;
}

} // namespace bs::history
