#pragma once

#include "common/Units.h"
#include "health/PressureLane.h"
#include "monitor/RecentSeries.h"
#include "report/ChartExportSource.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QCPAbstractLegendItem;
class QComboBox;
class QLabel;
class QMouseEvent;

namespace bs::gui {

class PressureLane;

// The live chart of one guest: used, used excluding cache, actual, available and RSS over the
// last minutes, and under it the pressure lane (PressureLane: swap-in and swap-out in KiB/s,
// major faults a second, between the guest's reports; the host's PSI of the guest's cgroup)
// when the guest reports those counters or the host shows its PSI. Clicking a legend
// entry hides or shows its series. Repaints are coalesced by a 40 ms single-shot timer, so bursts
// of data never repaint more than 25 times a second. Per poll it costs nothing while hidden (an
// other tab on top): it catches up once when shown again. Shown, it appends the charted guest's
// new points (and drops those the recent series dropped); it rebuilds its graphs only for
// another guest or another unit. Exportable (ChartExportSource): the visible series' points
// within the window on screen.
class LiveChart final : public QWidget, public ChartExportSource {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChart)

public:
    explicit LiveChart(const RecentSeries *source, QWidget *parent = nullptr);
    ~LiveChart() override;

    void showGuest(const QString &hostId, const QString &uuid, const QString &name);
    void clearGuest();
    // New data arrived for `hostId`: redraw soon if the chart shows one of its guests.
    void dataArrived(const QString &hostId);
    void setNotice(const QString &text);
    QString notice() const;
    void setUnit(units::SizeUnit unit);

    // The pressure lane's points for one guest (shown when it is the charted one); a NaN is a
    // figure the guest did not report. No point at all: the lane is hidden.
    void setPressure(const QString &hostId, const QString &uuid, QList<PressureLanePoint> points);
    bool isPressureLaneShown() const { return m_laneShown; }
    int pressurePointCount() const;
    int pressurePsiPointCount() const;
    // Why a host's guests have no swap or memory pressure figures (ProcessFiguresStatus::note),
    // shown under the chart while it charts a guest of that host; empty: nothing missing.
    void setProcessNote(const QString &hostId, const QString &note);
    QString processNote() const;

    QCustomPlot *plot() const { return m_plot; }
    int replotCount() const { return m_replots; }
    // How many replots rebuilt every graph from the recent series (the others appended).
    int rebuildCount() const { return m_rebuilds; }
    bool isSeriesVisible(Metric metric) const;
    int pointCount(Metric metric) const;
    // The unit box: Auto, MiB or GiB (units::axisUnit applies it).
    units::SizeUnit unitChoice() const;
    // The unit the value axis reads in now (MiB or GiB).
    units::SizeUnit shownUnit() const { return m_shownUnit; }
    ChartData exportChart() const override;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Something to draw changed: replot soon if on screen, else when shown again.
    void scheduleReplot();
    // The guest or the unit changed: the next replot rebuilds the graphs.
    void scheduleRebuild();
    void refresh();
    // Brings the graphs up to the recent series in `unit`: every point anew, or only the new.
    void syncGraphs(units::SizeUnit unit, bool rebuild);
    void applyPalette();
    void legendClicked(QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *event);
    void windowChanged();
    void showLane(bool shown);
    void fillLane(double start, double end);

    const RecentSeries *m_source;
    QCustomPlot *m_plot;
    QLabel *m_title;
    QLabel *m_notice;
    QLabel *m_processNote;
    QHash<QString, QString> m_processNotes; // by host
    QComboBox *m_window;
    QComboBox *m_unit;
    std::array<QCPGraph *, RecentSeries::SeriesCount> m_graphs{};
    QCPAxisRect *m_lane = nullptr;
    std::unique_ptr<PressureLane> m_pressureLane;
    bool m_laneShown = false;
    QString m_pressureHostId;
    QString m_pressureUuid;
    QList<PressureLanePoint> m_pressure;
    QTimer m_replotTimer;
    QString m_hostId;
    QString m_uuid;
    QString m_name;
    units::SizeUnit m_shownUnit = units::SizeUnit::MiB;
    bool m_pending = false;     // data or looks changed while hidden
    bool m_needsRebuild = true; // the graphs hold another guest's points, or none yet
    // Per series: the time of the last point in its graph.
    std::array<qint64, RecentSeries::SeriesCount> m_graphedUntilMs{};
    int m_replots = 0;
    int m_rebuilds = 0;
};

} // namespace bs::gui
