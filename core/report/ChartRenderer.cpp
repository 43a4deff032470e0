#include "ChartRenderer.h"

#include "AxisTicks.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace bs {

namespace {

// Everything measured once per paint: the device's points-to-units factor and the fonts.
struct Frame {
    QPainter &p;
    double pt; // device units per point
    QFont font;
    QFont small;
    QFont title;

    QFontMetricsF metrics(const QFont &f) const { return QFontMetricsF(f, p.device()); }
};

struct LegendItem {
    const ChartSeries *series;
    QString text;
    double width;
};

// The legend's items in rows that fit `width`.
QList<QList<LegendItem>> legendRows(const Frame &f, const ChartData &data, double width) {
    const QFontMetricsF fm = f.metrics(f.font);
    const double swatch = 16 * f.pt;
    const double gap = 12 * f.pt;
    QList<QList<LegendItem>> rows(1);
    double x = 0;
    for (const ChartSeries &s : data.series) {
        const QString text =
            s.hasValues()
                ? s.name
                : QCoreApplication::translate("bs::ChartRenderer", "%1 (no data)").arg(s.name);
        const double w = swatch + 4 * f.pt + fm.horizontalAdvance(text);
        if (x > 0 && x + w > width) {
            rows.append(QList<LegendItem>());
            x = 0;
        }
        rows.last().append(LegendItem{&s, text, w});
        x += w + gap;
    }
    if (rows.last().isEmpty())
        rows.removeLast();
    return rows;
}

void drawLegend(const Frame &f, const QList<QList<LegendItem>> &rows, const QRectF &area,
                const ChartStyle &style) {
    const QFontMetricsF fm = f.metrics(f.font);
    const double rowHeight = fm.height() * 1.25;
    const double gap = 12 * f.pt;
    const double swatch = 16 * f.pt;
    f.p.setFont(f.font);
    double y = area.top();
    for (const auto &row : rows) {
        double total = -gap;
        for (const LegendItem &item : row)
            total += item.width + gap;
        double x = area.left() + std::max(0.0, (area.width() - total) / 2);
        for (const LegendItem &item : row) {
            const ChartSeries &s = *item.series;
            const double cy = y + rowHeight / 2;
            if (s.band) {
                QColor fill = s.colour;
                fill.setAlphaF(0.22);
                f.p.fillRect(QRectF(x, cy - 3.5 * f.pt, swatch, 7 * f.pt), fill);
            }
            QPen pen(s.colour, std::max(s.widthPt, 1.2) * f.pt, s.style, Qt::FlatCap);
            f.p.setPen(pen);
            f.p.drawLine(QPointF(x, cy), QPointF(x + swatch, cy));
            f.p.setPen(s.hasValues() ? style.text : style.muted);
            f.p.drawText(QRectF(x + swatch + 4 * f.pt, y, item.width, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, item.text);
            x += item.width + gap;
        }
        y += rowHeight;
    }
}

double maxValue(const ChartData &data) {
    double m = 0;
    for (const ChartSeries &s : data.series) {
        for (const EnvelopePoint &p : s.points) {
            if (!p.isGap())
                m = std::max(m, std::isnan(p.max) ? p.avg : std::max(p.max, p.avg));
        }
    }
    return m;
}

struct Mapper {
    QRectF plot;
    qint64 fromMs;
    qint64 toMs;
    double divisor;
    double axisMax;

    double x(qint64 t) const {
        return plot.left() + double(t - fromMs) / double(toMs - fromMs) * plot.width();
    }
    double y(double v) const { return plot.bottom() - (v / divisor) / axisMax * plot.height(); }
};

void drawBand(const Frame &f, const Mapper &m, const ChartSeries &s) {
    QColor fill = s.colour;
    fill.setAlphaF(0.20);
    f.p.setPen(Qt::NoPen);
    f.p.setBrush(fill);
    QList<QPointF> upper;
    QList<QPointF> lower;
    auto flush = [&] {
        if (upper.size() >= 2) {
            QPolygonF polygon(upper);
            for (auto it = lower.crbegin(); it != lower.crend(); ++it)
                polygon.append(*it);
            f.p.drawPolygon(polygon);
        }
        upper.clear();
        lower.clear();
    };
    for (const EnvelopePoint &p : s.points) {
        if (p.isGap()) {
            flush();
            continue;
        }
        const double x = m.x(p.timeMs);
        upper.append(QPointF(x, m.y(std::isnan(p.max) ? p.avg : p.max)));
        lower.append(QPointF(x, m.y(std::isnan(p.min) ? p.avg : p.min)));
    }
    flush();
    f.p.setBrush(Qt::NoBrush);
}

void drawLine(const Frame &f, const Mapper &m, const ChartSeries &s) {
    QPainterPath path;
    QList<QPointF> lone; // a value between two gaps: no segment to draw, so a dot
    bool open = false;
    int runLength = 0;
    QPointF last;
    for (const EnvelopePoint &p : s.points) {
        if (p.isGap()) {
            if (runLength == 1)
                lone.append(last);
            open = false;
            runLength = 0;
            continue;
        }
        const QPointF point(m.x(p.timeMs), m.y(p.avg));
        if (!open) {
            path.moveTo(point);
            open = true;
        } else {
            if (s.step)
                path.lineTo(point.x(), last.y());
            path.lineTo(point);
        }
        last = point;
        ++runLength;
    }
    if (runLength == 1)
        lone.append(last);
    QPen pen(s.colour, s.widthPt * f.pt, s.style, Qt::FlatCap, Qt::RoundJoin);
    f.p.setPen(pen);
    f.p.drawPath(path);
    f.p.setPen(Qt::NoPen);
    f.p.setBrush(s.colour);
    const double r = std::max(1.6, s.widthPt * 1.4) * f.pt;
    for (const QPointF &point : std::as_const(lone))
        f.p.drawEllipse(point, r, r);
    f.p.setBrush(Qt::NoBrush);
}

void drawMarkers(const Frame &f, const Mapper &m, const ChartData &data, const ChartStyle &style) {
    if (data.markers.isEmpty())
        return;
    const QFontMetricsF fm = f.metrics(f.small);
    f.p.setFont(f.small);
    QColor line = style.marker;
    line.setAlphaF(0.75);
    double labelEnd = -1e9; // labels that would overlap the previous one are left out
    int row = 0;
    for (const ChartMarker &marker : data.markers) {
        if (marker.timeMs < data.fromMs || marker.timeMs > data.toMs)
            continue;
        const double x = m.x(marker.timeMs);
        f.p.setPen(QPen(line, 0.7 * f.pt, Qt::DashLine, Qt::FlatCap));
        f.p.drawLine(QPointF(x, m.plot.top()), QPointF(x, m.plot.bottom()));
        if (marker.label.isEmpty())
            continue;
        const double w = fm.horizontalAdvance(marker.label) + 4 * f.pt;
        row = x < labelEnd ? row + 1 : 0;
        if (row > 2)
            continue; // three rows at most; the dashed line still shows where it happened
        double left = x + 2 * f.pt;
        if (left + w > m.plot.right())
            left = x - 2 * f.pt - w;
        const QRectF box(left, m.plot.top() + 2 * f.pt + row * (fm.height() + 2 * f.pt), w,
                         fm.height());
        QColor back = style.background;
        back.setAlphaF(0.85);
        f.p.fillRect(box, back);
        f.p.setPen(style.muted);
        f.p.drawText(box, Qt::AlignCenter, marker.label);
        labelEnd = std::max(labelEnd, box.right() + 4 * f.pt);
    }
}

} // namespace

ChartRenderer::ChartRenderer(const ChartData &data, ChartStyle style)
    : m_data(data)
    , m_style(std::move(style)) {}

void ChartRenderer::paint(QPainter &painter, const QRectF &rect) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const double dpi = painter.device() ? painter.device()->logicalDpiY() : 96;
    Frame f{painter, dpi / 72.0, m_style.font, m_style.font, m_style.font};
    f.small.setPointSizeF(m_style.font.pointSizeF() * 0.85);
    f.title.setPointSizeF(m_style.font.pointSizeF() * 1.3);
    f.title.setBold(true);
    const QFontMetricsF fm = f.metrics(f.font);
    const double pad = 4 * f.pt;

    painter.fillRect(rect, m_style.background);
    QRectF area = rect.adjusted(pad, pad, -pad, -pad);

    if (m_style.showTitle && !m_data.title.isEmpty()) {
        painter.setFont(f.title);
        painter.setPen(m_style.text);
        const double h = f.metrics(f.title).height();
        painter.drawText(QRectF(area.left(), area.top(), area.width(), h),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         f.metrics(f.title).elidedText(m_data.title, Qt::ElideRight, area.width()));
        area.setTop(area.top() + h);
        if (!m_data.subtitle.isEmpty()) {
            painter.setFont(f.font);
            painter.setPen(m_style.muted);
            painter.drawText(QRectF(area.left(), area.top(), area.width(), fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             fm.elidedText(m_data.subtitle, Qt::ElideRight, area.width()));
            area.setTop(area.top() + fm.height());
        }
        area.setTop(area.top() + pad);
    }

    if (m_style.showLegend && !m_data.series.isEmpty()) {
        const auto rows = legendRows(f, m_data, area.width());
        const double h = rows.size() * fm.height() * 1.25;
        drawLegend(f, rows, QRectF(area.left(), area.bottom() - h, area.width(), h), m_style);
        area.setBottom(area.bottom() - h - pad);
    }

    const ValueAxis yAxis =
        valueAxis(m_data.unit, maxValue(m_data), std::max(2, int(area.height() / (28 * f.pt))),
                  QLocale(), m_data.sizeUnit);
    QString yTitle = m_data.valueLabel;
    if (yTitle.isEmpty())
        yTitle = m_data.unit == ValueUnit::Percent
                     ? QCoreApplication::translate("bs::ChartRenderer", "Share")
                     : QCoreApplication::translate("bs::ChartRenderer", "Memory");
    if (!yAxis.unit.isEmpty())
        yTitle =
            QCoreApplication::translate("bs::ChartRenderer", "%1 (%2)").arg(yTitle, yAxis.unit);
    double labelWidth = 0;
    for (const AxisTick &t : yAxis.ticks)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(t.label));
    const QString xTitle = QCoreApplication::translate("bs::ChartRenderer", "Time (%1)")
                               .arg(utcOffsetLabel(m_data.fromMs));
    const double axisGap = 3 * f.pt;
    const QRectF plot(area.left() + fm.height() + axisGap + labelWidth + axisGap, area.top(), 0, 0);
    QRectF plotRect(plot.left(), area.top() + fm.height() / 2, area.right() - plot.left(),
                    area.height() - fm.height() / 2 - 2 * (fm.height() + axisGap));
    if (plotRect.width() < 10 * f.pt || plotRect.height() < 10 * f.pt) {
        painter.restore();
        return; // no room for a plot
    }
    const qint64 fromMs = m_data.fromMs;
    const qint64 toMs = std::max(m_data.toMs, m_data.fromMs + 1000);
    const Mapper m{plotRect, fromMs, toMs, yAxis.divisor, yAxis.max};

    // Grid and tick labels.
    painter.setFont(f.font);
    for (const AxisTick &t : yAxis.ticks) {
        const double y = plotRect.bottom() - t.value / yAxis.max * plotRect.height();
        if (t.value > 0) {
            painter.setPen(QPen(m_style.grid, 0.6 * f.pt));
            painter.drawLine(QPointF(plotRect.left(), y), QPointF(plotRect.right(), y));
        }
        painter.setPen(m_style.muted);
        painter.drawText(QRectF(plotRect.left() - axisGap - labelWidth, y - fm.height() / 2,
                                labelWidth, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, t.label);
    }
    const auto xTicks = timeTicks(fromMs, toMs, std::max(2, int(plotRect.width() / (60 * f.pt))));
    double lastLabelEnd = -1e9;
    for (const AxisTick &t : xTicks) {
        const double x = m.x(qint64(t.value));
        painter.setPen(QPen(m_style.grid, (t.major ? 0.9 : 0.5) * f.pt,
                            t.major ? Qt::SolidLine : Qt::DotLine));
        painter.drawLine(QPointF(x, plotRect.top()), QPointF(x, plotRect.bottom()));
        QFont font = f.font;
        font.setBold(t.major);
        painter.setFont(font);
        const double w = f.metrics(font).horizontalAdvance(t.label);
        if (x - w / 2 < lastLabelEnd || x + w / 2 > rect.right())
            continue;
        painter.setPen(t.major ? m_style.text : m_style.muted);
        painter.drawText(
            QRectF(x - w / 2 - pad, plotRect.bottom() + axisGap, w + 2 * pad, fm.height()),
            Qt::AlignCenter, t.label);
        lastLabelEnd = x + w / 2 + 6 * f.pt;
    }

    // Axis titles.
    painter.setFont(f.font);
    painter.setPen(m_style.muted);
    painter.drawText(QRectF(plotRect.left(), plotRect.bottom() + axisGap + fm.height() + axisGap,
                            plotRect.width(), fm.height()),
                     Qt::AlignCenter, xTitle);
    painter.save();
    painter.translate(area.left(), plotRect.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plotRect.height() / 2, 0, plotRect.height(), fm.height()),
                     Qt::AlignCenter, fm.elidedText(yTitle, Qt::ElideRight, plotRect.height()));
    painter.restore();

    // Data, clipped to the plot.
    painter.save();
    painter.setClipRect(plotRect.adjusted(0, -2 * f.pt, 0, 0));
    // The first series is the one that matters most: drawn last, on top of the others.
    for (auto s = m_data.series.crbegin(); s != m_data.series.crend(); ++s) {
        if (s->band)
            drawBand(f, m, *s);
    }
    for (auto s = m_data.series.crbegin(); s != m_data.series.crend(); ++s)
        drawLine(f, m, *s);
    drawMarkers(f, m, m_data, m_style);
    painter.restore();

    painter.setPen(QPen(m_style.axis, 0.8 * f.pt));
    painter.drawLine(plotRect.bottomLeft(), plotRect.bottomRight());
    painter.drawLine(plotRect.bottomLeft(), plotRect.topLeft());

    if (!m_data.hasValues()) {
        painter.setFont(f.font);
        painter.setPen(m_style.muted);
        painter.drawText(plotRect, Qt::AlignCenter,
                         QCoreApplication::translate("bs::ChartRenderer",
                                                     "Nothing was recorded in this range."));
    }
    painter.restore();
}

} // namespace bs
