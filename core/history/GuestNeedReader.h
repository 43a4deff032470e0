#pragma once

#include "NeedQuery.h"
#include "RangePlanner.h"
#include "Sqlite.h"
#include "common/Result.h"

#include <functional>

namespace bs::history {

// One guest's part of a need query (NeedReader), on whatever connection it is given, so that
// several guests can be read at once on separate read-only connections. Narrow passes:
//  - need: every raw poll's need where raw polls exist, the roll-ups' maxima where they aged
//    out (`need`: one-second buckets, the finest tier wherever it has data);
//  - counters: swap-in and major faults per minute (the 1-minute roll-ups' min and max, raw
//    polls only for the minutes not rolled up yet), as finely as the need where it aged out;
//  - hours: the balloon per hour and the polls at which the guest reported (`hourPlan`: hour
//    buckets, the 1-hour roll-ups wherever they exist, finer tiers for the newest hour or two);
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

private:
    struct Pass;
    Status readRawNeeds(qint64 guestDbId, const Segment &segment, Pass &pass);
    Status readCounters(qint64 guestDbId, const Segment &segment, Pass &pass);
    Status readRollupNeeds(qint64 guestDbId, const Segment &segment, Pass &pass);
    Status readHours(qint64 guestDbId, const Segment &segment, Pass &pass);
    Status readNewest(qint64 guestDbId, GuestNeedHistory &guest);
    // `select` + " FROM <table> WHERE guest_id = ?1 AND t >= ?2 AND t < ?3" + `tail`, on the raw
    // polls (`samples`, then the inbox), calling onRow for each row.
    Status forEachRawRow(const char *select, const char *tail, qint64 guestDbId, qint64 from,
                         qint64 to, const std::function<void(const sqlite::Statement &)> &onRow);

    sqlite::Database &m_db;
    const Plans &m_plans;
};

} // namespace bs::history
