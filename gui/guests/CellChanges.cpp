#include "CellChanges.h"

#include <algorithm>
#include <bit>

namespace bs::gui {

void CellChanges::mark(int row, Columns columns) {
    if (columns == 0)
        return;
    if (!m_marks.isEmpty() && m_marks.constLast().row == row) {
        m_marks.last().columns |= columns;
        return;
    }
    m_marks.append({row, columns});
}

namespace {

// The marks sorted by row, one per row.
template <typename Mark>
QList<Mark> merged(QList<Mark> marks) {
    const bool sorted = std::is_sorted(marks.cbegin(), marks.cend(),
                                       [](const Mark &a, const Mark &b) { return a.row < b.row; });
    if (!sorted)
        std::stable_sort(marks.begin(), marks.end(),
                         [](const Mark &a, const Mark &b) { return a.row < b.row; });
    QList<Mark> out;
    out.reserve(marks.size());
    for (const Mark &m : std::as_const(marks)) {
        if (!out.isEmpty() && out.constLast().row == m.row)
            out.last().columns |= m.columns;
        else
            out.append(m);
    }
    return out;
}

} // namespace

int CellChanges::changedRows() const {
    return int(merged(m_marks).size());
}

QList<CellChanges::Range> CellChanges::ranges(int rowCount) const {
    const QList<Mark> rows = merged(m_marks);
    QList<Range> out;
    if (rows.isEmpty())
        return out;
    const auto addRuns = [&out](int top, int bottom, Columns columns) {
        while (columns != 0) {
            const int left = std::countr_zero(columns);
            const int right = left + std::countr_one(columns >> left) - 1;
            out.append({top, left, bottom, right});
            columns &= ~span(left, right);
        }
    };
    if (2 * rows.size() > rowCount) {
        Columns all = 0;
        for (const Mark &m : rows)
            all |= m.columns;
        addRuns(rows.constFirst().row, rows.constLast().row, all);
        return out;
    }
    // Runs of adjacent rows with the same columns.
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i + 1;
        while (j < rows.size() && rows.at(j).row == rows.at(j - 1).row + 1 &&
               rows.at(j).columns == rows.at(i).columns)
            ++j;
        addRuns(rows.at(i).row, rows.at(j - 1).row, rows.at(i).columns);
        i = j;
    }
    return out;
}

} // namespace bs::gui
