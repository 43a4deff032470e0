#include "QueryPlan.h"

#include "Decimator.h"
#include "RollupCompactor.h"

namespace bs::history {

namespace {

// Without any recording session in range (should not happen): assume a one-minute interval.
constexpr int FallbackIntervalSeconds = 60;

} // namespace

qint64 floorSeconds(qint64 ms) {
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

qint64 ceilSeconds(qint64 ms) {
    return -floorSeconds(-ms);
}

Result<std::optional<qint64>> findHostDbId(sqlite::Database &db, const QString &uri) {
    auto row = db.prepare("SELECT id FROM hosts WHERE uri = ?1");
    if (!row)
        return row.error();
    row->bind(1, uri);
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

Result<QueryPlan> planQuery(sqlite::Database &db, qint64 hostDbId, qint64 fromMs, qint64 toMs,
                            int points) {
    auto windows = readTierWindows(db);
    if (!windows)
        return windows.error();
    QueryPlan out;
    const qint64 from = floorSeconds(fromMs);
    const qint64 to = qMax(from + 1, ceilSeconds(toMs));
    out.range = planRange(from, to, points, *windows);
    // The longest polling interval recorded in range decides what counts as "nothing recorded".
    auto interval = db.prepare("SELECT max(interval_s) FROM sessions WHERE host_id = ?1 AND "
                               "last_seen >= ?2 AND started <= ?3");
    if (!interval)
        return interval.error();
    interval->bind(1, hostDbId).bind(2, from).bind(3, to);
    if (interval->step() != sqlite::Statement::Step::Row)
        return interval->error();
    out.maxGap =
        maxGapForInterval(int(interval->optionalInt64(0).value_or(FallbackIntervalSeconds)));
    return out;
}

Result<QList<EnvelopePoint>> readNodeMemory(sqlite::Database &db, qint64 hostDbId, qint64 fromMs,
                                            qint64 toMs) {
    // A step line: the size in effect at the start, each change, and the last size to the end.
    auto rows = db.prepare(
        "SELECT t, total_kib FROM (SELECT t, total_kib FROM host_memory WHERE host_id = ?1 AND "
        "t <= ?2 ORDER BY t DESC LIMIT 1) UNION SELECT t, total_kib FROM host_memory WHERE "
        "host_id = ?1 AND t > ?2 AND t < ?3 ORDER BY 1");
    if (!rows)
        return rows.error();
    rows->bind(1, hostDbId).bind(2, floorSeconds(fromMs)).bind(3, ceilSeconds(toMs));
    QList<EnvelopePoint> out;
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        const double kib = double(rows->int64(1));
        out.append(EnvelopePoint{qMax(fromMs, rows->int64(0) * 1000), kib, kib, kib, 1});
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    if (!out.isEmpty() && out.constLast().timeMs < toMs) {
        EnvelopePoint last = out.constLast();
        last.timeMs = toMs;
        out.append(last);
    }
    return out;
}

} // namespace bs::history
