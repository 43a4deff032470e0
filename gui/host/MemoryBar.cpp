#include "MemoryBar.h"

#include <QPainter>
#include <QPalette>

namespace bs::gui {

MemoryBar::MemoryBar(QWidget *parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void MemoryBar::setSegments(const QList<Segment> &segments, double total,
                            const QString &emptyText) {
    m_segments = segments;
    m_total = total;
    m_emptyText = emptyText;
    QStringList tip;
    for (const Segment &s : segments)
        tip.append(s.label);
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

QSize MemoryBar::sizeHint() const {
    return {400, fontMetrics().height() + 10};
}

QSize MemoryBar::minimumSizeHint() const {
    return {120, fontMetrics().height() + 10};
}

void MemoryBar::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QPen(palette().color(QPalette::Mid)));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(frame, 3, 3);
    if (m_segments.isEmpty() || m_total <= 0) {
        p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        p.drawText(frame, Qt::AlignCenter, m_emptyText);
        return;
    }
    double x = frame.left();
    const double width = frame.width();
    double sum = 0;
    for (const Segment &s : std::as_const(m_segments)) {
        const double start = std::min(sum, m_total);
        sum += s.value;
        const double end = std::min(sum, m_total);
        const double w = (end - start) / m_total * width;
        if (w <= 0)
            continue;
        const QRectF r(x, frame.top(), w, frame.height());
        p.setPen(Qt::NoPen);
        p.setBrush(s.color);
        p.drawRect(r.adjusted(0, 1, 0, -1));
        const QString text = s.label;
        if (fontMetrics().horizontalAdvance(text) + 8 < w) {
            p.setPen(s.color.lightness() < 140 ? Qt::white : Qt::black);
            p.drawText(r, Qt::AlignCenter, text);
        }
        x += w;
    }
    if (sum > m_total * 1.001) {
        // More than the whole: a red edge says "oversold".
        p.setPen(QPen(QColor(0xc6, 0x28, 0x28), 3));
        p.drawLine(QPointF(frame.right() - 1, frame.top()),
                   QPointF(frame.right() - 1, frame.bottom()));
    }
}

} // namespace bs::gui
