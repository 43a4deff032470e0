#include "StatusDot.h"

#include <QPainter>
#include <QPixmap>

namespace bs::gui {

QIcon statusDot(const QColor &color) {
    QIcon icon;
    for (const int size : {12, 24}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        const qreal margin = size / 12.0;
        p.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace bs::gui
