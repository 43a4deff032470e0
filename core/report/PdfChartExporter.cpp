#include "PdfChartExporter.h"

#include "ChartRenderer.h"
#include "ChartStyle.h"
#include "PdfUnicodeFix.h"
#include "SaveFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>

namespace bs {

bool PdfChartExporter::render(const ChartData &chart, QIODevice &device,
                              const PdfChartOptions &options) {
    QPdfWriter writer(&device);
    writer.setResolution(300);
    writer.setTitle(chart.title);
    writer.setCreator(QStringLiteral("Balloonscope %1").arg(QStringLiteral(BALLOONSCOPE_VERSION)));
    writer.setPageLayout(QPageLayout(
        options.pageSize, options.orientation,
        QMarginsF(options.marginMm, options.marginMm, options.marginMm, options.marginMm),
        QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    // The painter's origin is the top left of the printable area (inside the margins).
    const QRect area = writer.pageLayout().paintRectPixels(writer.resolution());
    ChartRenderer(chart, ChartStyle::standard(options.basePointSize))
        .paint(painter, QRectF(0, 0, area.width(), area.height()));
    return painter.end();
}

Status PdfChartExporter::write(const ChartData &chart, const QString &path,
                               const PdfChartOptions &options) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!render(chart, buffer, options))
        return Error::io(
            QCoreApplication::translate("bs::PdfChartExporter", "Could not draw the chart."));
    QByteArray pdf = buffer.data();
    fixPdfToUnicode(pdf, QFont(reportCjkFamily()));
    return saveFile(path, pdf);
}

} // namespace bs
