#pragma once

#include "ChartData.h"
#include "ChartStyle.h"

class QPainter;
class QRectF;

namespace bs {

// Paints a time-series chart (ChartData) with QPainter onto any paint device: a QImage for PNG
// and the clipboard, a QSvgGenerator, a QPdfWriter page. No widgets: the CLI draws without a
// display (QT_QPA_PLATFORM=offscreen).
//
// What it draws: the title and subtitle, a value axis from 0 in a readable unit (MiB/GiB, %),
// a local-time axis with round ticks and the date at midnight, each series' avg line broken at
// its gaps (a step line for sizes that hold), the min–max band where a bucket held several
// samples, an isolated point as a dot, dashed event markers with short labels, and a legend
// under the plot ("no data" beside a series without values). Sizes are in points: the device's
// DPI decides how many pixels that is.
class ChartRenderer {
public:
    explicit ChartRenderer(const ChartData &data, ChartStyle style = ChartStyle::standard());

    void paint(QPainter &painter, const QRectF &rect) const;

private:
    ChartData m_data;
    ChartStyle m_style;
};

} // namespace bs
