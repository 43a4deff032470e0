#pragma once

#include "ChartData.h"
#include "model/Metric.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace bs {

// How exported charts and reports look: made for paper and slides (white background, dark
// text, the live chart's hues on a light palette), sized in points so a chart reads the same
// at any DPI.
struct ChartStyle {
    QFont font; // tick labels and legend; the title is larger
    QColor background = Qt::white;
    QColor text = QColor(0x20, 0x21, 0x24);
    QColor muted = QColor(0x5f, 0x63, 0x68);
    QColor grid = QColor(0xe3, 0xe5, 0xe8);
    QColor axis = QColor(0x9a, 0xa0, 0xa6);
    QColor marker = QColor(0x75, 0x75, 0x75);
    bool showTitle = true;
    bool showLegend = true;

    static ChartStyle standard(double basePointSize = 8.0, const QLocale &locale = QLocale());
};

// The font of every text of a report or chart: a common sans for Latin text and digits, with a
// CJK family behind it (the variant for the locale), so a guest named in Chinese renders in an
// English report and Chinese text renders in any report.
QFont reportFont(double pointSize, const QLocale &locale = QLocale());
// The CJK family reportFont() falls back to ("Noto Sans CJK SC"); empty when none is installed.
QString reportCjkFamily(const QLocale &locale = QLocale());

// A metric's series as every Balloonscope chart draws it (key, translated name, colour, pen).
ChartSeries metricSeries(Metric metric);

} // namespace bs
