#pragma once

#include <QObject>
#include <QPoint>

#include <functional>

class QCustomPlot;
class QCPItemStraightLine;
class QLabel;

namespace bs::gui {

// A vertical line that follows the mouse over a history chart, with a box listing the values
// under it (rich text from the chart) and, near an event marker, that marker's events in the same
// box (a separate tooltip would cover the values). Drawn on the plot's buffered "overlay" layer,
// so moving it repaints that layer only, not the data.
class ChartCrosshair final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartCrosshair)

public:
    // valuesAt(key): the box's rich text for plot key (seconds); markerTip(pixel x): a marker's
    // tooltip there, or empty.
    ChartCrosshair(QCustomPlot *plot, std::function<QString(double)> valuesAt,
                   std::function<QString(double)> markerTip, QObject *parent = nullptr);

    void moveTo(const QPoint &pos); // widget coordinates of the plot
    void hide();
    bool isShown() const;
    QString text() const; // the box's current text, for tests

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QCustomPlot *m_plot;
    std::function<QString(double)> m_valuesAt;
    std::function<QString(double)> m_markerTip;
    QCPItemStraightLine *m_line;
    QLabel *m_box;
};

} // namespace bs::gui
