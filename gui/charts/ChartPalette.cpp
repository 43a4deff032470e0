#include "ChartPalette.h"

#include <qcustomplot.h>

namespace bs::gui {

ChartPalette ChartPalette::fromPalette(const QPalette &palette) {
    ChartPalette p;
    p.background = palette.color(QPalette::Base);
    p.foreground = palette.color(QPalette::Text);
    p.dark = p.background.lightness() < 128;
    p.grid = p.dark ? p.background.lighter(160) : p.background.darker(115);
    if (p.dark) {
        p.used = QColor(0x64, 0xb5, 0xf6);
        p.usedExcludingCache = QColor(0x81, 0xc7, 0x84);
        p.actual = QColor(0xff, 0xb7, 0x4d);
        p.available = QColor(0xba, 0x68, 0xc8);
        p.rss = QColor(0xe5, 0x73, 0x73);
    } else {
        p.used = QColor(0x15, 0x65, 0xc0);
        p.usedExcludingCache = QColor(0x2e, 0x7d, 0x32);
        p.actual = QColor(0xef, 0x6c, 0x00);
        p.available = QColor(0x6a, 0x1b, 0x9a);
        p.rss = QColor(0xc6, 0x28, 0x28);
    }
    return p;
}

QColor ChartPalette::series(int i) const {
    static const QColor light[] = {QColor(0x15, 0x65, 0xc0), QColor(0xef, 0x6c, 0x00),
                                   QColor(0x2e, 0x7d, 0x32), QColor(0xc6, 0x28, 0x28),
                                   QColor(0x6a, 0x1b, 0x9a), QColor(0x00, 0x83, 0x8f),
                                   QColor(0x5d, 0x40, 0x37), QColor(0xad, 0x14, 0x57)};
    static const QColor darkSet[] = {QColor(0x64, 0xb5, 0xf6), QColor(0xff, 0xb7, 0x4d),
                                     QColor(0x81, 0xc7, 0x84), QColor(0xe5, 0x73, 0x73),
                                     QColor(0xba, 0x68, 0xc8), QColor(0x4d, 0xd0, 0xe1),
                                     QColor(0xbc, 0xaa, 0xa4), QColor(0xf0, 0x62, 0x92)};
    const int n = int(std::size(light));
    return dark ? darkSet[i % n] : light[i % n];
}

void ChartPalette::styleAxis(QCPAxis *axis) const {
    axis->setBasePen(QPen(foreground));
    axis->setTickPen(QPen(foreground));
    axis->setSubTickPen(QPen(foreground));
    axis->setTickLabelColor(foreground);
    axis->setLabelColor(foreground);
    axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
}

void showGraph(QCPGraph *graph, bool shown) {
    graph->setVisible(shown);
    if (shown)
        graph->addToLegend();
    else
        graph->removeFromLegend();
}

} // namespace bs::gui
