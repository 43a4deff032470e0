#include "RollupCompactor.h"

#include "HostColumns.h"
#include "InboxRows.h"
#include "StoredColumns.h"
#include "common/Logging.h"

#include <limits>
#include <map>
#include <utility>

namespace bs::history {

namespace {

constexpr qint64 MinuteChunkSeconds = 3600; // raw rows rolled per step: one hour
constexpr qint64 HourChunkSeconds = 86400;  // minute rows rolled per step: one day
constexpr qint64 PurgeChunkSeconds = 86400; // per guest and step
constexpr qint64 InboxSliceRows = 50000;    // inbox rows moved at a time (bounded memory)

qint64 alignDown(qint64 t, qint64 step) {
    return t >= 0 ? t / step * step : -((-t + step - 1) / step) * step;
}

constexpr const char *GuestFilter =
    "guest_id IN (SELECT id FROM guests WHERE ?3 IS NULL OR id = ?3) AND t >= ?1 AND t < ?2";

} // namespace

QByteArray minuteRollupSql() {
    QByteArray select = "SELECT guest_id, (t / 60) * 60, count(actual), sum(fresh), sum(gap)";
    for (Metric m : allMetrics()) {
        const QByteArray e = rawMetricExpr(m);
        select += ", min(" + e + "), CAST(round(avg(" + e + ")) AS INTEGER), max(" + e + ")";
    }
    return select + " FROM (SELECT *, " + freshExpr() + " AS fresh, " + guestGapExpr() +
           " AS gap FROM samples WHERE " + GuestFilter +
           ") GROUP BY guest_id, (t / 60) * 60 ORDER BY guest_id, 2";
}

QByteArray hourRollupSql() {
    QByteArray select =
        "SELECT guest_id, (t / 3600) * 3600, sum(n_host), sum(n_report), sum(n_gap)";
    for (Metric m : allMetrics()) {
        const QByteArray k = metricKey(m).toLatin1();
        // The mean of means, weighted by the samples behind each minute.
        const QByteArray w = isGuestSide(m) ? "n_report" : "n_host";
        select += ", min(" + k + "_min), CAST(round(coalesce(sum(" + k + "_avg * " + w +
                  ") * 1.0 / nullif(sum(CASE WHEN " + k + "_avg IS NOT NULL THEN " + w +
                  " END), 0), avg(" + k + "_avg))) AS INTEGER), max(" + k + "_max)";
    }
    return select + " FROM rollup_1m WHERE " + GuestFilter +
           " GROUP BY guest_id, (t / 3600) * 3600 ORDER BY guest_id, 2";
}

Result<TierWindows> readTierWindows(sqlite::Database &db) {
    auto rows = db.prepare("SELECT tier, rolled_until, purged_before FROM tiers");
    if (!rows)
        return rows.error();
    TierWindows windows;
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        const QString tier = rows->text(0);
        const qint64 purged = rows->int64(2);
        if (tier == QLatin1String("raw")) {
            windows[int(Tier::Raw)].from = purged;
        } else {
            const int i = tier == QLatin1String("1m") ? int(Tier::Minute) : int(Tier::Hour);
            windows[i].from = purged;
            windows[i].until = rows->optionalInt64(1).value_or(purged);
        }
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return windows;
}

RollupCompactor::RollupCompactor(sqlite::Database &db, RetentionPolicy policy)
    : m_db(db)
    , m_policy(policy.normalized())
    , m_samples(db, sampleBlocks())
    , m_minutes(db, minuteBlocks())
    , m_hours(db, hourBlocks())
    , m_minuteRollup(db)
    , m_minuteSql{minuteRollupSql(), hostMinuteRollupSql(), &m_minutes}
    , m_hourSql{hourRollupSql(), hostHourRollupSql(), &m_hours} {}

BlockWriter *RollupCompactor::blocksOf(const char *table) {
    for (BlockWriter *writer : {&m_samples, &m_minutes, &m_hours}) {
        if (writer->spec().name == table)
            return writer;
    }
    return nullptr;
}

Result<qint64> RollupCompactor::rollGuestMinutes(qint64 from, qint64 to,
                                                 std::optional<qint64> guest) {
    auto ids = m_db.prepare("SELECT id FROM guests WHERE ?1 IS NULL OR id = ?1 ORDER BY id");
    if (!ids)
        return ids.error();
    ids->bind(1, guest);
    std::vector<qint64> guests;
    if (const Status listed = ids->forEachRow([&] { guests.push_back(ids->int64(0)); }); !listed)
        return listed.error();
    qint64 total = 0;
    std::vector<BlockRow> rows;
    for (const qint64 id : guests) {
        rows.clear();
        if (Status s = m_minuteRollup.rollGuest(id, from, to, rows); !s)
            return s.error();
        if (rows.empty())
            continue;
        total += qint64(rows.size());
        if (Status s = m_minutes.merge(id, std::move(rows), BlockWriter::Merge::Replace); !s)
            return s.error();
    }
    return total;
}

Result<qint64> RollupCompactor::rollGuests(const RollSql &sql, qint64 from, qint64 to,
                                           std::optional<qint64> guest) {
    if (sql.target == &m_minutes)
        return rollGuestMinutes(from, to, guest);
    auto rows = m_db.prepare(sql.guests.constData());
    if (!rows)
        return rows.error();
    rows->bind(1, from).bind(2, to).bind(3, guest);
    // Read whole, then written: the SELECT reads another block table than the one written.
    const int count = int(sql.target->spec().values.size());
    QList<std::pair<qint64, std::vector<BlockRow>>> owners;
    qint64 total = 0;
    const Status read = rows->forEachRow([&] {
        const qint64 owner = rows->int64(0);
        if (owners.isEmpty() || owners.last().first != owner)
            owners.append(std::pair(owner, std::vector<BlockRow>()));
        BlockRow row;
        row.t = rows->int64(1);
        row.values.resize(std::size_t(count));
        for (int c = 0; c < count; ++c)
            row.values[std::size_t(c)] = rows->optionalInt64(2 + c);
        owners.last().second.push_back(std::move(row));
        ++total;
    });
    if (!read)
        return read.error();
    for (auto &[owner, ownerRows] : owners) {
        if (Status s = sql.target->merge(owner, std::move(ownerRows), BlockWriter::Merge::Replace);
            !s)
            return s.error();
    }
    return total;
}

Result<RollupCompactor::TierState> RollupCompactor::tierState(const char *tier) {
    if (!m_tierState.isValid()) {
        auto row =
            m_db.prepare("SELECT rolled_until, purged_before FROM tiers WHERE tier = ?1", true);
        if (!row)
            return row.error();
        m_tierState = std::move(row).value();
    }
    sqlite::Statement &row = m_tierState;
    row.bind(1, QString::fromLatin1(tier));
    if (row.step() != sqlite::Statement::Step::Row) {
        const Error error = row.error();
        row.reset();
        return error;
    }
    const TierState state{row.optionalInt64(0), row.int64(1)};
    row.reset();
    return state;
}

Status RollupCompactor::setTier(const char *tier, const char *column, qint64 value) {
    const QByteArray sql = QByteArray("UPDATE tiers SET ") + column + " = ?2 WHERE tier = ?1";
    auto update = m_db.prepare(sql.constData());
    if (!update)
        return update.error();
    update->bind(1, QString::fromLatin1(tier)).bind(2, value);
    return update->run();
}

Result<std::optional<qint64>> RollupCompactor::firstRowAtOrAfter(const TierTables &tables,
                                                                 qint64 t) {
    // One index seek per guest (and per host) rather than a scan of the whole table. For the
    // guests' blocks, from the blocks' bounds alone, without decoding any: t itself when a block
    // spans it (a bound at or before the first row, which is all the callers need: they roll
    // from there and find nothing before the row), else the next block's first t.
    QByteArray guests;
    if (const BlockWriter *blocks = blocksOf(tables.guests)) {
        const QByteArray &b = blocks->spec().blocks;
        guests =
            "SELECT min(coalesce((SELECT CASE WHEN t1 >= ?1 THEN ?1 END FROM " + b +
            " WHERE owner = g.id AND t0 <= ?1 ORDER BY t0 DESC LIMIT 1), (SELECT min(t0) FROM " +
            b + " WHERE owner = g.id AND t0 > ?1))) FROM guests g";
    } else {
        guests = QByteArray("SELECT min((SELECT t FROM ") + tables.guests +
                 " WHERE guest_id = g.id AND t >= ?1 ORDER BY t LIMIT 1)) FROM guests g";
    }
    const QByteArray sql = guests + " UNION ALL SELECT min((SELECT t FROM " + tables.hosts +
                           " WHERE host_id = h.id AND t >= ?1 ORDER BY t LIMIT 1)) FROM hosts h";
    auto row = m_db.prepare(sql.constData());
    if (!row)
        return row.error();
    row->bind(1, t);
    std::optional<qint64> first;
    sqlite::Statement::Step step;
    while ((step = row->step()) == sqlite::Statement::Step::Row) {
        if (const auto found = row->optionalInt64(0))
            first = qMin(first.value_or(*found), *found);
    }
    if (step == sqlite::Statement::Step::Failed)
        return row->error();
    return first;
}

Result<qint64> RollupCompactor::flushInbox() {
    sqlite::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto minute = tierState("1m");
    auto hour = tierState("1h");
    if (!minute)
        return minute.error();
    if (!hour)
        return hour.error();
    // Rows older than what is rolled up already (a slow poll, a clock set back): their minutes
    // and hours are rolled again once the rows are in place.
    QList<std::pair<qint64, qint64>> late;
    if (minute->rolledUntil) {
        auto rows =
            m_db.prepare("SELECT DISTINCT guest_id, (t / 60) * 60 FROM samples_inbox WHERE t < ?1");
        if (!rows)
            return rows.error();
        rows->bind(1, *minute->rolledUntil);
        const Status read = rows->forEachRow([&] {
            late.append({rows->int64(0), rows->int64(1)});
        });
        if (!read)
            return read.error();
    }
    // Into the guests' blocks, a poll of the same second merged as the inbox's upsert does
    // (sampleUpsertAssignments): flags replaced, the other fields kept where the new row has none.
    QByteArray columns = "guest_id, t";
    for (const QByteArray &column : sampleBlocks().values)
        columns += ", " + column;
    // In the inbox's own order (time, guest), gathered per guest here (an ORDER BY guest_id
    // would sort every row of the batch in SQLite first), a slice of time at a time so that an
    // inbox that grew large (a long import, a long stop of the compactor) is moved in bounded
    // memory: about InboxSliceRows rows per slice. A guest's rows wait packed (InboxRows: no
    // allocation per row, half the bytes of BlockRows) and become BlockRows one guest at a time,
    // for its merge.
    auto bounds = m_db.prepare("SELECT min(t), max(t), count(*) FROM samples_inbox");
    if (!bounds)
        return bounds.error();
    if (bounds->step() == sqlite::Statement::Step::Failed)
        return bounds->error();
    const std::optional<qint64> first = bounds->optionalInt64(0);
    const qint64 last = bounds->int64(1);
    const qint64 total = bounds->int64(2);
    bounds->reset();
    auto inbox = m_db.prepare(
        ("SELECT " + columns + " FROM samples_inbox WHERE t >= ?1 AND t < ?2").constData());
    if (!inbox)
        return inbox.error();
    const int count = int(sampleBlocks().values.size());
    qint64 moved = 0;
    Status written = Status::success();
    const qint64 span = last - first.value_or(0) + 1;
    const qint64 slice = qMax<qint64>(1, span * InboxSliceRows / qMax<qint64>(1, total));
    for (qint64 from = first.value_or(0); first && from <= last && written; from += slice) {
        std::map<qint64, InboxRows> byGuest;
        inbox->bind(1, from).bind(2, from + slice);
        const Status read = inbox->forEachRow([&] {
            InboxRows &rows = byGuest.try_emplace(inbox->int64(0), count).first->second;
            rows.append(*inbox, 1, 2);
            ++moved;
        });
        if (!read)
            return read.error();
        for (auto it = byGuest.begin(); it != byGuest.end() && written; it = byGuest.erase(it)) {
            written = m_samples.merge(it->first, it->second.take(), BlockWriter::Merge::Coalesce);
        }
    }
    if (!written)
        return written.error();
    if (Status s = m_db.exec("DELETE FROM samples_inbox"); !s)
        return s.error();
    for (const auto &[guest, minuteStart] : late) {
        if (auto again = rollGuests(m_minuteSql, minuteStart, minuteStart + 60, guest); !again)
            return again.error();
        if (hour->rolledUntil && minuteStart < *hour->rolledUntil) {
            const qint64 h = alignDown(minuteStart, 3600);
            if (auto again = rollGuests(m_hourSql, h, h + 3600, guest); !again)
                return again.error();
        }
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    if (!late.isEmpty())
        qCDebug(lcHistory) << "re-rolled" << late.size() << "minutes for late samples";
    return moved;
}

Status RollupCompactor::rerollHost(qint64 hostDbId, qint64 t) {
    auto minute = tierState("1m");
    if (!minute)
        return minute.error();
    const qint64 m = alignDown(t, 60);
    if (!minute->rolledUntil || m >= *minute->rolledUntil)
        return Status::success(); // rolled up in due course
    auto again = m_db.prepare(m_minuteSql.hosts.constData());
    if (!again)
        return again.error();
    again->bind(1, m).bind(2, m + 60).bind(3, hostDbId);
    if (Status s = again->run(); !s)
        return s;
    auto hour = tierState("1h");
    if (!hour)
        return hour.error();
    const qint64 h = alignDown(t, 3600);
    if (!hour->rolledUntil || h >= *hour->rolledUntil)
        return Status::success();
    auto hourAgain = m_db.prepare(m_hourSql.hosts.constData());
    if (!hourAgain)
        return hourAgain.error();
    hourAgain->bind(1, h).bind(2, h + 3600).bind(3, hostDbId);
    return hourAgain->run();
}

Result<bool> RollupCompactor::roll(const char *tier, const RollSql &sql, const TierTables &source,
                                   qint64 target, qint64 step, qint64 chunk) {
    sqlite::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto state = tierState(tier);
    if (!state)
        return state.error();
    qint64 start = 0;
    if (state->rolledUntil) {
        start = *state->rolledUntil;
    } else {
        auto first = firstRowAtOrAfter(source, std::numeric_limits<qint64>::min());
        if (!first)
            return first.error();
        if (!*first)
            return false; // nothing recorded yet
        start = alignDown(**first, step);
    }
    if (start >= target)
        return false;
    const qint64 end = qMin(target, start + chunk);
    qint64 changes = 0;
    // Guests and hosts are rolled over the same stretch in one transaction: the tier's
    // rolled_until holds for both.
    auto guests = rollGuests(sql, start, end, std::nullopt);
    if (!guests)
        return guests.error();
    changes += *guests;
    auto rollup = m_db.prepare(sql.hosts.constData());
    if (!rollup)
        return rollup.error();
    rollup->bind(1, start).bind(2, end).bindNull(3);
    if (Status s = rollup->run(); !s)
        return s.error();
    changes += m_db.changes();
    qint64 rolled = end;
    if (changes == 0) {
        // An empty stretch (nothing recorded): jump to the next row instead of walking it.
        auto next = firstRowAtOrAfter(source, end);
        if (!next)
            return next.error();
        rolled = *next ? qMin(target, qMax(end, alignDown(**next, step))) : target;
    }
    if (Status s = setTier(tier, "rolled_until", rolled); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return true;
}

Result<bool> RollupCompactor::rollMinutes(qint64 nowSeconds, Pace pace) {
    const qint64 target = alignDown(nowSeconds - RollupDelaySeconds, 60);
    if (pace == Pace::Batched) {
        auto state = tierState("1m");
        if (!state)
            return state.error();
        if (state->rolledUntil && target - *state->rolledUntil < MinuteBatchSeconds)
            return false;
    }
    return roll("1m", m_minuteSql, {"samples", "host_samples"}, target, 60, MinuteChunkSeconds);
}

Result<bool> RollupCompactor::rollHours() {
    auto minute = tierState("1m");
    if (!minute)
        return minute.error();
    if (!minute->rolledUntil)
        return false;
    return roll("1h", m_hourSql, {"rollup_1m", "host_rollup_1m"},
                alignDown(*minute->rolledUntil, 3600), 3600, HourChunkSeconds);
}

Result<bool> RollupCompactor::purge(const char *tier, const TierTables &tables, qint64 cutoff,
                                    qint64 chunk) {
    sqlite::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto state = tierState(tier);
    if (!state)
        return state.error();
    bool worked = false;
    if (cutoff > state->purgedBefore) {
        // Announce first: queries use the coarser tier for this part from now on, so a purge that
        // takes several steps never shows half-deleted data.
        if (Status s = setTier(tier, "purged_before", cutoff); !s)
            return s.error();
        state->purgedBefore = cutoff;
        worked = true;
    }
    if (BlockWriter *blocks = blocksOf(tables.guests)) {
        // Whole blocks go without being read; only the one holding the cutoff is coded again.
        auto guests = m_db.prepare("SELECT id FROM guests");
        if (!guests)
            return guests.error();
        Status removed = Status::success();
        const Status listed = guests->forEachRow([&] {
            if (!removed)
                return;
            const qint64 guest = guests->int64(0);
            auto first = blocks->firstTime(guest);
            if (!first) {
                removed = first.error();
                return;
            }
            if (!*first)
                return;
            auto gone = blocks->removeBefore(guest, qMin(state->purgedBefore, **first + chunk));
            if (!gone)
                removed = gone.error();
            else
                worked = worked || *gone > 0;
        });
        if (!removed)
            return removed.error();
        if (!listed)
            return listed.error();
    }
    struct Owners {
        const char *table;
        const char *key;
        const char *ids;
    };
    for (const Owners &o : {Owners{tables.hosts, "host_id", "SELECT id FROM hosts"}}) {
        const QByteArray sql = QByteArray("DELETE FROM ") + o.table + " WHERE " + o.key +
                               " = ?1 AND t < min(?2, (SELECT min(t) FROM " + o.table + " WHERE " +
                               o.key + " = ?1) + ?3)";
        auto del = m_db.prepare(sql.constData());
        auto owners = m_db.prepare(o.ids);
        if (!del)
            return del.error();
        if (!owners)
            return owners.error();
        Status deleted = Status::success();
        const Status listed = owners->forEachRow([&] {
            if (!deleted)
                return;
            del->bind(1, owners->int64(0)).bind(2, state->purgedBefore).bind(3, chunk);
            deleted = del->run();
            worked = worked || m_db.changes() > 0;
        });
        if (!deleted)
            return deleted.error();
        if (!listed)
            return listed.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return worked;
}

Result<bool> RollupCompactor::purgeAuxiliary(qint64 nowSeconds) {
    const qint64 horizon = nowSeconds - m_policy.hourSeconds;
    auto events = m_db.prepare("DELETE FROM events WHERE t_ms < ?1");
    auto sessions = m_db.prepare("DELETE FROM sessions WHERE last_seen < ?1");
    if (!events)
        return events.error();
    if (!sessions)
        return sessions.error();
    events->bind(1, horizon * 1000);
    sessions->bind(1, horizon);
    if (Status s = events->run(); !s)
        return s.error();
    qint64 removed = m_db.changes();
    if (Status s = sessions->run(); !s)
        return s.error();
    removed += m_db.changes();
    return removed > 0;
}

Result<bool> RollupCompactor::vacuum() {
    // Files made without auto_vacuum = INCREMENTAL (it can only be chosen for an empty file)
    // keep their free pages for reuse; only a full VACUUM would shrink them.
    auto mode = m_db.queryInt("PRAGMA auto_vacuum");
    if (!mode)
        return mode.error();
    if (*mode != 2)
        return false;
    auto freePages = m_db.queryInt("PRAGMA freelist_count");
    auto pages = m_db.queryInt("PRAGMA page_count");
    if (!freePages)
        return freePages.error();
    if (!pages)
        return pages.error();
    if (*freePages < qMax<qint64>(2048, *pages / 4))
        return false;
    if (Status s = m_db.exec("PRAGMA incremental_vacuum(2048)"); !s)
        return s.error();
    auto after = m_db.queryInt("PRAGMA freelist_count");
    if (!after)
        return after.error();
    return *after < *freePages;
}

Result<bool> RollupCompactor::step(qint64 nowSeconds, Pace pace) {
    auto oldestInbox = m_db.queryInt("SELECT coalesce(min(t), -1) FROM samples_inbox");
    if (!oldestInbox)
        return oldestInbox.error();
    if (*oldestInbox >= 0 && *oldestInbox < alignDown(nowSeconds - RollupDelaySeconds, 60)) {
        auto moved = flushInbox();
        if (!moved)
            return moved.error();
        return true;
    }
    if (auto did = rollMinutes(nowSeconds, pace); !did || *did)
        return did;
    if (auto did = rollHours(); !did || *did)
        return did;

    auto minute = tierState("1m");
    auto hour = tierState("1h");
    if (!minute)
        return minute.error();
    if (!hour)
        return hour.error();
    const qint64 rawCutoff =
        alignDown(qMin(nowSeconds - m_policy.rawSeconds, minute->rolledUntil.value_or(0)), 60);
    if (auto did = purge("raw", {"samples", "host_samples"}, rawCutoff, PurgeChunkSeconds);
        !did || *did)
        return did;
    const qint64 minuteCutoff =
        alignDown(qMin(nowSeconds - m_policy.minuteSeconds, hour->rolledUntil.value_or(0)), 3600);
    if (auto did =
            purge("1m", {"rollup_1m", "host_rollup_1m"}, minuteCutoff, PurgeChunkSeconds * 7);
        !did || *did)
        return did;
    const qint64 hourCutoff = alignDown(nowSeconds - m_policy.hourSeconds, 3600);
    if (auto did = purge("1h", {"rollup_1h", "host_rollup_1h"}, hourCutoff, PurgeChunkSeconds * 30);
        !did || *did)
        return did;
    if (auto did = purgeAuxiliary(nowSeconds); !did || *did)
        return did;
    return vacuum();
}

} // namespace bs::history
