#include "EnvelopeChart.h"

#include "ChartCrosshair.h"
#include "ChartValues.h"
#include "EnvelopeBands.h"
#include "EventMarkers.h"
#include "HistoryChartData.h"
#include "charts/ChartPalette.h"
#include "report/HistoryChart.h"

#include <QDateTime>
#include <QEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace bs::gui {

namespace {

constexpr int ReplotDelayMs = 40;     // ≤ 25 repaints per second
constexpr double MinSpanSeconds = 20; // zooming in stops here
constexpr double MaxSpanSeconds = 5 * 366 * 86400.0;
constexpr int HeadroomPixels = 22; // above the highest visible value: the markers' labels
constexpr int LeftMargin = 78;     // pixels: room for "1,000.5" and the axis label
const QString BandLayer = QStringLiteral("bands");

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

EnvelopeChart::EnvelopeChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(160);
    m_plot->addLayer(BandLayer, m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    m_plot->xAxis->setTicker(ticker);
    m_plot->legend->setVisible(true);
    m_plot->legend->setSelectableParts(QCPLegend::spItems);
    // Under the plot, in rows, so it never hides data.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(4);
    m_plot->legend->setMargins(QMargins(6, 2, 6, 2));
    // An empty legend's maximum width is its margins, and a layout column is as narrow as its
    // narrowest element's maximum: without a maximum of its own, a chart with no series would
    // squeeze its axis rect to its 50-pixel minimum. Half of QWIDGETSIZE_MAX, because QCustomPlot
    // adds the margins and ignores a maximum that then reaches QWIDGETSIZE_MAX.
    m_plot->legend->setMaximumSize(QWIDGETSIZE_MAX / 2, QWIDGETSIZE_MAX);
    // The same left margin on every history chart (whatever the width of its tick labels), so
    // charts stacked on one page line up on the time axis.
    m_plot->axisRect()->setMinimumMargins(QMargins(LeftMargin, 6, 12, 0));

    // The wheel zooms and a drag pans the time axis only; the value axis follows the data.
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeDragAxes(m_plot->xAxis, nullptr);
    m_plot->axisRect()->setRangeZoomAxes(m_plot->xAxis, nullptr);

    m_bands = new EnvelopeBands(m_plot->xAxis, m_plot->yAxis);
    m_bands->setLayer(BandLayer);
    m_bands->removeFromLegend();
    m_markers = std::make_unique<EventMarkers>(m_plot);
    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setSelectable(false);
    m_placeholder->setVisible(false);
    m_crosshair = new ChartCrosshair(
        m_plot, [this](double key) { return valuesAt(qint64(std::llround(key * 1000))); },
        [this](double x) { return m_markers->tooltipAt(x); }, this);

    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_settingRange)
            onUserRange();
    });
    connect(m_plot, &QCustomPlot::legendClick, this, &EnvelopeChart::legendClicked);
    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(ReplotDelayMs);
    connect(&m_replotTimer, &QTimer::timeout, this, &EnvelopeChart::replotNow);

    applyPalette();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setTimeRange(now - 3600 * 1000, now);
    setValueKind(ValueKind::Memory);
}

EnvelopeChart::~EnvelopeChart() = default;

void EnvelopeChart::applyPalette() {
    const ChartPalette p = ChartPalette::fromPalette(palette());
    m_plot->setBackground(p.background);
    m_plot->legend->setBrush(p.background);
    m_plot->legend->setTextColor(p.foreground);
    m_plot->legend->setBorderPen(QPen(p.grid));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        p.styleAxis(axis);
    m_placeholder->setColor(p.foreground);
    m_markers->setTextColor(p.foreground);
    for (Entry &e : m_entries) {
        if (auto *item = m_plot->legend->itemWithPlottable(e.line))
            item->setTextColor(m_hidden.contains(e.series.key) ? p.grid : p.foreground);
    }
    scheduleReplot();
}

void EnvelopeChart::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void EnvelopeChart::setSeries(const QList<ChartSeries> &series, qint64 bucketMs) {
    m_bucketMs = bucketMs;
    while (m_entries.size() > series.size()) {
        const Entry e = m_entries.takeLast();
        m_plot->removeGraph(e.line);
    }
    m_bands->setBandCount(int(series.size()));
    while (m_entries.size() < series.size()) {
        Entry e;
        e.line = m_plot->addGraph();
        e.line->setSelectable(QCP::stNone);
        m_entries.append(e);
    }
    const ChartPalette palette = ChartPalette::fromPalette(this->palette());
    for (int i = 0; i < series.size(); ++i) {
        Entry &e = m_entries[i];
        e.series = series[i];
        e.line->setName(e.series.name);
        e.line->setPen(QPen(e.series.colour, 1, e.series.style));
        e.line->setLineStyle(e.series.step ? QCPGraph::lsStepLeft : QCPGraph::lsLine);
        if (auto *item = m_plot->legend->itemWithPlottable(e.line))
            item->setTextColor(m_hidden.contains(e.series.key) ? palette.grid : palette.foreground);
    }
    updateUnit();
    bool any = false;
    for (Entry &e : m_entries) {
        rebuildData(e);
        any = any || !e.series.points.isEmpty();
    }
    m_placeholder->setVisible(!any && !m_placeholder->text().isEmpty());
    followValues();
    scheduleReplot();
}

void EnvelopeChart::rebuildData(Entry &e) const {
    const double divisor = valueDivisor();
    QVector<QCPGraphData> line;
    line.reserve(int(e.series.points.size()));
    for (const EnvelopePoint &p : e.series.points) {
        const double key = double(p.timeMs) / 1000.0;
        line.append(QCPGraphData(key, p.isGap() ? NaN : p.avg / divisor));
    }
    e.line->data()->set(line, true);
    // A single sample has no spread: the band is only where a point aggregates several.
    const bool visible = !m_hidden.contains(e.series.key);
    QColor fill = e.series.colour;
    fill.setAlpha(ChartPalette::fromPalette(palette()).dark ? 80 : 60);
    m_bands->setBand(int(&e - m_entries.data()), e.series.points, divisor,
                     double(m_bucketMs) / 1000.0, fill, visible);
    e.line->setVisible(visible);
}

void EnvelopeChart::setEvents(const QList<HistoryEvent> &events) {
    m_events = events;
    m_markers->setEvents(events);
    scheduleReplot();
}

void EnvelopeChart::setValueKind(ValueKind kind) {
    m_kind = kind;
    updateUnit();
    for (Entry &e : m_entries)
        rebuildData(e);
    followValues();
    scheduleReplot();
}

void EnvelopeChart::setUnit(units::SizeUnit unit) {
    m_unitChoice = unit;
    setValueKind(m_kind);
}

void EnvelopeChart::updateUnit() {
    if (m_kind == ValueKind::Count) {
        m_plot->yAxis->setLabel(tr("Count"));
        return;
    }
    if (m_kind == ValueKind::Percent) {
        m_plot->yAxis->setLabel(tr("Share of time (%)"));
        return;
    }
    double maxKiB = 0;
    for (const Entry &e : std::as_const(m_entries)) {
        if (m_hidden.contains(e.series.key))
            continue;
        for (const EnvelopePoint &p : e.series.points) {
            if (!p.isGap())
                maxKiB = std::max(maxKiB, p.max);
        }
    }
    const units::SizeUnit unit = units::axisUnit(maxKiB, m_unitChoice);
    m_unit = unit;
    m_divisor = unit == units::SizeUnit::GiB   ? double(units::KiBPerGiB)
                : unit == units::SizeUnit::MiB ? double(units::KiBPerMiB)
                                               : 1.0;
    m_plot->yAxis->setLabel(tr("Memory (%1)").arg(units::unitSuffix(unit)));
}

void EnvelopeChart::setTimeRange(qint64 fromMs, qint64 toMs) {
    m_settingRange = true;
    m_plot->xAxis->setRange(double(fromMs) / 1000.0, double(qMax(fromMs + 1000, toMs)) / 1000.0);
    m_settingRange = false;
    updateTicker();
    m_markers->relayout();
    followValues();
    scheduleReplot();
}

void EnvelopeChart::onUserRange() {
    const QCPRange r = m_plot->xAxis->range();
    const double span = std::clamp(r.size(), MinSpanSeconds, MaxSpanSeconds);
    if (span != r.size()) {
        m_settingRange = true;
        m_plot->xAxis->setRange(r.center() - span / 2, r.center() + span / 2);
        m_settingRange = false;
    }
    updateTicker();
    m_markers->relayout();
    followValues();
    Q_EMIT viewChanged(fromMs(), toMs());
}

void EnvelopeChart::updateTicker() {
    const QCPRange r = m_plot->xAxis->range();
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (ticker)
        ticker->setDateTimeFormat(HistoryChartData::timeAxisFormat(r.size()));
    // The day(s) under a time-of-day axis.
    const QDate from = QDateTime::fromMSecsSinceEpoch(qint64(r.lower * 1000)).date();
    const QDate to = QDateTime::fromMSecsSinceEpoch(qint64(r.upper * 1000)).date();
    const QString format = QStringLiteral("yyyy-MM-dd");
    if (r.size() > 36 * 3600)
        m_plot->xAxis->setLabel({});
    else if (from == to)
        m_plot->xAxis->setLabel(QLocale().toString(from, format));
    else
        m_plot->xAxis->setLabel(
            tr("%1 – %2").arg(QLocale().toString(from, format), QLocale().toString(to, format)));
}

void EnvelopeChart::followValues() {
    const QCPRange r = m_plot->xAxis->range();
    const qint64 from = qint64(r.lower * 1000) - m_bucketMs;
    const qint64 to = qint64(r.upper * 1000) + m_bucketMs;
    double top = 0;
    for (const Entry &e : std::as_const(m_entries)) {
        if (m_hidden.contains(e.series.key))
            continue;
        for (const EnvelopePoint &p : e.series.points) {
            if (!p.isGap() && p.timeMs >= from && p.timeMs <= to)
                top = std::max(top, p.samples > 1 ? p.max : p.avg);
        }
    }
    const double divisor = valueDivisor();
    // The axis rect's height is last replot's (or 0 before the first): at least 100 px.
    const double height = std::max(100, m_plot->axisRect()->height());
    const double headroom = height / (height - HeadroomPixels);
    m_plot->yAxis->setRange(0, top > 0 ? top / divisor * headroom : 1.0);
}

void EnvelopeChart::setPlaceholder(const QString &text) {
    m_placeholder->setText(text);
    bool any = false;
    for (const Entry &e : std::as_const(m_entries))
        any = any || !e.series.points.isEmpty();
    m_placeholder->setVisible(!any && !text.isEmpty());
    scheduleReplot();
}

qint64 EnvelopeChart::fromMs() const {
    return qint64(std::llround(m_plot->xAxis->range().lower * 1000));
}

qint64 EnvelopeChart::toMs() const {
    return qint64(std::llround(m_plot->xAxis->range().upper * 1000));
}

int EnvelopeChart::pointBudget() const {
    const int width = m_plot->axisRect()->width();
    return width > 50 ? width : qMax(200, m_plot->width() - 80);
}

void EnvelopeChart::scheduleReplot() {
    if (!m_replotTimer.isActive())
        m_replotTimer.start();
}

void EnvelopeChart::replotNow() {
    m_replotTimer.stop();
    m_plot->replot();
    ++m_replots;
}

void EnvelopeChart::legendClicked(QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) {
    auto *plItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plItem)
        return;
    for (Entry &e : m_entries) {
        if (e.line != plItem->plottable())
            continue;
        if (!m_hidden.remove(e.series.key))
            m_hidden.insert(e.series.key);
    }
    updateUnit();
    for (Entry &e : m_entries)
        rebuildData(e);
    applyPalette(); // the legend's text colours
    followValues();
}

const EnvelopeChart::Entry *EnvelopeChart::entry(const QString &key) const {
    for (const Entry &e : m_entries) {
        if (e.series.key == key)
            return &e;
    }
    return nullptr;
}

bool EnvelopeChart::isSeriesVisible(const QString &key) const {
    return entry(key) && !m_hidden.contains(key);
}

bool EnvelopeChart::bandShown(const QString &key) const {
    const Entry *e = entry(key);
    return e && m_bands->bandShown(int(e - m_entries.data()));
}

int EnvelopeChart::pointCount(const QString &key) const {
    const Entry *e = entry(key);
    return e ? e->line->data()->size() : 0;
}

int EnvelopeChart::gapCount(const QString &key) const {
    const Entry *e = entry(key);
    if (!e)
        return 0;
    return int(std::count_if(e->series.points.cbegin(), e->series.points.cend(),
                             [](const EnvelopePoint &p) { return p.isGap(); }));
}

QString EnvelopeChart::valuesAt(qint64 timeMs) const {
    QList<CrosshairLine> lines;
    const qint64 tolerance = qMax<qint64>(m_bucketMs, 1000);
    for (const Entry &e : m_entries) {
        if (!m_hidden.contains(e.series.key))
            lines.append(
                {e.series.name, e.series.colour, pointAt(e.series.points, timeMs, tolerance)});
    }
    return crosshairHtml(timeMs, lines, [this](double v) { return formatValue(v); });
}

double EnvelopeChart::valueDivisor() const {
    switch (m_kind) {
    case ValueKind::Memory:
        return m_divisor;
    case ValueKind::Percent:
        return 100.0; // carried in hundredths of a percent
    case ValueKind::Count:
        break;
    }
    return 1.0;
}

QString EnvelopeChart::formatValue(double value) const {
    if (m_kind == ValueKind::Memory)
        return units::formatKiB(quint64(std::llround(std::max(0.0, value))));
    if (m_kind == ValueKind::Percent)
        return tr("%1 %").arg(QLocale().toString(value / 100.0, 'f', 2));
    return QLocale().toString(value, 'f', value < 100 ? 1 : 0);
}

EnvelopePoint EnvelopeChart::inPercent(EnvelopePoint point) {
    point.min /= 100.0;
    point.avg /= 100.0;
    point.max /= 100.0;
    return point;
}

ChartData EnvelopeChart::exportChart() const {
    ChartData out;
    out.title = m_exportTitle;
    out.fromMs = fromMs();
    out.toMs = toMs();
    out.subtitle = HistoryChart::rangeText(out.fromMs, out.toMs);
    out.unit = m_kind == ValueKind::Memory    ? ValueUnit::KiB
               : m_kind == ValueKind::Percent ? ValueUnit::Percent
                                              : ValueUnit::Count;
    out.sizeUnit = m_unit; // the file's axis reads as the screen's
    out.provenance.source = QStringLiteral("history");
    out.provenance.bucketMs = m_bucketMs;
    for (const Entry &e : m_entries) {
        if (m_hidden.contains(e.series.key))
            continue;
        ChartSeries s = e.series;
        s.band = true;
        s.points.clear();
        // The points on screen, with the one either side that the line runs to.
        const auto &points = e.series.points;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const bool next = i + 1 < points.size() && points[i + 1].timeMs >= out.fromMs;
            const bool previous = i > 0 && points[i - 1].timeMs <= out.toMs;
            if ((points[i].timeMs >= out.fromMs || next) &&
                (points[i].timeMs <= out.toMs || previous))
                s.points.append(m_kind == ValueKind::Percent ? inPercent(points[i]) : points[i]);
        }
        out.series.append(s);
    }
    for (const HistoryEvent &event : m_events) {
        if (event.timeMs >= out.fromMs && event.timeMs <= out.toMs)
            out.markers.append(HistoryChart::marker(event));
    }
    return out;
}

} // namespace bs::gui
