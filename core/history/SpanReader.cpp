#include "SpanReader.h"

#include "QueryPlan.h"

#include <optional>

namespace bs::history {

namespace {

// The first and last row time (seconds) of each tier.
struct TierBounds {
    std::optional<qint64> first[TierCount];
    std::optional<qint64> last[TierCount];
};

struct Table {
    const char *name;
    Tier tier;
};

// Widens `bounds` by the rows of every id in `ids` in each of `tables`, keyed by `key`. MIN and
// MAX each in a subquery of its own: SQLite answers each from the (key, t) index in one step,
// where "SELECT MIN(t), MAX(t)" would scan every row of the key.
Status widen(sqlite::Database &db, std::initializer_list<Table> tables, const char *key,
             const QList<qint64> &ids, TierBounds &bounds) {
    for (const Table &table : tables) {
        // ORDER BY t LIMIT 1 rather than MIN(t): a block table (BlockModule.h) hands rows out in
        // time order either way and stops after the first; MIN() would read every block.
        const QByteArray sql = QByteArray("SELECT (SELECT t FROM ") + table.name + " WHERE " + key +
                               " = ?1 ORDER BY t LIMIT 1), (SELECT t FROM " + table.name +
                               " WHERE " + key + " = ?1 ORDER BY t DESC LIMIT 1)";
        auto row = db.prepare(sql.constData());
        if (!row)
            return row.error();
        const int tier = int(table.tier);
        for (const qint64 id : ids) {
            row->reset();
            row->bind(1, id);
            if (row->step() == sqlite::Statement::Step::Failed)
                return row->error();
            if (const auto first = row->optionalInt64(0))
                bounds.first[tier] = std::min(bounds.first[tier].value_or(*first), *first);
            if (const auto last = row->optionalInt64(1))
                bounds.last[tier] = std::max(bounds.last[tier].value_or(*last), *last);
        }
    }
    return Status::success();
}

Result<QList<qint64>> guestIds(sqlite::Database &db, qint64 hostDbId, const QStringList &uuids) {
    QList<qint64> ids;
    auto rows = db.prepare(uuids.isEmpty() ? "SELECT id FROM guests WHERE host_id = ?1"
                                           : "SELECT id FROM guests WHERE host_id = ?1 AND "
                                             "uuid = ?2");
    if (!rows)
        return rows.error();
    const QStringList each = uuids.isEmpty() ? QStringList{QString()} : uuids;
    for (const QString &uuid : each) {
        rows->reset();
        rows->bind(1, hostDbId);
        if (!uuid.isEmpty())
            rows->bind(2, uuid);
        sqlite::Statement::Step step;
        while ((step = rows->step()) == sqlite::Statement::Step::Row)
            ids.append(rows->int64(0));
        if (step == sqlite::Statement::Step::Failed)
            return rows->error();
    }
    return ids;
}

} // namespace

SpanReader::SpanReader(sqlite::Database &db)
    : m_db(db) {}

Result<RecordedSpan> SpanReader::span(const RecordedSpanRequest &request) {
    auto host = findHostDbId(m_db, request.hostId);
    if (!host)
        return host.error();
    if (!*host)
        return RecordedSpan{};
    TierBounds bounds;
    if (request.uuids.isEmpty()) {
        const Status own = widen(m_db,
                                 {{"host_samples", Tier::Raw},
                                  {"host_rollup_1m", Tier::Minute},
                                  {"host_rollup_1h", Tier::Hour}},
                                 "host_id", {**host}, bounds);
        if (!own)
            return own.error();
    }
    auto guests = guestIds(m_db, **host, request.uuids);
    if (!guests)
        return guests.error();
    const Status theirs = widen(m_db,
                                {{"samples", Tier::Raw},
                                 {"samples_inbox", Tier::Raw},
                                 {"rollup_1m", Tier::Minute},
                                 {"rollup_1h", Tier::Hour}},
                                "guest_id", *guests, bounds);
    if (!theirs)
        return theirs.error();

    // Finest tier first: a coarser row is the beginning only if its whole bucket lies before.
    std::optional<qint64> first;
    std::optional<qint64> last;
    for (const Tier tier : {Tier::Raw, Tier::Minute, Tier::Hour}) {
        if (const auto t = bounds.first[int(tier)];
            t && (!first || *t + tierStepSeconds(tier) <= *first))
            first = t;
        if (const auto t = bounds.last[int(tier)]; t && (!last || *t > *last))
            last = t;
    }
    if (!first)
        return RecordedSpan{};
    return RecordedSpan{*first * 1000, *last * 1000};
}

} // namespace bs::history
