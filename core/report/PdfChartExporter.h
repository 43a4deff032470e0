#pragma once

#include "ChartData.h"
#include "common/Result.h"

#include <QPageLayout>
#include <QPageSize>

class QIODevice;

namespace bs {

// A chart on one PDF page (QPdfWriter: vector lines, fonts embedded as subsets), A4 landscape by
// default, for attaching to a ticket or a change review.
struct PdfChartOptions {
    QPageSize pageSize{QPageSize::A4};
    QPageLayout::Orientation orientation = QPageLayout::Landscape;
    double marginMm = 12;
    double basePointSize = 9.0;
};

class PdfChartExporter {
public:
    static bool render(const ChartData &chart, QIODevice &device,
                       const PdfChartOptions &options = {});
    static Status write(const ChartData &chart, const QString &path,
                        const PdfChartOptions &options = {});
};

} // namespace bs
