#pragma once

#include <QList>

namespace bs::gui {

// What one visible column of a table needs, in pixels.
struct ColumnNeed {
    int natural = 0;    // its header and its content
    int minimum = 0;    // the narrowest it stays readable at (its header; a figure's natural)
    bool fixed = false; // a width the user chose: kept exactly
};

// How wide each column should be so that together they fit `available` pixels.
// When the natural widths fit, each column not fixed gets up to `roomEach` pixels more out of
// what is left (the rest is the last column's, which stretches). When they do not fit, the widest
// of the columns that may shrink give way first, all cut to one common width where they are wider,
// never below their minimum: a long host name elides before a short state does. What still does not
// fit (minimums and fixed widths wider than the table) is left to the scroll bar.
QList<int> fitColumns(const QList<ColumnNeed> &columns, int available, int roomEach = 0);

} // namespace bs::gui
