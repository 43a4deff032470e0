#include "PressureLane.h"

#include "ChartPalette.h"

#include <qcustomplot.h>

#include <cmath>

namespace bs::gui {

namespace {

constexpr int RateGraphs = 3;

double value(const PressureLanePoint &p, int graph) {
    switch (graph) {
    case 0:
        return p.swapInKiBps;
    case 1:
        return p.swapOutKiBps;
    case 2:
        return p.majorFaultsPerSecond;
    case 3:
        return p.psiSomePercent;
    default:
        return p.psiFullPercent;
    }
}

} // namespace

PressureLane::PressureLane(QCustomPlot *plot, QCPAxisRect *rect)
    : m_plot(plot)
    , m_rect(rect) {
    m_rect->axis(QCPAxis::atLeft)
        ->setLabel(QCoreApplication::translate("bs::gui::PressureLane", "Pressure"));
    m_rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(3);
    m_rect->axis(QCPAxis::atRight)
        ->setLabel(QCoreApplication::translate("bs::gui::PressureLane", "PSI (%)"));
    m_rect->axis(QCPAxis::atRight)->ticker()->setTickCount(3);
    const QString names[] = {
        QCoreApplication::translate("bs::gui::PressureLane", "Swap-in (KiB/s)"),
        QCoreApplication::translate("bs::gui::PressureLane", "Swap-out (KiB/s)"),
        QCoreApplication::translate("bs::gui::PressureLane", "Major faults (/s)"),
        QCoreApplication::translate("bs::gui::PressureLane", "Memory pressure, some (%)"),
        QCoreApplication::translate("bs::gui::PressureLane", "Memory pressure, full (%)")};
    const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::SolidLine,
                                   Qt::DashDotLine};
    for (int i = 0; i < int(m_graphs.size()); ++i) {
        QCPAxis *valueAxis = m_rect->axis(i < RateGraphs ? QCPAxis::atLeft : QCPAxis::atRight);
        QCPGraph *graph = m_plot->addGraph(m_rect->axis(QCPAxis::atBottom), valueAxis);
        graph->setName(names[i]);
        QPen pen;
        pen.setStyle(styles[i]);
        // 1 px: the raster engine's fast path, dashed lines included (LiveChart's pens).
        pen.setWidthF(1.0);
        graph->setPen(pen);
        if (i < RateGraphs)
            graph->setLineStyle(QCPGraph::lsStepRight); // a rate holds between two reports
        m_graphs[size_t(i)] = graph;
    }
}

void PressureLane::applyPalette(const ChartPalette &p) {
    for (QCPAxis *axis : m_rect->axes())
        p.styleAxis(axis);
    const QColor colours[] = {p.rss, p.actual, p.used, p.available, p.usedExcludingCache};
    for (int i = 0; i < int(m_graphs.size()); ++i) {
        QPen pen = m_graphs[size_t(i)]->pen();
        pen.setColor(colours[i]);
        m_graphs[size_t(i)]->setPen(pen);
    }
}

void PressureLane::setShown(bool shown) {
    m_shown = shown;
    // Out of the layout it would still be drawn where it last was: hide it, axes and grid too.
    m_rect->setVisible(shown);
    for (QCPAxis *axis : {m_rect->axis(QCPAxis::atBottom), m_rect->axis(QCPAxis::atLeft)}) {
        axis->setVisible(shown);
        axis->grid()->setVisible(shown);
    }
    for (int i = 0; i < RateGraphs; ++i)
        showGraph(m_graphs[size_t(i)], shown);
    showPsi(shown && m_psiShown);
}

void PressureLane::showPsi(bool shown) {
    QCPAxis *axis = m_rect->axis(QCPAxis::atRight);
    axis->setVisible(shown);
    for (int i = RateGraphs; i < int(m_graphs.size()); ++i)
        showGraph(m_graphs[size_t(i)], shown);
}

void PressureLane::setPoints(const QList<PressureLanePoint> &points, double start, double end) {
    std::array<QVector<QCPGraphData>, 5> lines;
    double rateTop = 1.0;
    double psiTop = 1.0;
    bool psi = false;
    for (const PressureLanePoint &p : points) {
        const double t = double(p.timeMs) / 1000.0;
        for (int i = 0; i < int(lines.size()); ++i) {
            const double v = value(p, i);
            // A lane line breaks only where the figure is missing at a point that has another.
            lines[size_t(i)].append(QCPGraphData(t, v));
            if (std::isnan(v) || t < start)
                continue;
            if (i < RateGraphs) {
                rateTop = std::max(rateTop, v);
            } else {
                psiTop = std::max(psiTop, v);
                psi = true;
            }
        }
    }
    for (int i = 0; i < int(lines.size()); ++i)
        m_graphs[size_t(i)]->data()->set(lines[size_t(i)], true);
    m_psiShown = psi || std::any_of(points.cbegin(), points.cend(),
                                    [](const PressureLanePoint &p) { return p.hasPsi(); });
    showPsi(m_shown && m_psiShown);
    m_rect->axis(QCPAxis::atBottom)->setRange(start, end);
    m_rect->axis(QCPAxis::atLeft)->setRange(0, rateTop * 1.15);
    m_rect->axis(QCPAxis::atRight)->setRange(0, std::min(100.0, psiTop * 1.15));
}

int PressureLane::ratePointCount() const {
    return m_graphs[0]->data()->size();
}

int PressureLane::psiPointCount() const {
    int n = 0;
    for (auto it = m_graphs[3]->data()->constBegin(); it != m_graphs[3]->data()->constEnd(); ++it)
        n += std::isnan(it->value) ? 0 : 1;
    return n;
}

} // namespace bs::gui
