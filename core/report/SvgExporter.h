#pragma once

#include "ChartData.h"
#include "common/Result.h"

#include <QByteArray>
#include <QSize>

namespace bs {

// A chart as SVG (QSvgGenerator): vector lines and real text, for slides and wikis. `sizePx` is
// the drawing's size in CSS pixels (96 per inch).
struct SvgOptions {
    QSize sizePx{1200, 675};
    double basePointSize = 8.0;
};

class SvgExporter {
public:
    static QByteArray render(const ChartData &chart, const SvgOptions &options = {});
    static Status write(const ChartData &chart, const QString &path,
                        const SvgOptions &options = {});
};

} // namespace bs
