#pragma once

#include "ChartData.h"
#include "ChartStyle.h"
#include "common/Result.h"

#include <QImage>
#include <QSize>

namespace bs {

// A chart as a bitmap: `sizePx` pixels, fonts and lines sized for `dpi` (the PNG records it), so
// 1600×900 at 144 dpi reads like 800×450 on a screen at 72, only sharper.
struct ImageOptions {
    QSize sizePx{1600, 900};
    int dpi = 144;
    double basePointSize = 8.0;
};

class ImageExporter {
public:
    static QImage render(const ChartData &chart, const ImageOptions &options = {});
    static Status writePng(const ChartData &chart, const QString &path,
                           const ImageOptions &options = {});
    // Limits the CLI and the dialog accept.
    static constexpr int MaxSidePx = 16384;
    static constexpr int MinDpi = 36;
    static constexpr int MaxDpi = 1200;
};

} // namespace bs
