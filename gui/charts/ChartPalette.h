#pragma once

#include <QColor>
#include <QPalette>

class QCPAxis;
class QCPGraph;

namespace bs::gui {

// Series colours that read on the current palette: darker shades on a light background,
// lighter ones on a dark theme.
struct ChartPalette {
    QColor background;
    QColor foreground;
    QColor grid;
    QColor used;
    QColor usedExcludingCache;
    QColor actual;
    QColor available;
    QColor rss;

    static ChartPalette fromPalette(const QPalette &palette);
    // The i-th colour for comparing several guests on one chart.
    QColor series(int i) const;
    bool dark = false;

    // An axis (line, ticks, labels, dotted grid) in these colours: every chart alike.
    void styleAxis(QCPAxis *axis) const;
};

// A graph shown with its legend entry, or hidden without one.
void showGraph(QCPGraph *graph, bool shown);

} // namespace bs::gui
