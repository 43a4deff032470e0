#include "ReplayChart.h"

#include "charts/ChartPalette.h"

#include <QDateTime>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace bs::gui {

namespace {

// One colour per policy on both charts, apart from the need (green) and the recorded balloon
// (orange).
QColor policyColour(PolicyKind kind, bool dark) {
    switch (kind) {
    case PolicyKind::Mom:
        return dark ? QColor(0x5d, 0xad, 0xe2) : QColor(0x1f, 0x61, 0x8d);
    case PolicyKind::Proxmox:
        return dark ? QColor(0xf1, 0x94, 0x8a) : QColor(0xc0, 0x39, 0x2b);
    case PolicyKind::Balloonscope:
        return dark ? QColor(0xc3, 0x9b, 0xd3) : QColor(0x7d, 0x3c, 0x98);
    }
    return {};
}

} // namespace

ReplayChart::ReplayChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(200);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setDateTimeFormat(QStringLiteral("MM-dd\nHH:mm"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(3);
    clear(tr("Run a replay to see it here."));
}

void ReplayChart::setUnit(units::SizeUnit unit) {
    m_unit = unit;
    draw();
}

void ReplayChart::showGuest(const ReplayInput &input, const QList<PolicyReplay> &runs,
                            const QString &uuid) {
    m_input = input;
    m_runs = runs;
    m_uuid = uuid;
    m_message.clear();
    draw();
}

void ReplayChart::showHost(const ReplayInput &input, const QList<PolicyReplay> &runs) {
    m_input = input;
    m_runs = runs;
    m_uuid.clear();
    m_message.clear();
    draw();
}

void ReplayChart::clear(const QString &message) {
    m_message = message;
    m_runs.clear();
    m_input = ReplayInput{};
    draw();
}

int ReplayChart::lineCount() const {
    return m_plot->graphCount();
}

void ReplayChart::draw() {
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
    if (!m_message.isEmpty() || m_input.timesMs.isEmpty()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_plot->xAxis->setRange(double(now - 86400000) / 1000.0, double(now) / 1000.0);
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
    m_plot->legend->setWrap(m_uuid.isEmpty() ? 2 : 3); // the host chart is the narrower
    m_plot->yAxis->setTickLabels(true);

    // The series in KiB, then scaled to one unit for the axis.
    struct Line {
        QString name;
        QColor colour;
        Qt::PenStyle style;
        QVector<double> keys, values;
        bool fill = false;
    };
    QList<Line> lines;
    double top = 0;
    auto key = [](qint64 ms) {
        return double(ms) / 1000.0;
    };
    const qsizetype buckets = m_input.timesMs.size();
    if (!m_uuid.isEmpty()) {
        const QList<RecordedGuest> rows = m_input.guests.value(m_uuid);
        Line need{tr("Need + kernel (highest per bucket)"),
                  palette.usedExcludingCache,
                  Qt::SolidLine,
                  {},
                  {},
                  true};
        Line recorded{tr("Balloon as recorded"), palette.actual, Qt::DashLine, {}, {}};
        for (qsizetype b = 0; b < buckets && b < rows.size(); ++b) {
            const RecordedGuest &r = rows[b];
            const double k = key(m_input.timesMs[b]);
            if (b > 0 && m_input.timesMs[b] - m_input.timesMs[b - 1] > m_input.bucketMs) {
                // Nothing recorded in between: a gap, not a line across it.
                for (Line *l : {&need, &recorded}) {
                    l->keys.append(key(m_input.timesMs[b - 1] + m_input.bucketMs));
                    l->values.append(qQNaN());
                }
            }
            need.keys.append(k);
            // In balloon terms: what the balloon must hold (the kernel's overhead outside
            // MemTotal on top), so a policy line under it is a squeeze.
            need.values.append(
                r.running && r.needKiB
                    ? double(*r.needKiB + kernelOverheadKiB(r.actualKiB, r.availableKiB))
                    : qQNaN());
            recorded.keys.append(k);
            recorded.values.append(r.running ? double(r.actualKiB) : qQNaN());
        }
        lines.append(need);
        lines.append(recorded);
        for (qsizetype i = 0; i < m_runs.size(); ++i) {
            const PolicyReplay &run = m_runs[i];
            Line l{policyShortName(run.policy),
                   policyColour(run.policy, palette.dark),
                   Qt::SolidLine,
                   {},
                   {}};
            for (const ReplayedGuest &g : run.guests) {
                if (g.uuid != m_uuid)
                    continue;
                qint64 previous = -1;
                for (const auto &[t, kib] : g.balloonKiB) {
                    // A gap where the guest did not run.
                    if (previous >= 0 && t - previous > m_input.bucketMs) {
                        l.keys.append(key(previous + m_input.bucketMs));
                        l.values.append(qQNaN());
                    }
                    l.keys.append(key(t));
                    l.values.append(double(kib));
                    previous = t;
                }
            }
            lines.append(l);
            // The policy's squeezes of this guest, shaded in its colour.
            for (const Squeeze &s : run.squeezes) {
                if (s.uuid != m_uuid)
                    continue;
                auto *rect = new QCPItemRect(m_plot);
                rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
                rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
                rect->topLeft->setCoords(key(s.fromMs), 0);
                rect->bottomRight->setCoords(key(s.toMs), 1);
                QColor c = l.colour;
                c.setAlpha(45);
                rect->setBrush(c);
                rect->setPen(Qt::NoPen);
            }
        }
    } else {
        Line free{tr("Free as recorded"), palette.available, Qt::DashLine, {}, {}};
        for (qsizetype b = 0; b < buckets; ++b) {
            if (b > 0 && m_input.timesMs[b] - m_input.timesMs[b - 1] > m_input.bucketMs) {
                free.keys.append(key(m_input.timesMs[b - 1] + m_input.bucketMs));
                free.values.append(qQNaN());
            }
            free.keys.append(key(m_input.timesMs[b]));
            free.values.append(m_input.hostKnown.value(b) ? double(m_input.hostFreeKiB[b])
                                                          : qQNaN());
        }
        lines.append(free);
        for (qsizetype i = 0; i < m_runs.size(); ++i) {
            const PolicyReplay &run = m_runs[i];
            Line l{tr("Free under %1").arg(policyShortName(run.policy)),
                   policyColour(run.policy, palette.dark),
                   Qt::SolidLine,
                   {},
                   {}};
            qint64 previous = -1;
            for (const auto &[t, kib] : run.hostFreeKiB) {
                if (previous >= 0 && t - previous > m_input.bucketMs) {
                    l.keys.append(key(previous + m_input.bucketMs));
                    l.values.append(qQNaN());
                }
                previous = t;
                l.keys.append(key(t));
                l.values.append(double(kib));
            }
            lines.append(l);
        }
    }
    for (const Line &l : lines) {
        for (double v : l.values) {
            if (!std::isnan(v))
                top = qMax(top, v);
        }
    }
    const units::SizeUnit unit = units::axisUnit(top, m_unit);
    const double scale = units::inUnit(units::KiBPerGiB, unit) / double(units::KiBPerGiB);
    for (const Line &l : lines) {
        auto *g = m_plot->addGraph();
        g->setName(l.name);
        g->setPen(QPen(l.colour, 1.5, l.style));
        if (l.fill)
            g->setBrush(QColor(l.colour.red(), l.colour.green(), l.colour.blue(), 35));
        QVector<double> values = l.values;
        for (double &v : values)
            v *= scale;
        g->setData(l.keys, values, true);
    }
    const qint64 from = m_input.timesMs.first();
    const qint64 to = m_input.timesMs.last() + m_input.bucketMs;
    // Times of day within a day, with the date beyond.
    if (auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
        ticker->setDateTimeFormat(to - from <= 86400000 ? QStringLiteral("HH:mm")
                                                        : QStringLiteral("MM-dd\nHH:mm"));
    m_plot->xAxis->setRange(key(from), key(to));
    m_plot->yAxis->setRange(0, qMax(1.0, top * scale * 1.1));
    m_plot->yAxis->setLabel(units::unitSuffix(unit));
    m_plot->xAxis->setLabel(m_uuid.isEmpty() ? tr("Host") : m_input.names.value(m_uuid));
    m_plot->replot();
}

} // namespace bs::gui
