#include "ColumnFit.h"

#include <algorithm>

namespace bs::gui {

namespace {

int natural(const ColumnNeed &c) {
    return std::max(c.natural, c.minimum);
}

// The widths with every shrinkable column cut to `cap` where it is wider (not below its minimum).
QList<int> capped(const QList<ColumnNeed> &columns, int cap) {
    QList<int> widths;
    for (const ColumnNeed &c : columns)
        widths.append(c.fixed ? natural(c) : std::max(c.minimum, std::min(natural(c), cap)));
    return widths;
}

qint64 sum(const QList<int> &widths) {
    qint64 total = 0;
    for (int w : widths)
        total += w;
    return total;
}

} // namespace

QList<int> fitColumns(const QList<ColumnNeed> &columns, int available, int roomEach) {
    QList<int> widths;
    int widest = 0;
    for (const ColumnNeed &c : columns) {
        widths.append(natural(c));
        widest = std::max(widest, natural(c));
    }
    const qint64 spare = available - sum(widths);
    if (spare >= 0) {
        const auto free = std::count_if(columns.cbegin(), columns.cend(),
                                        [](const ColumnNeed &c) { return !c.fixed; });
        if (free > 0 && roomEach > 0) {
            const int extra = int(std::min<qint64>(roomEach, spare / free));
            for (int i = 0; i < columns.size(); ++i) {
                if (!columns.at(i).fixed)
                    widths[i] += extra;
            }
        }
        return widths;
    }
    // The largest common cap that fits: the sum of the capped widths grows with the cap.
    int low = 0;
    int high = widest;
    while (low < high) {
        const int mid = low + (high - low + 1) / 2;
        if (sum(capped(columns, mid)) <= available)
            low = mid;
        else
            high = mid - 1;
    }
    widths = capped(columns, low);
    // The pixels short of a whole step go one each to the columns at the cap.
    qint64 left = available - sum(widths);
    for (int i = 0; left > 0 && i < columns.size(); ++i) {
        if (!columns.at(i).fixed && widths.at(i) == low && low < natural(columns.at(i))) {
            ++widths[i];
            --left;
        }
    }
    return widths;
}

} // namespace bs::gui
