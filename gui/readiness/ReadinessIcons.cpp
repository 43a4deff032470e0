#include "ReadinessIcons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace bs::gui {

namespace {

enum class Glyph { Check, Cross, Bang, Question, Info, Pause };

const QColor Green(0x2e, 0x7d, 0x32);
const QColor Orange(0xe6, 0x51, 0x00);
const QColor Red(0xc6, 0x28, 0x28);
const QColor Grey(0x75, 0x75, 0x75);
const QColor Blue(0x15, 0x65, 0xc0);

void drawGlyph(QPainter &p, Glyph glyph, const QColor &color, double s) {
    QPen pen(color, s * 0.13, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (glyph) {
    case Glyph::Check: {
        QPainterPath path;
        path.moveTo(s * 0.28, s * 0.52);
        path.lineTo(s * 0.44, s * 0.68);
        path.lineTo(s * 0.72, s * 0.34);
        p.drawPath(path);
        break;
    }
    case Glyph::Cross:
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    case Glyph::Bang:
        p.drawLine(QPointF(s * 0.5, s * 0.26), QPointF(s * 0.5, s * 0.56));
        p.drawPoint(QPointF(s * 0.5, s * 0.73));
        break;
    case Glyph::Info:
        p.drawPoint(QPointF(s * 0.5, s * 0.28));
        p.drawLine(QPointF(s * 0.5, s * 0.45), QPointF(s * 0.5, s * 0.74));
        break;
    case Glyph::Pause:
        p.drawLine(QPointF(s * 0.40, s * 0.32), QPointF(s * 0.40, s * 0.68));
        p.drawLine(QPointF(s * 0.60, s * 0.32), QPointF(s * 0.60, s * 0.68));
        break;
    case Glyph::Question: {
        QPainterPath path;
        path.moveTo(s * 0.36, s * 0.38);
        path.arcTo(QRectF(s * 0.36, s * 0.24, s * 0.28, s * 0.26), 180, -230);
        path.lineTo(s * 0.5, s * 0.58);
        p.drawPath(path);
        p.drawPoint(QPointF(s * 0.5, s * 0.75));
        break;
    }
    }
}

QPixmap render(Glyph glyph, const QColor &color, bool outlined, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const double s = size;
    const double inset = s * 0.06;
    const QRectF disc(inset, inset, s - 2 * inset, s - 2 * inset);
    if (outlined) {
        p.setPen(QPen(color, s * 0.09));
        p.setBrush(Qt::white);
        p.drawEllipse(disc.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04));
        drawGlyph(p, glyph, color, s);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        drawGlyph(p, glyph, Qt::white, s);
    }
    return pixmap;
}

QIcon makeIcon(Glyph glyph, const QColor &color, bool outlined) {
    static QHash<QString, QIcon> cache;
    const QString key = QStringLiteral("%1/%2/%3").arg(int(glyph)).arg(color.name()).arg(outlined);
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64})
        icon.addPixmap(render(glyph, color, outlined, size));
    cache.insert(key, icon);
    return icon;
}

Glyph verdictGlyph(Verdict verdict) {
    switch (verdict) {
    case Verdict::Ready:
        return Glyph::Check;
    case Verdict::PollingOff:
        return Glyph::Pause;
    case Verdict::NoBalloonDevice:
    case Verdict::NoBalloonDriver:
        return Glyph::Cross;
    case Verdict::NotDelivering:
        return Glyph::Bang;
    case Verdict::Unknown:
        break;
    }
    return Glyph::Question;
}

} // namespace

QColor verdictColor(Verdict verdict) {
    switch (verdict) {
    case Verdict::Ready:
        return Green;
    case Verdict::PollingOff:
    case Verdict::NotDelivering:
        return Orange;
    case Verdict::NoBalloonDevice:
    case Verdict::NoBalloonDriver:
        return Red;
    case Verdict::Unknown:
        break;
    }
    return Grey;
}

QIcon verdictIcon(Verdict verdict, bool provisional) {
    return makeIcon(verdictGlyph(verdict), verdictColor(verdict), provisional);
}

QIcon checkStatusIcon(CheckStatus status) {
    switch (status) {
    case CheckStatus::Pass:
        return makeIcon(Glyph::Check, Green, false);
    case CheckStatus::Warn:
        return makeIcon(Glyph::Bang, Orange, false);
    case CheckStatus::Fail:
        return makeIcon(Glyph::Cross, Red, false);
    case CheckStatus::Info:
        return makeIcon(Glyph::Info, Blue, false);
    case CheckStatus::Unknown:
        break;
    }
    return makeIcon(Glyph::Question, Grey, false);
}

} // namespace bs::gui
