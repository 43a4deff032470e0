#pragma once

#include "balloon/BalloonChangeEvent.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QCPAbstractItem;

namespace bs::gui {

class LiveChart;

// The balloon changes of the charted guest as event markers on the live chart: a dashed vertical
// line at the time of the change, labelled with what changed ("Stats period (live): off → 5 s").
// Changes made within a few seconds of each other share one marker. Keeps the latest changes of
// every guest (bounded), so a guest charted later still shows its markers while they are in the
// chart's window. Items are added to the chart's QCustomPlot; LiveChart itself is not touched.
class ChangeMarkers final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeMarkers)

public:
    explicit ChangeMarkers(LiveChart *chart, QObject *parent = nullptr);
    ~ChangeMarkers() override;

    void add(const bs::BalloonChangeEvent &event);
    void showGuest(const QString &hostId, const QString &uuid);
    void removeGuests(const QString &hostId, const QStringList &uuids);

    int markerCount() const { return int(m_items.size() / 2); } // a line and a label each
    QStringList labels() const;

    static constexpr int MaxEvents = 500;
    static constexpr qint64 GroupWithinMs = 5000;

private:
    void rebuild();
    void clearItems();

    QPointer<LiveChart> m_chart;
    QList<BalloonChangeEvent> m_events; // oldest first
    QString m_hostId;
    QString m_uuid;
    QList<QCPAbstractItem *> m_items;
};

} // namespace bs::gui
