#pragma once

#include "common/Units.h"
#include "monitor/RecentSeries.h"
#include "report/ChartExportSource.h"

#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPLegend;
class QCPAbstractLegendItem;
class QComboBox;
class QLabel;
class QMouseEvent;

namespace bs::gui {

// The live chart of one guest: used, used excluding cache, actual, available and RSS over the
// last minutes. Clicking a legend entry hides or shows its series. Repaints are coalesced by a
// 40 ms single-shot timer, so bursts of data never repaint more than 25 times a second.
// Exportable (ChartExportSource): the visible series' points within the window on screen.
class LiveChart final : public QWidget, public ChartExportSource {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChart)

public:
    explicit LiveChart(const RecentSeries *source, QWidget *parent = nullptr);

    void showGuest(const QString &hostId, const QString &uuid, const QString &name);
    void clearGuest();
    // New data arrived for `hostId`: redraw soon if the chart shows one of its guests.
    void dataArrived(const QString &hostId);
    void setNotice(const QString &text);
    QString notice() const;
    void setUnit(units::SizeUnit unit);

    QCustomPlot *plot() const { return m_plot; }
    int replotCount() const { return m_replots; }
    bool isSeriesVisible(Metric metric) const;
    int pointCount(Metric metric) const;
    // The unit box: Auto, MiB or GiB (units::axisUnit applies it).
    units::SizeUnit unitChoice() const;
    // The unit the value axis reads in now (MiB or GiB).
    units::SizeUnit shownUnit() const { return m_shownUnit; }
    ChartData exportChart() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleReplot();
    void rebuild();
    void applyPalette();
    void legendClicked(QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *event);
    void windowChanged();

    const RecentSeries *m_source;
    QCustomPlot *m_plot;
    QLabel *m_title;
    QLabel *m_notice;
    QComboBox *m_window;
    QComboBox *m_unit;
    std::array<QCPGraph *, RecentSeries::SeriesCount> m_graphs{};
    QTimer m_replotTimer;
    QString m_hostId;
    QString m_uuid;
    QString m_name;
    units::SizeUnit m_shownUnit = units::SizeUnit::MiB;
    int m_replots = 0;
};

} // namespace bs::gui
