#include "LiveChart.h"

#include "ChartPalette.h"
#include "PressureLane.h"
#include "report/ChartStyle.h"
#include "report/HistoryChart.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QShowEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace bs::gui {

namespace {

constexpr int ReplotDelayMs = 40; // ≤ 25 repaints per second

} // namespace

LiveChart::LiveChart(const RecentSeries *source, QWidget *parent)
    : QWidget(parent)
    , m_source(source)
    , m_plot(new QCustomPlot(this))
    , m_title(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_processNote(new QLabel(this))
    , m_window(new QComboBox(this))
    , m_unit(new QComboBox(this)) {
    // One paint buffer, not two: nothing is drawn on the overlay layer apart from the rest, and
    // its own buffer is a plot-sized pixmap (1.8 MiB at 1100×420).
    if (QCPLayer *overlay = m_plot->layer(QStringLiteral("overlay")))
        overlay->setMode(QCPLayer::lmLogical);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    bar->addWidget(m_title, 1);
    bar->addWidget(new QLabel(tr("Window:"), this));
    m_window->addItem(tr("5 minutes"), 5 * 60);
    m_window->addItem(tr("15 minutes"), 15 * 60);
    m_window->addItem(tr("1 hour"), 60 * 60);
    m_window->addItem(tr("2 hours"), 2 * 60 * 60);
    m_window->setCurrentIndex(1);
    bar->addWidget(m_window);
    bar->addWidget(new QLabel(tr("Unit:"), this));
    m_unit->addItem(tr("Auto"), int(units::SizeUnit::Auto));
    m_unit->addItem(QStringLiteral("MiB"), int(units::SizeUnit::MiB));
    m_unit->addItem(QStringLiteral("GiB"), int(units::SizeUnit::GiB));
    bar->addWidget(m_unit);
    layout->addLayout(bar);
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::RichText);
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border: "
                                           "1px solid palette(mid); padding: 4px; }"));
    m_notice->hide();
    layout->addWidget(m_notice);
    layout->addWidget(m_plot, 1);
    m_processNote->setWordWrap(true);
    m_processNote->setForegroundRole(QPalette::PlaceholderText);
    m_processNote->hide();
    layout->addWidget(m_processNote);

    m_plot->setMinimumHeight(180);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    ticker->setDateTimeSpec(Qt::LocalTime);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setLabel(tr("Time"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setSelectableParts(QCPLegend::spItems);
    // The legend goes under the plot, in rows, so it never hides the newest data.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(3);
    m_plot->legend->setMargins(QMargins(6, 2, 6, 2));
    m_plot->setInteraction(QCP::iSelectLegend, false);

    const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::SolidLine, Qt::DotLine,
                                   Qt::DashDotLine};
    for (int i = 0; i < RecentSeries::SeriesCount; ++i) {
        const Metric metric = RecentSeries::Metrics[size_t(i)];
        QCPGraph *graph = m_plot->addGraph();
        graph->setName(metricName(metric)); // the History page's names too
        graph->setAdaptiveSampling(true);
        QPen pen;
        pen.setStyle(styles[i]);
        // The other series at 1 px: Qt's raster engine draws lines up to 1 px wide (dashed
        // too) on its fast path, and wider dashed lines through its stroker, five times slower:
        // 6.9 → 1.4 ms a replot, every poll while shown (docs/PERFORMANCE.md, issue 18).
        pen.setWidthF(metric == Metric::Used ? 2.2 : 1.0);
        graph->setPen(pen);
        if (metric == Metric::Actual)
            graph->setLineStyle(QCPGraph::lsStepLeft);
        m_graphs[size_t(i)] = graph;
    }
    // The pressure lane: its own axes, the memory chart's time range, aligned on the left.
    m_lane = new QCPAxisRect(m_plot);
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_lane->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_lane->axis(QCPAxis::atBottom)->setTicker(ticker);
    m_lane->axis(QCPAxis::atBottom)->setLabel(tr("Time"));
    m_lane->setMinimumSize(QSize(0, 70));
    m_lane->setMaximumSize(QSize(QWIDGETSIZE_MAX, 110));
    m_pressureLane = std::make_unique<PressureLane>(m_plot, m_lane);
    // Not in the layout yet: shown (showLane) only for a guest with pressure figures.
    m_pressureLane->setShown(false);
    m_plot->xAxis->setTickLabels(true);
    applyPalette();

    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(ReplotDelayMs);
    connect(&m_replotTimer, &QTimer::timeout, this, &LiveChart::refresh);
    connect(m_plot, &QCustomPlot::legendClick, this, &LiveChart::legendClicked);
    connect(m_window, &QComboBox::currentIndexChanged, this, &LiveChart::windowChanged);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &LiveChart::scheduleRebuild);
    clearGuest();
}

LiveChart::~LiveChart() {
    showLane(true); // in the layout again, so that the plot deletes it with the rest
}

void LiveChart::applyPalette() {
    const ChartPalette p = ChartPalette::fromPalette(palette());
    m_plot->setBackground(p.background);
    m_plot->legend->setBrush(
        QColor(p.background.red(), p.background.green(), p.background.blue(), 220));
    m_plot->legend->setTextColor(p.foreground);
    m_plot->legend->setBorderPen(QPen(p.grid));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        p.styleAxis(axis);
    const QColor colours[] = {p.used, p.usedExcludingCache, p.actual, p.available, p.rss};
    for (int i = 0; i < RecentSeries::SeriesCount; ++i) {
        QPen pen = m_graphs[size_t(i)]->pen();
        pen.setColor(colours[i]);
        m_graphs[size_t(i)]->setPen(pen);
    }
    if (m_pressureLane)
        m_pressureLane->applyPalette(p);
    scheduleReplot();
}

void LiveChart::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void LiveChart::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_pending) // what arrived while hidden, in one replot
        m_replotTimer.start();
}

void LiveChart::showGuest(const QString &hostId, const QString &uuid, const QString &name) {
    m_hostId = hostId;
    m_uuid = uuid;
    m_name = name;
    m_title->setText(tr("Memory of %1").arg(name));
    setProcessNote(hostId, m_processNotes.value(hostId));
    scheduleRebuild();
}

void LiveChart::setProcessNote(const QString &hostId, const QString &note) {
    if (note.isEmpty())
        m_processNotes.remove(hostId);
    else
        m_processNotes.insert(hostId, note);
    if (hostId != m_hostId)
        return;
    m_processNote->setText(note);
    m_processNote->setVisible(!note.isEmpty() && !m_uuid.isEmpty());
}

QString LiveChart::processNote() const {
    return m_processNote->isVisibleTo(this) ? m_processNote->text() : QString();
}

void LiveChart::setPressure(const QString &hostId, const QString &uuid,
                            QList<PressureLanePoint> points) {
    m_pressureHostId = hostId;
    m_pressureUuid = uuid;
    m_pressure = std::move(points);
    scheduleReplot();
}

int LiveChart::pressurePointCount() const {
    return m_laneShown ? m_pressureLane->ratePointCount() : 0;
}

int LiveChart::pressurePsiPointCount() const {
    return m_laneShown ? m_pressureLane->psiPointCount() : 0;
}

void LiveChart::showLane(bool shown) {
    if (shown == m_laneShown)
        return;
    m_laneShown = shown;
    QCPLayoutGrid *layout = m_plot->plotLayout();
    if (shown) {
        layout->insertRow(1);
        layout->addElement(1, 0, m_lane);
        layout->setRowStretchFactor(1, 0.35);
    } else {
        layout->take(m_lane);
        layout->simplify();
    }
    m_pressureLane->setShown(shown);
    // One time axis: under the lane when it is shown.
    m_plot->xAxis->setTickLabels(!shown);
    m_plot->xAxis->setLabel(shown ? QString() : tr("Time"));
}

void LiveChart::fillLane(double start, double end) {
    const bool mine = m_pressureHostId == m_hostId && m_pressureUuid == m_uuid && !m_uuid.isEmpty();
    showLane(mine && !m_pressure.isEmpty());
    if (!m_laneShown)
        return;
    m_pressureLane->setPoints(m_pressure, start, end);
}

void LiveChart::clearGuest() {
    m_hostId.clear();
    m_uuid.clear();
    m_name.clear();
    m_title->setText(tr("Select a guest to chart its memory"));
    setNotice({});
    m_processNote->hide();
    scheduleRebuild();
}

QString LiveChart::notice() const {
    return m_notice->text();
}

void LiveChart::setNotice(const QString &text) {
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void LiveChart::setUnit(units::SizeUnit unit) {
    const int index = m_unit->findData(int(unit));
    if (index >= 0)
        m_unit->setCurrentIndex(index);
}

void LiveChart::dataArrived(const QString &hostId) {
    if (hostId == m_hostId)
        scheduleReplot();
}

void LiveChart::scheduleReplot() {
    if (!isVisible()) {
        m_pending = true;
        m_replotTimer.stop();
        return;
    }
    if (!m_replotTimer.isActive())
        m_replotTimer.start();
}

void LiveChart::scheduleRebuild() {
    m_needsRebuild = true;
    scheduleReplot();
}

void LiveChart::windowChanged() {
    scheduleReplot();
}

bool LiveChart::isSeriesVisible(Metric metric) const {
    const int index = RecentSeries::indexOf(metric);
    return index >= 0 && m_graphs[size_t(index)]->visible();
}

int LiveChart::pointCount(Metric metric) const {
    const int index = RecentSeries::indexOf(metric);
    return index < 0 ? 0 : m_graphs[size_t(index)]->data()->size();
}

units::SizeUnit LiveChart::unitChoice() const {
    return units::SizeUnit(m_unit->currentData().toInt());
}

void LiveChart::refresh() {
    if (!isVisible()) { // hidden since scheduled
        m_pending = true;
        return;
    }
    m_pending = false;
    // Pick the unit from the largest value shown, unless the user fixed one.
    double maxKiB = 0;
    for (int i = 0; i < RecentSeries::SeriesCount; ++i) {
        if (!m_graphs[size_t(i)]->visible())
            continue;
        for (const auto &point : m_source->series(m_hostId, m_uuid, RecentSeries::Metrics[i])) {
            if (!std::isnan(point.kib))
                maxKiB = std::max(maxKiB, point.kib);
        }
    }
    const units::SizeUnit unit = units::axisUnit(maxKiB, unitChoice());
    syncGraphs(unit, m_needsRebuild || unit != m_shownUnit);
    m_needsRebuild = false;
    m_shownUnit = unit;
    const double divisor =
        unit == units::SizeUnit::GiB ? double(units::KiBPerGiB) : double(units::KiBPerMiB);
    m_plot->yAxis->setLabel(tr("Memory (%1)").arg(units::unitSuffix(unit)));
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double span = m_window->currentData().toDouble();
    const double end = std::max(now, double(m_source->lastTimeMs(m_hostId, m_uuid)) / 1000.0);
    // Until the data fills the window, show what there is (at least a minute), not a mostly
    // empty window with everything squeezed against its right edge.
    double first = end;
    for (Metric metric : RecentSeries::Metrics) {
        const auto &series = m_source->series(m_hostId, m_uuid, metric);
        if (!series.empty())
            first = std::min(first, double(series.front().timeMs) / 1000.0);
    }
    const double start = std::max(end - span, std::min(first, end - 60.0));
    m_plot->xAxis->setRange(start, end + (end - start) * 0.02);
    fillLane(start, end + (end - start) * 0.02);
    m_plot->yAxis->setRange(0, maxKiB > 0 ? maxKiB / divisor * 1.12 : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
    ++m_replots;
}

void LiveChart::syncGraphs(units::SizeUnit unit, bool rebuild) {
    const double divisor =
        unit == units::SizeUnit::GiB ? double(units::KiBPerGiB) : double(units::KiBPerMiB);
    const auto graphPoint = [divisor](const RecentSeries::Point &point) {
        return QCPGraphData(double(point.timeMs) / 1000.0, point.kib / divisor);
    };
    for (int i = 0; i < RecentSeries::SeriesCount; ++i) {
        const auto &series = m_source->series(m_hostId, m_uuid, RecentSeries::Metrics[i]);
        QCPGraphDataContainer &graphData = *m_graphs[size_t(i)]->data();
        qint64 &until = m_graphedUntilMs[size_t(i)];
        if (rebuild || series.empty()) {
            QVector<QCPGraphData> points;
            points.reserve(int(series.size()));
            for (const auto &point : series)
                points.append(graphPoint(point));
            graphData.set(points, true);
        } else {
            // The series only grows at its end and drops from its front (RecentSeries).
            auto from = series.cend();
            while (from != series.cbegin() && std::prev(from)->timeMs > until)
                --from;
            QVector<QCPGraphData> points;
            points.reserve(int(series.cend() - from));
            for (auto it = from; it != series.cend(); ++it)
                points.append(graphPoint(*it));
            if (!points.isEmpty())
                graphData.add(points, true);
            graphData.removeBefore(double(series.front().timeMs) / 1000.0);
        }
        until = series.empty() ? 0 : series.back().timeMs;
    }
    if (rebuild)
        ++m_rebuilds;
}

ChartData LiveChart::exportChart() const {
    ChartData chart;
    // The unit on screen, not the choice: the file holds only the window's points, and its axis
    // must read as the screen's even where an older, larger point set the screen's unit.
    chart.sizeUnit = m_shownUnit;
    chart.fromMs = qint64(std::llround(m_plot->xAxis->range().lower * 1000.0));
    chart.toMs = qint64(std::llround(m_plot->xAxis->range().upper * 1000.0));
    chart.title = m_title->text();
    chart.provenance.source = QStringLiteral("live");
    chart.provenance.hostId = m_hostId;
    chart.provenance.uuid = m_uuid;
    chart.provenance.guestName = m_name;
    if (m_uuid.isEmpty())
        return chart;
    chart.subtitle = HistoryChart::subtitle(m_hostId, chart.fromMs, chart.toMs);
    // The points the chart draws: every visible series, within the window on screen.
    for (int i = 0; i < RecentSeries::SeriesCount; ++i) {
        if (!m_graphs[size_t(i)]->visible())
            continue;
        const Metric metric = RecentSeries::Metrics[size_t(i)];
        ChartSeries series = metricSeries(metric);
        series.name = m_graphs[size_t(i)]->name();
        series.band = false; // live points are single polls: no envelope
        for (const auto &point : m_source->series(m_hostId, m_uuid, metric)) {
            if (point.timeMs < chart.fromMs || point.timeMs > chart.toMs)
                continue;
            series.points.append(EnvelopePoint{point.timeMs, point.kib, point.kib, point.kib});
        }
        chart.series.append(series);
    }
    return chart;
}

void LiveChart::legendClicked(QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) {
    auto *plItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plItem)
        return;
    QCPAbstractPlottable *plottable = plItem->plottable();
    plottable->setVisible(!plottable->visible());
    const ChartPalette p = ChartPalette::fromPalette(palette());
    plItem->setTextColor(plottable->visible() ? p.foreground : p.grid);
    scheduleReplot(); // the unit may change with what is shown (refresh rebuilds then)
}

} // namespace bs::gui
