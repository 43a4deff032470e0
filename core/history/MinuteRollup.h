#pragma once

#include "BlockScan.h"

#include <vector>

namespace bs::history {

// Rolls one guest's raw samples up into minute rows, straight from the blocks of `samples`:
// the rows minuteRollupSql() selects (RollupCompactor.h), in rollup_1m's value columns
// (n_host, n_report, n_gap, then min, avg, max of every metric), computed in C++.
//
// The SQL read every poll through the virtual table and ran 60 aggregates a row in SQLite's VM:
// a third of the history thread at 5,000 guests (issue 18). The semantics are the SQL's, to the
// last rounding: derived metrics per sample (NULL where an input is missing or they contradict
// each other), n_gap NULL when no row of the minute has a flag to tell, an average rounded half
// away from zero. tst_minuterollup holds the two equal on random and edge-case data.
class MinuteRollup {
public:
    explicit MinuteRollup(sqlite::Database &db);

    // Appends to `out` the minute rows of `guest`'s samples with from <= t < to, in time order;
    // a minute is `(t / 60) * 60` as in SQL. A damaged block is a damaged file.
    Status rollGuest(qint64 guest, qint64 from, qint64 to, std::vector<BlockRow> &out);

private:
    class Minute;
    BlockScan m_scan;
};

} // namespace bs::history
