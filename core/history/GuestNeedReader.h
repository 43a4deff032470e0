#pragma once

#include "BlockScan.h"
#include "NeedQuery.h"
#include "RangePlanner.h"
#include "Sqlite.h"
#include "common/Result.h"

#include <functional>

namespace bs::history {

struct CounterRow;

// One guest's part of a need query (NeedReader), on whatever connection it is given, so that
// several guests can be read at once on separate read-only connections. Narrow passes:
//  - need: every raw poll's need where raw polls exist, the roll-ups' maxima where they aged
//    out (`need`: one-second buckets, the finest tier wherever it has data);
//  - hours: the balloon per hour, the polls at which the guest reported and the swap-in and
//    major-fault counters (`hours`: hour buckets, the 1-hour roll-ups wherever they exist, finer
//    tiers for the newest hour or two); the hours in which a counter grew are read again by
//    minute (raw polls for the minutes not rolled up yet), so that pressure is placed to the
//    minute where there is some, and nothing more is read where there is none;
//  - newest: the guest's state at its newest raw poll in the window.
class GuestNeedReader {
public:
    struct Plans {
        RangePlan need;
        RangePlan hours;
        TierWindows windows;
        qint64 from = 0; // seconds
        qint64 to = 0;
        int intervalSeconds = 1;
        QList<double> percentiles;
    };

    GuestNeedReader(sqlite::Database &db, const Plans &plans);

    // `guest` holds the uuid and name; the rest is filled in. `any`: rows in the window.
    Status read(qint64 guestDbId, GuestNeedHistory &guest, bool &any);

    // The statement that reads a roll-up tier's need: only columns of the tier's need index
    // (schema 4), so that it never visits the wide rows. ?1 guest, ?2-?3 the range in seconds.
    static QByteArray rollupNeedSql(Tier tier);

private:
    struct Pass;
    Status readRawNeeds(qint64 guestDbId, const Segment &segment, Pass &pass);
    Status readCounters(qint64 guestDbId, const Segment &segment, Pass &pass);
    Status readRollupNeeds(qint64 guestDbId, const Segment &segment, Pass &pass);
    Status readHours(qint64 guestDbId, const Segment &segment, Pass &pass,
                     QList<CounterRow> &counterRows);
    // The counters of 1-hour (`tier`) rows: as a whole where they did not grow, by minute where
    // they did.
    Status readCountersByHour(qint64 guestDbId, const QList<CounterRow> &rows, Tier tier,
                              Pass &pass);
    Status readNewest(qint64 guestDbId, GuestNeedHistory &guest);
    // `select` + " FROM <table> WHERE guest_id = ?1 AND t >= ?2 AND t < ?3" + `tail`, on the raw
    // polls (`samples`, then the inbox), calling onRow for each row; `sink`, if any, bound as ?4
    // for the need aggregate.
    Status forEachRawRow(const char *select, const char *tail, qint64 guestDbId, qint64 from,
                         qint64 to, const std::function<void(const sqlite::Statement &)> &onRow,
                         void *sink = nullptr, bool inboxOnly = false);

    sqlite::Database &m_db;
    std::optional<Error> m_setup; // why the need aggregate could not be registered
    const Plans &m_plans;
    // The passes over every poll and minute read the blocks directly (BlockScan).
    BlockScan m_rawBlocks;
    BlockScan m_minuteBlocks;
    BlockScan m_hourBlocks;
};

} // namespace bs::history
