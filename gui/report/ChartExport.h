#pragma once

#include "report/ChartData.h"

#include <QCoreApplication>

class QWidget;

namespace bs::gui {

// What the chart actions do with a chart's ChartData; the files come from the core exporters,
// so they look exactly like `balloonscope-cli export`'s.
class ChartExport {
    Q_DECLARE_TR_FUNCTIONS(ChartExport)

public:
    // Asks for format, size, DPI and file (ChartExportDialog) and writes it. False when
    // cancelled or failed (the user was told why).
    static bool exportChart(QWidget *parent, const ChartData &chart);
    // Asks for a .csv or .json file and writes exactly the chart's points.
    static bool exportData(QWidget *parent, const ChartData &chart);
    // The chart as a picture on the clipboard, at `sizePx` (about the size it has on screen).
    static void copyToClipboard(const ChartData &chart, const QSize &sizePx, int dpi);
    // "Nothing to export": the chart shows no guest.
    static bool isEmpty(const ChartData &chart) { return chart.series.isEmpty(); }
};

} // namespace bs::gui
