#include "SvgExporter.h"

#include "ChartRenderer.h"
#include "SaveFile.h"

#include <QBuffer>
#include <QPainter>
#include <QSvgGenerator>

namespace bs {

QByteArray SvgExporter::render(const ChartData &chart, const SvgOptions &options) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(96);
    generator.setSize(options.sizePx);
    generator.setViewBox(QRect(QPoint(0, 0), options.sizePx));
    generator.setTitle(chart.title);
    generator.setDescription(chart.subtitle);
    QPainter painter(&generator);
    ChartRenderer(chart, ChartStyle::standard(options.basePointSize))
        .paint(painter, QRectF(QPointF(0, 0), QSizeF(options.sizePx)));
    painter.end();
    return buffer.data();
}

Status SvgExporter::write(const ChartData &chart, const QString &path, const SvgOptions &options) {
    const QByteArray svg = render(chart, options);
    return saveFile(path,
                    [&](QIODevice &device, QString &) { return device.write(svg) == svg.size(); });
}

} // namespace bs
