#pragma once

#include "BlockWriter.h"
#include "HistoryOptions.h"
#include "MinuteRollup.h"
#include "RangePlanner.h"
#include "Sqlite.h"

namespace bs::history {

// The background upkeep of the history, in small steps so that polls and queries queued on the
// history thread are served in between (each step is one short transaction):
// 1. move `samples_inbox` into the blocks of `samples` (re-rolling any minute a late row falls
//    into);
// 2. roll raw samples up into minutes, minutes into hours (min/avg/max of every metric), the
//    guests' and the hosts' (schema 3) over the same stretch, so one tiers row holds for both;
// 3. purge each tier past its retention, but never past what the next tier has rolled up;
// 4. give free pages back to the file system when many piled up.
// Several processes may run it on one database: every step re-reads the tiers table under the
// write lock, so the work is never done twice.
class RollupCompactor {
public:
    // A minute is rolled up this long after it ended, so polls that arrive late still count.
    static constexpr qint64 RollupDelaySeconds = 120;
    // In the background, minutes are rolled up once this many are due (Pace::Batched): each
    // guest's roll-up blocks then take five rows in one merge instead of one row five times
    // (at 5,000 guests the per-minute merges were a sixth of the history thread: issue 18).
    // Readers lose nothing: a range newer than what is rolled up is read from the raw samples
    // (planRange), which are kept far longer.
    static constexpr qint64 MinuteBatchSeconds = 300;
    enum class Pace {
        Eager,   // every due minute now (compactNow, tests)
        Batched, // minutes only once MinuteBatchSeconds of them are due
    };

    RollupCompactor(sqlite::Database &db, RetentionPolicy policy);
    void setPolicy(const RetentionPolicy &policy) { m_policy = policy.normalized(); }

    // Moves every inbox row into `samples`; returns how many.
    Result<qint64> flushInbox();
    // A host sample written at `t` after its minute (or hour) was rolled up: rolls that minute
    // and hour of the host again. Inside the caller's transaction.
    Status rerollHost(qint64 hostDbId, qint64 t);
    // One unit of work; false when there was nothing left to do.
    Result<bool> step(qint64 nowSeconds, Pace pace = Pace::Eager);

private:
    struct TierState {
        std::optional<qint64> rolledUntil;
        qint64 purgedBefore = 0;
    };
    // A tier's table for the guests and the same tier's for the hosts (schema 3).
    struct TierTables {
        const char *guests;
        const char *hosts;
    };
    struct RollSql {
        QByteArray guests; // a SELECT of the roll-up rows, written into `target`'s blocks
        QByteArray hosts;  // an INSERT
        BlockWriter *target;
    };
    Result<TierState> tierState(const char *tier);
    Status setTier(const char *tier, const char *column, qint64 value);
    Result<bool> rollMinutes(qint64 nowSeconds, Pace pace);
    Result<bool> rollHours();
    Result<bool> roll(const char *tier, const RollSql &sql, const TierTables &source, qint64 target,
                      qint64 step, qint64 chunk);
    Result<bool> purge(const char *tier, const TierTables &tables, qint64 cutoff, qint64 chunk);
    Result<bool> purgeAuxiliary(qint64 nowSeconds);
    Result<bool> vacuum();
    Result<std::optional<qint64>> firstRowAtOrAfter(const TierTables &tables, qint64 t);
    // Runs a roll-up SELECT for [from, to) and one guest (or all) and writes its rows into the
    // target's blocks; returns how many.
    // The minutes are rolled in C++ from the blocks (MinuteRollup); the hours by SQL.
    Result<qint64> rollGuests(const RollSql &sql, qint64 from, qint64 to,
                              std::optional<qint64> guest);
    Result<qint64> rollGuestMinutes(qint64 from, qint64 to, std::optional<qint64> guest);
    BlockWriter *blocksOf(const char *table);

    sqlite::Database &m_db;
    RetentionPolicy m_policy;
    BlockWriter m_samples;
    BlockWriter m_minutes;
    BlockWriter m_hours;
    MinuteRollup m_minuteRollup;
    RollSql m_minuteSql;
    RollSql m_hourSql;
    sqlite::Statement m_tierState; // prepared once: read for every host sample (rerollHost)
};

// Where each tier's data is complete (RangePlanner.h), from the tiers table.
Result<TierWindows> readTierWindows(sqlite::Database &db);

// The SELECTs that roll raw samples (table `samples`) into rows of `rollup_1m`, and `rollup_1m`
// into rows of `rollup_1h`, for [?1, ?2) and one guest (?3) or all (?3 NULL), in the roll-up
// tables' column order (guest_id, t, n_host, ...), ordered by guest and time. The minutes' SELECT
// is the definition MinuteRollup computes in C++ (the compactor runs that); it is kept as the
// reference its test compares against.
QByteArray minuteRollupSql();
QByteArray hourRollupSql();

} // namespace bs::history
