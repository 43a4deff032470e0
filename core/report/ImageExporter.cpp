#include "ImageExporter.h"

#include "ChartRenderer.h"
#include "SaveFile.h"

#include <QPainter>

namespace bs {

QImage ImageExporter::render(const ChartData &chart, const ImageOptions &options) {
    QImage image(options.sizePx, QImage::Format_ARGB32_Premultiplied);
    const int dotsPerMeter = int(std::lround(options.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    QPainter painter(&image);
    ChartRenderer(chart, ChartStyle::standard(options.basePointSize))
        .paint(painter, QRectF(QPointF(0, 0), QSizeF(options.sizePx)));
    painter.end();
    return image;
}

Status ImageExporter::writePng(const ChartData &chart, const QString &path,
                               const ImageOptions &options) {
    const QImage image = render(chart, options);
    return saveFile(path, [&](QIODevice &device, QString &) { return image.save(&device, "PNG"); });
}

} // namespace bs
