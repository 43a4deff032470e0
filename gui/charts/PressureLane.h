#pragma once

#include "health/PressureLane.h"

#include <QList>

#include <array>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;

namespace bs::gui {

struct ChartPalette;

// The pressure lane's drawing, in an axis rect of a plot it does not own (the live chart's
// second rect, the History page's lane plot): swap-in and swap-out (KiB/s) and major faults
// (/s) on the left axis, as steps (a rate holds between two reports); the host's PSI of the
// guest's cgroup (some, full; %) on the right axis, shown only when there is PSI.
class PressureLane {
public:
    PressureLane(QCustomPlot *plot, QCPAxisRect *rect);

    // `start`/`end` in seconds since the epoch (the plot's time keys).
    void setPoints(const QList<PressureLanePoint> &points, double start, double end);
    // Out of sight (axes, grid, graphs, legend entries) or back.
    void setShown(bool shown);
    void applyPalette(const ChartPalette &palette);

    int ratePointCount() const; // points of the swap-in line
    int psiPointCount() const;  // points of the PSI "some" line
    QCPAxisRect *rect() const { return m_rect; }

private:
    void showPsi(bool shown);

    QCustomPlot *m_plot;
    QCPAxisRect *m_rect;
    std::array<QCPGraph *, 5> m_graphs{}; // swap-in, swap-out, major faults, PSI some, full
    bool m_shown = true;
    bool m_psiShown = true;
};

} // namespace bs::gui
