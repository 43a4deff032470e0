#pragma once

#include "BlockTables.h"
#include "Sqlite.h"

#include <functional>

namespace bs::history {

// Reads one owner's rows of a block table (BlockTables.h) over a stretch of time straight from
// its blocks, in time order, decoding only the columns asked for. For the readers that go over
// months of polls (the sizing advisor: 6 million raw polls and 2 million minute rows for 50
// guests over 30 days), where the virtual table's row-by-row path through SQLite's VM costs
// several times the decoding. A block that does not decode is a damaged file (SQLITE_CORRUPT),
// as through the virtual table. The inbox (rows not moved into blocks yet) is not read here.
class BlockScan {
public:
    BlockScan(sqlite::Database &db, const BlockTableSpec &spec);

    // The index of a value column by its name in the table; -1 if it has none.
    int column(const char *name) const;
    // Calls onRow(block, row) for every row with from <= t < to, in time order. `columns`: the
    // value columns to decode (indexes from column()); the others stay empty in the block.
    Status forEach(qint64 owner, qint64 from, qint64 to, std::initializer_list<int> columns,
                   const std::function<void(const DecodedBlock &, int)> &onRow);
    // The same with every value column decoded.
    Status forEachWhole(qint64 owner, qint64 from, qint64 to,
                        const std::function<void(const DecodedBlock &, int)> &onRow);

private:
    Status scan(qint64 owner, qint64 from, qint64 to, uint64_t wanted,
                const std::function<void(const DecodedBlock &, int)> &onRow);

    sqlite::Database &m_db;
    const BlockTableSpec &m_spec;
    sqlite::Statement m_blocks; // prepared once
    DecodedBlock m_block;       // reused: its vectors keep their capacity
};

} // namespace bs::history
