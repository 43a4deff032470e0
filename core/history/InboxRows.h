#pragma once

#include "ColumnBlock.h"
#include "Sqlite.h"

#include <vector>

namespace bs::history {

// One guest's inbox rows on their way into its blocks (RollupCompactor::flushInbox), packed in
// one vector: per row its time, a mask of the values present, then every value (0 where absent).
// A BlockRow takes a heap block of its own and 16 bytes per value; this takes 8 bytes per value
// and no allocation per row. At 5,000 guests the rows of one inbox move were 17 MB of the
// window's peak memory as BlockRows (issue 18).
class InboxRows {
public:
    static constexpr int MaxColumns = 64; // the mask's bits

    explicit InboxRows(int columns);

    // Appends the statement's current row: its time in column `timeColumn`, the values in the
    // `columns` columns from `firstValue` on.
    void append(const sqlite::Statement &row, int timeColumn, int firstValue);
    std::size_t size() const { return m_words.size() / stride(); }
    // The rows as BlockRows, in the order appended; leaves this empty and its memory freed.
    std::vector<BlockRow> take();

private:
    std::size_t stride() const { return std::size_t(m_columns) + 2; }

    int m_columns;
    std::vector<qint64> m_words;
};

} // namespace bs::history
