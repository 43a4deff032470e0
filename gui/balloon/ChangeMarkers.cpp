#include "ChangeMarkers.h"

#include "charts/ChartPalette.h"
#include "charts/LiveChart.h"

#include <qcustomplot.h>

namespace bs::gui {

ChangeMarkers::ChangeMarkers(LiveChart *chart, QObject *parent)
    : QObject(parent)
    , m_chart(chart) {}

ChangeMarkers::~ChangeMarkers() {
    clearItems();
}

void ChangeMarkers::add(const BalloonChangeEvent &event) {
    m_events.append(event);
    if (m_events.size() > MaxEvents)
        m_events.remove(0, m_events.size() - MaxEvents);
    if (event.hostId == m_hostId && event.uuid == m_uuid)
        rebuild();
}

void ChangeMarkers::showGuest(const QString &hostId, const QString &uuid) {
    if (hostId == m_hostId && uuid == m_uuid)
        return;
    m_hostId = hostId;
    m_uuid = uuid;
    rebuild();
}

void ChangeMarkers::removeGuests(const QString &hostId, const QStringList &uuids) {
    m_events.removeIf(
        [&](const BalloonChangeEvent &e) { return e.hostId == hostId && uuids.contains(e.uuid); });
    if (hostId == m_hostId && uuids.contains(m_uuid))
        showGuest({}, {});
}

QStringList ChangeMarkers::labels() const {
    QStringList out;
    for (QCPAbstractItem *item : m_items) {
        if (auto *text = qobject_cast<QCPItemText *>(item))
            out << text->text();
    }
    return out;
}

void ChangeMarkers::clearItems() {
    if (m_chart) {
        for (QCPAbstractItem *item : std::as_const(m_items))
            m_chart->plot()->removeItem(item);
    }
    m_items.clear();
}

void ChangeMarkers::rebuild() {
    clearItems();
    if (!m_chart)
        return;
    QCustomPlot *plot = m_chart->plot();
    // Group the guest's changes that happened together (live and persistent parts of one apply).
    QList<QPair<qint64, QStringList>> groups;
    for (const BalloonChangeEvent &e : std::as_const(m_events)) {
        if (e.hostId != m_hostId || e.uuid != m_uuid)
            continue;
        if (!groups.isEmpty() && e.timeMs - groups.last().first <= GroupWithinMs)
            groups.last().second << e.description();
        else
            groups.append({e.timeMs, {e.description()}});
    }
    const ChartPalette palette = ChartPalette::fromPalette(m_chart->palette());
    QPen pen(palette.foreground, 1.2, Qt::DashLine);
    for (const auto &[timeMs, lines] : std::as_const(groups)) {
        const double x = double(timeMs) / 1000.0;
        auto *line = new QCPItemStraightLine(plot);
        line->setPen(pen);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        auto *label = new QCPItemText(plot);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(x, 0.02);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        label->setTextAlignment(Qt::AlignRight);
        label->setPadding(QMargins(4, 2, 4, 2));
        label->setColor(palette.foreground);
        label->setBrush(QColor(palette.background.red(), palette.background.green(),
                               palette.background.blue(), 200));
        label->setText(lines.join(u'\n'));
        m_items << line << label;
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace bs::gui
