#include "NeedChart.h"

#include "charts/ChartPalette.h"

#include <QDateTime>
#include <QLocale>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace bs::gui {

NeedChart::NeedChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(220);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setDateTimeFormat(QStringLiteral("MM-dd\nHH:mm"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(5);
    m_plot->legend->setMaximumSize(QWIDGETSIZE_MAX / 2, QWIDGETSIZE_MAX);
    clear(tr("Select a guest to chart its need."));
}

void NeedChart::setUnit(units::SizeUnit unit) {
    m_unit = unit;
    draw();
}

void NeedChart::show(const QString &title, const QList<EnvelopePoint> &need,
                     const GuestAdvice &advice, double percentile, qint64 fromMs, qint64 toMs) {
    m_title = title;
    m_need = need;
    m_advice = advice;
    m_percentile = percentile;
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_message.clear();
    draw();
}

void NeedChart::clear(const QString &message) {
    m_message = message;
    m_need.clear();
    m_advice = GuestAdvice{};
    draw();
}

void NeedChart::draw() {
    m_plot->clearGraphs();
    m_plot->clearItems();
    const ChartPalette palette = ChartPalette::fromPalette(this->palette());
    m_plot->setBackground(palette.background);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(palette.foreground));
        axis->setTickPen(QPen(palette.foreground));
        axis->setSubTickPen(QPen(palette.foreground));
        axis->setTickLabelColor(palette.foreground);
        axis->setLabelColor(palette.foreground);
        axis->grid()->setPen(QPen(palette.grid, 0, Qt::DotLine));
    }
    m_plot->legend->setBrush(palette.background);
    m_plot->legend->setTextColor(palette.foreground);

    if (!m_message.isEmpty()) {
        // The window's time axis (the last day before any), not the epoch.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 to = m_toMs > 0 ? m_toMs : now;
        const qint64 from = m_fromMs > 0 ? m_fromMs : now - 86400000;
        m_plot->xAxis->setRange(double(from) / 1000.0, double(to) / 1000.0);
        m_plot->yAxis->setRange(0, 1);
        m_plot->yAxis->setTickLabels(false);
        auto *text = new QCPItemText(m_plot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.5, 0.5);
        text->setText(m_message);
        text->setColor(palette.foreground);
        m_plot->legend->setVisible(false);
        m_plot->replot();
        return;
    }
    m_plot->legend->setVisible(true);
    m_plot->yAxis->setTickLabels(true);

    double top = 0;
    qint64 firstMs = 0;
    for (const EnvelopePoint &p : m_need) {
        if (p.isGap())
            continue;
        top = qMax(top, p.max);
        if (firstMs == 0)
            firstMs = p.timeMs;
    }
    // Where the history is much younger than the window, from a little before its beginning:
    // a few hours of data would otherwise be a sliver at the right of a month.
    qint64 fromMs = m_fromMs;
    if (firstMs > m_fromMs) {
        const qint64 margin = qMax<qint64>(60000, (m_toMs - firstMs) / 20);
        fromMs = qMax(m_fromMs, firstMs - margin);
    }
    for (const auto &v : {m_advice.recommendedKiB, m_advice.actualKiB, m_advice.maximumKiB})
        top = qMax(top, double(v.value_or(0)));
    const units::SizeUnit unit = units::axisUnit(top, m_unit);
    const double scale = units::inUnit(units::KiBPerGiB, unit) / double(units::KiBPerGiB);

    auto *need = m_plot->addGraph();
    need->setName(tr("Need (highest per bucket)"));
    need->setPen(QPen(palette.usedExcludingCache, 1.5));
    need->setBrush(QColor(palette.usedExcludingCache.red(), palette.usedExcludingCache.green(),
                          palette.usedExcludingCache.blue(), 40));
    // A bucket between gaps has no line to draw: a dot shows it.
    need->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    QVector<double> keys, values;
    for (const EnvelopePoint &p : m_need) {
        keys.append(double(p.timeMs) / 1000.0);
        values.append(p.isGap() ? qQNaN() : p.max * scale);
    }
    need->setData(keys, values, true);

    auto line = [&](std::optional<qint64> kib, const QString &name, const QColor &colour,
                    Qt::PenStyle style) {
        if (!kib)
            return;
        auto *g = m_plot->addGraph();
        g->setName(name);
        g->setPen(QPen(colour, 1.5, style));
        g->setData({double(fromMs) / 1000.0, double(m_toMs) / 1000.0},
                   {double(*kib) * scale, double(*kib) * scale}, true);
    };
    line(m_advice.needAtPercentile,
         tr("P%1 of the need").arg(QLocale().toString(m_percentile, 'g', 4)),
         palette.usedExcludingCache.darker(140), Qt::DashLine);
    line(m_advice.recommendedKiB, tr("Recommended"), palette.used, Qt::SolidLine);
    line(m_advice.actualKiB, tr("Balloon now"), palette.actual, Qt::SolidLine);
    line(m_advice.maximumKiB, tr("Maximum"), palette.grid.darker(150), Qt::DotLine);

    m_plot->xAxis->setRange(double(fromMs) / 1000.0, double(m_toMs) / 1000.0);
    m_plot->yAxis->setRange(0, qMax(1.0, top * scale * 1.1));
    m_plot->yAxis->setLabel(units::unitSuffix(unit));
    m_plot->xAxis->setLabel(m_title);
    m_plot->replot();
}

} // namespace bs::gui
