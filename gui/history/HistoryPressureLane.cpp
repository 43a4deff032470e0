#include "HistoryPressureLane.h"

#include "HistoryChartData.h"
#include "charts/ChartPalette.h"
#include "charts/PressureLane.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace bs::gui {

namespace {

constexpr int LeftMargin = 78; // EnvelopeChart's: the lane's time axis lines up with the chart's

} // namespace

HistoryPressureLane::HistoryPressureLane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_note(new QLabel(this))
    , m_plot(new QCustomPlot(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_note, 1);
    layout->addLayout(header);
    layout->addWidget(m_plot);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_plot->setMinimumHeight(150);
    m_plot->setMaximumHeight(190);

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    m_plot->xAxis->setTicker(ticker);
    m_plot->axisRect()->setMinimumMargins(QMargins(LeftMargin, 4, 12, 0));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(3);
    m_plot->legend->setMargins(QMargins(6, 1, 6, 1));
    m_plot->legend->setMaximumSize(QWIDGETSIZE_MAX / 2, QWIDGETSIZE_MAX);
    m_lane = std::make_unique<PressureLane>(m_plot, m_plot->axisRect());
    applyPalette();
    refresh();
}

void HistoryPressureLane::applyPalette() {
    const ChartPalette p = ChartPalette::fromPalette(palette());
    m_plot->setBackground(p.background);
    m_plot->legend->setBrush(p.background);
    m_plot->legend->setTextColor(p.foreground);
    m_plot->legend->setBorderPen(QPen(p.grid));
    m_lane->applyPalette(p);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

HistoryPressureLane::~HistoryPressureLane() = default;

void HistoryPressureLane::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void HistoryPressureLane::setGuest(const QString &name) {
    if (name == m_guest)
        return;
    m_guest = name;
    m_points.clear();
    refresh();
}

void HistoryPressureLane::setSeries(const QList<Series> &series) {
    m_points = pressureLane(series);
    refresh();
}

void HistoryPressureLane::setTimeRange(qint64 fromMs, qint64 toMs) {
    m_fromMs = fromMs;
    m_toMs = toMs;
    refresh();
}

bool HistoryPressureLane::isPlotShown() const {
    return m_plot->isVisible();
}

int HistoryPressureLane::ratePointCount() const {
    return m_plot->isVisibleTo(this) ? m_lane->ratePointCount() : 0;
}

int HistoryPressureLane::psiPointCount() const {
    return m_plot->isVisibleTo(this) ? m_lane->psiPointCount() : 0;
}

QString HistoryPressureLane::noteText() const {
    return m_note->text();
}

void HistoryPressureLane::refresh() {
    m_title->setText(m_guest.isEmpty() ? tr("Pressure")
                                       : tr("<b>Pressure of %1</b>").arg(m_guest.toHtmlEscaped()));
    const bool rates = std::any_of(m_points.cbegin(), m_points.cend(),
                                   [](const PressureLanePoint &p) { return p.hasRate(); });
    const bool psi = std::any_of(m_points.cbegin(), m_points.cend(),
                                 [](const PressureLanePoint &p) { return p.hasPsi(); });
    if (m_guest.isEmpty())
        m_note->setText(tr("Tick a guest: the first one ticked gets its pressure drawn here."));
    else if (!rates && !psi)
        m_note->setText(tr("No swap, major-fault or memory-pressure figures recorded for this "
                           "guest in this range."));
    else if (!psi)
        m_note->setText(tr("No memory pressure (PSI) recorded: the host's PSI of a guest is "
                           "read on local hosts and on SSH hosts that allow it."));
    else
        m_note->clear();
    m_plot->setVisible(rates || psi);
    m_lane->setPoints(m_points, double(m_fromMs) / 1000.0, double(m_toMs) / 1000.0);
    if (auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
        ticker->setDateTimeFormat(
            HistoryChartData::timeAxisFormat(double(m_toMs - m_fromMs) / 1000));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace bs::gui
