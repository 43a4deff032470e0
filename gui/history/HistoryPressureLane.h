#pragma once

#include "health/PressureLane.h"

#include <QWidget>

#include <memory>

class QCustomPlot;
class QLabel;

namespace bs::gui {

class PressureLane;

// The History page's pressure lane, under the guests' chart and on its time range: for one
// guest (the first ticked), its swap-in/swap-out and major-fault rates from the recorded
// counters (growth between buckets) and the host's PSI of its cgroup where it was recorded.
// Says so when the range holds none of these.
class HistoryPressureLane final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPressureLane)

public:
    explicit HistoryPressureLane(QWidget *parent = nullptr);
    ~HistoryPressureLane() override;

    // The guest the lane is for ("" = none ticked: the lane says so).
    void setGuest(const QString &name);
    // One guest's series of pressureLaneMetrics().
    void setSeries(const QList<Series> &series);
    void setTimeRange(qint64 fromMs, qint64 toMs);

    bool isPlotShown() const;
    int ratePointCount() const;
    int psiPointCount() const;
    QString noteText() const;
    QCustomPlot *plot() const { return m_plot; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void applyPalette();

    QLabel *m_title;
    QLabel *m_note;
    QCustomPlot *m_plot;
    std::unique_ptr<PressureLane> m_lane;
    QString m_guest;
    QList<PressureLanePoint> m_points;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace bs::gui
