#pragma once

#include "ChartData.h"

namespace bs {

// A chart whose picture and data can be exported: the live chart, the history charts. The
// export actions (gui/report/ChartExport.h) ask it what it shows and paint that with
// ChartRenderer, so a file saved from the window looks like one from `balloonscope-cli export`,
// and "Export data…" writes exactly the points the chart draws.
//
//   class HistoryChart final : public QWidget, public bs::ChartExportSource {
//       ChartData exportChart() const override; // title, x range on screen, visible series
//   };
class ChartExportSource {
public:
    virtual ~ChartExportSource() = default;

    // What the chart shows now: its title, the x range on screen, the visible series with the
    // points it draws (KiB for memory; NaN points are gaps) and its markers. Empty series (or
    // none) when nothing is charted.
    virtual ChartData exportChart() const = 0;
};

// A file name for the chart without extension: "web-memory-20250101-0800" (no path separators,
// no spaces).
QString suggestedChartFileName(const ChartData &chart);

} // namespace bs
