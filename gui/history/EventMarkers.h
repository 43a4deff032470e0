#pragma once

#include "history/HistoryEvent.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QCustomPlot;
class QCPAbstractItem;

namespace bs::gui {

// The history chart's event markers: a dashed vertical line per event (lifecycle, balloon target,
// stats period, recording started/stopped) with a short label at the top, and the full
// descriptions as a tooltip. Events closer than a few pixels share one marker ("3 events"), so
// dense stretches stay readable; relayout() regroups them when the time axis changes.
class EventMarkers {
    Q_DECLARE_TR_FUNCTIONS(bs::gui::EventMarkers)

public:
    explicit EventMarkers(QCustomPlot *plot);
    ~EventMarkers();
    EventMarkers(const EventMarkers &) = delete;
    EventMarkers &operator=(const EventMarkers &) = delete;

    void setEvents(const QList<HistoryEvent> &events);
    const QList<HistoryEvent> &events() const { return m_events; }
    void setTextColor(const QColor &color);
    // Rebuilds the marker items for the axis' current range and width (no replot).
    void relayout();

    // The tooltip for the marker within a few pixels of x (widget coordinates), or empty.
    QString tooltipAt(double x) const;
    // Markers drawn (groups of events), and the pixel x of each.
    int markerCount() const { return int(m_groups.size()); }
    QList<double> markerPixels() const;

    static QString label(const HistoryEvent &event);
    static QString tooltipLine(const HistoryEvent &event);
    static QColor colorOf(const HistoryEvent &event, bool dark);

private:
    struct Group {
        double pixel = 0;
        QList<int> events; // indexes into m_events
    };
    void clearItems();

    QCustomPlot *m_plot;
    QList<HistoryEvent> m_events; // in time order
    QList<Group> m_groups;
    QList<QCPAbstractItem *> m_items;
    QColor m_textColor;
};

} // namespace bs::gui
