#include "EventMarkers.h"

#include "common/Units.h"
#include "libvirt/ConnectionEvents.h"

#include <QDateTime>
#include <QLocale>
#include <qcustomplot.h>

#include <algorithm>

namespace bs::gui {

namespace {

constexpr double GroupPixels = 6;     // events closer than this share a marker
constexpr double LabelGapPixels = 70; // a label only where it does not run into the previous one
constexpr double HoverPixels = 5;
constexpr int MaxTooltipLines = 12;
const QString LayerName = QStringLiteral("markers");

} // namespace

EventMarkers::EventMarkers(QCustomPlot *plot)
    : m_plot(plot) {
    if (!m_plot->layer(LayerName))
        m_plot->addLayer(LayerName, m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
}

EventMarkers::~EventMarkers() = default; // the plot owns and deletes the items

void EventMarkers::setEvents(const QList<HistoryEvent> &events) {
    m_events = events;
    std::stable_sort(
        m_events.begin(), m_events.end(),
        [](const HistoryEvent &a, const HistoryEvent &b) { return a.timeMs < b.timeMs; });
    relayout();
}

void EventMarkers::setTextColor(const QColor &color) {
    m_textColor = color;
    relayout();
}

void EventMarkers::clearItems() {
    for (QCPAbstractItem *item : std::as_const(m_items))
        m_plot->removeItem(item);
    m_items.clear();
    m_groups.clear();
}

QString EventMarkers::label(const HistoryEvent &e) {
    switch (e.kind) {
    case HistoryEvent::Kind::Lifecycle:
        return describeLifecycleEvent(e.code, e.detail);
    case HistoryEvent::Kind::BalloonTarget:
        return e.value ? tr("target %1").arg(units::formatKiB(quint64(qMax<qint64>(0, *e.value))))
                       : tr("target");
    case HistoryEvent::Kind::StatsPeriod:
        return e.value && *e.value > 0 ? tr("stats every %1 s").arg(*e.value) : tr("stats off");
    case HistoryEvent::Kind::Recording:
        return e.code ? tr("recording") : tr("not recording");
    case HistoryEvent::Kind::Note:
        break;
    }
    return e.text.left(24);
}

QString EventMarkers::tooltipLine(const HistoryEvent &e) {
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.timeMs),
                                            QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QString what = e.kind == HistoryEvent::Kind::Lifecycle
                             ? describeLifecycleEvent(e.code, e.detail)
                             : e.description();
    if (e.name.isEmpty() && e.uuid.isEmpty())
        return tr("%1  %2").arg(when, what);
    return tr("%1  %2: %3").arg(when, e.name.isEmpty() ? e.uuid : e.name, what);
}

QColor EventMarkers::colorOf(const HistoryEvent &e, bool dark) {
    switch (e.kind) {
    case HistoryEvent::Kind::Lifecycle:
        if (e.code == 2 || e.code == 4) // started, resumed
            return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
        return dark ? QColor(0xe5, 0x73, 0x73) : QColor(0xc6, 0x28, 0x28);
    case HistoryEvent::Kind::BalloonTarget:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xef, 0x6c, 0x00);
    case HistoryEvent::Kind::StatsPeriod:
        return dark ? QColor(0xba, 0x68, 0xc8) : QColor(0x6a, 0x1b, 0x9a);
    case HistoryEvent::Kind::Recording:
    case HistoryEvent::Kind::Note:
        break;
    }
    return dark ? QColor(0x90, 0xa4, 0xae) : QColor(0x60, 0x7d, 0x8b);
}

void EventMarkers::relayout() {
    clearItems();
    const QCPRange range = m_plot->xAxis->range();
    const bool dark =
        m_textColor.isValid() && m_textColor.lightness() > 128; // light text: dark theme
    for (int i = 0; i < m_events.size(); ++i) {
        const double key = double(m_events[i].timeMs) / 1000.0;
        if (key < range.lower || key > range.upper)
            continue;
        const double px = m_plot->xAxis->coordToPixel(key);
        if (!m_groups.isEmpty() && px - m_groups.constLast().pixel < GroupPixels)
            m_groups.last().events.append(i);
        else
            m_groups.append(Group{px, {i}});
    }
    double lastLabel = -1e9;
    for (const Group &g : std::as_const(m_groups)) {
        const HistoryEvent &first = m_events[g.events.first()];
        const QColor color = colorOf(first, dark);
        const double key = m_plot->xAxis->pixelToCoord(g.pixel);
        auto *line = new QCPItemStraightLine(m_plot);
        line->setLayer(LayerName);
        line->setSelectable(false);
        line->point1->setCoords(key, 0);
        line->point2->setCoords(key, 1);
        line->setPen(QPen(
            color, 1, first.kind == HistoryEvent::Kind::Recording ? Qt::DotLine : Qt::DashLine));
        m_items.append(line);
        if (g.pixel - lastLabel < LabelGapPixels)
            continue;
        lastLabel = g.pixel;
        auto *text = new QCPItemText(m_plot);
        text->setLayer(LayerName);
        text->setSelectable(false);
        text->setClipToAxisRect(true);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(key, 0);
        // Right of the line; left of it near the right edge, where it would be cut off.
        const bool nearEnd = g.pixel > m_plot->axisRect()->right() - LabelGapPixels;
        text->setPositionAlignment((nearEnd ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
        text->setPadding(QMargins(3, 1, 3, 1));
        QFont font = m_plot->font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        text->setFont(font);
        text->setColor(color);
        text->setText(g.events.size() == 1 ? label(first)
                                           : tr("%n event(s)", nullptr, int(g.events.size())));
        m_items.append(text);
    }
}

QList<double> EventMarkers::markerPixels() const {
    QList<double> out;
    for (const Group &g : m_groups)
        out.append(g.pixel);
    return out;
}

QString EventMarkers::tooltipAt(double x) const {
    for (const Group &g : m_groups) {
        if (std::abs(g.pixel - x) > HoverPixels)
            continue;
        QStringList lines;
        for (int i : g.events) {
            if (lines.size() == MaxTooltipLines) {
                lines.append(tr("… and %n more", nullptr, int(g.events.size()) - MaxTooltipLines));
                break;
            }
            lines.append(tooltipLine(m_events[i]));
        }
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

} // namespace bs::gui
