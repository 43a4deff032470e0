#pragma once

#include "BlockTables.h"
#include "Sqlite.h"

#include <optional>
#include <vector>

namespace bs::history {

// Writes one block table's rows (BlockTables.h) for the compactor and the migration; readers go
// through the virtual table. Call inside the caller's transaction.
class BlockWriter {
public:
    enum class Merge {
        Replace,  // a row of the same t replaces the stored one (INSERT OR REPLACE)
        Coalesce, // the first column is replaced, the others only where the new row has a
                  // value (a poll's upsert: see sampleUpsertAssignments)
    };

    BlockWriter(sqlite::Database &db, const BlockTableSpec &spec);

    // Merges `rows` (any order; one per t) into the owner's blocks. Rows after the owner's last
    // block make a block of their own, coded once; when the small blocks at the end hold a full
    // block's rows (or there are MaxTailBlocks of them) they are joined into full blocks. So a
    // row is coded two or three times on its way, not once per append as when the open block
    // was recoded each time (issue 18: the recorder's cost).
    Status merge(qint64 owner, std::vector<BlockRow> rows, Merge mode);
    // Removes the owner's rows with t < before; returns how many.
    Result<qint64> removeBefore(qint64 owner, qint64 before);
    const BlockTableSpec &spec() const { return m_spec; }
    // The owner's first t, if any.
    Result<std::optional<qint64>> firstTime(qint64 owner);

private:
    struct Stored {
        qint64 id;
        qint64 t0;
        qint64 t1;
        qint64 n;
        QByteArray data;
    };
    Result<std::vector<Stored>> overlapping(qint64 owner, qint64 from, qint64 to);
    Status replace(qint64 owner, const std::vector<Stored> &old, const std::vector<BlockRow> &rows);
    Status prepare();
    // The owner's newest blocks' bounds (at most MaxTailBlocks + 1), newest first.
    Result<std::vector<Stored>> tailBounds(qint64 owner);
    Status consolidateTail(qint64 owner);
    // Joins the newest blocks that are not full (of `newest`, as tailBounds() reads them) when
    // they hold a full block's rows or there are MaxTailBlocks of them.
    Status consolidate(qint64 owner, std::vector<Stored> newest);

    static constexpr int MaxTailBlocks = 16;

    sqlite::Database &m_db;
    const BlockTableSpec &m_spec;
    sqlite::Statement m_before; // the owner's last block starting at or before t
    sqlite::Statement m_within; // the owner's blocks starting in (from, to]
    sqlite::Statement m_delete;
    sqlite::Statement m_insert;
    sqlite::Statement m_first;
    sqlite::Statement m_tail; // the owner's newest blocks' bounds
    sqlite::Statement m_data; // a block's data by rowid
};

} // namespace bs::history
