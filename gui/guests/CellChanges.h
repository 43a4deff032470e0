#pragma once

#include <QList>

#include <cstdint>

namespace bs::gui {

// The cells of a table that changed in one update, turned into as few dataChanged ranges as
// say exactly that: rows next to each other with the same changed columns share a range, one
// range per run of adjacent columns. When most rows changed, one range covers them all (the
// rows from the first to the last changed one) per run of columns changed in any of them: a
// view repaints what it shows either way, and a proxy handles one signal instead of thousands,
// re-sorting only when the sort column is among the changed ones. Up to 32 columns.
class CellChanges {
public:
    struct Range {
        int top;
        int left;
        int bottom;
        int right;
        bool operator==(const Range &) const = default;
    };
    using Columns = std::uint32_t; // bit c: column c changed

    static constexpr Columns column(int c) { return Columns(1) << c; }
    // Columns first..last.
    static constexpr Columns span(int first, int last) {
        return (last >= 31 ? ~Columns(0) : (column(last + 1) - 1)) & ~(column(first) - 1);
    }

    // `columns` of `row` changed (added to what was marked before for that row).
    void mark(int row, Columns columns);
    bool isEmpty() const { return m_marks.isEmpty(); }
    int changedRows() const;
    void clear() { m_marks.clear(); }

    // The ranges; `rowCount` is the table's, for the "most rows changed" rule.
    QList<Range> ranges(int rowCount) const;

private:
    struct Mark {
        int row;
        Columns columns;
    };
    QList<Mark> m_marks; // in the order marked; rows may repeat
};

} // namespace bs::gui
