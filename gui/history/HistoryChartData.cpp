#include "HistoryChartData.h"

#include "charts/ChartPalette.h"

#include <QLocale>

namespace bs::gui {

QList<HostMetric> HistoryChartData::hostMetrics() {
    return {HostMetric::Total,      HostMetric::GuestsMaximum, HostMetric::GuestsActual,
            HostMetric::GuestsUsed, HostMetric::Free,          HostMetric::KsmSaved};
}

QList<ChartSeries> HistoryChartData::hostSeries(const HostSeriesResult &result,
                                                const ChartPalette &p) {
    QList<ChartSeries> out;
    for (const HostSeries &s : result.series) {
        ChartSeries c;
        c.key = QStringLiteral("host:") + hostMetricKey(s.metric);
        c.name = hostMetricName(s.metric);
        c.points = s.points;
        switch (s.metric) {
        case HostMetric::Total:
            c.colour = p.foreground;
            if (c.points.isEmpty() && !result.nodeMemory.isEmpty()) {
                c.points = result.nodeMemory;
                c.name = tr("Host total (node info)");
                c.step = true;
            }
            break;
        case HostMetric::GuestsMaximum:
            c.colour = p.available;
            c.style = Qt::DashLine;
            break;
        case HostMetric::GuestsActual:
            c.colour = p.actual;
            break;
        case HostMetric::GuestsUsed:
            c.colour = p.used;
            break;
        case HostMetric::Free:
            c.colour = p.usedExcludingCache;
            break;
        case HostMetric::KsmSaved:
            c.colour = p.series(5);
            c.style = Qt::DashDotLine;
            break;
        default:
            c.colour = p.series(int(out.size()));
            break;
        }
        out.append(c);
    }
    return out;
}

QHash<QString, QColor> HistoryChartData::guestColors(const QStringList &uuids,
                                                     const ChartPalette &palette) {
    QHash<QString, QColor> out;
    for (int i = 0; i < uuids.size(); ++i)
        out.insert(uuids[i], palette.series(i));
    return out;
}

QList<ChartSeries> HistoryChartData::guestSeries(const SeriesResult &result,
                                                 const QHash<QString, QString> &names,
                                                 const QHash<QString, QColor> &colors) {
    QList<ChartSeries> out;
    for (const Series &s : result.series) {
        ChartSeries c;
        c.key = QStringLiteral("guest:") + s.uuid;
        c.name = names.value(s.uuid, s.uuid);
        c.colour = colors.value(s.uuid);
        c.points = s.points;
        out.append(c);
    }
    return out;
}

QList<HistoryEvent> HistoryChartData::guestEvents(const QList<HistoryEvent> &events,
                                                  const QStringList &uuids) {
    QList<HistoryEvent> out;
    for (const HistoryEvent &e : events) {
        if (e.uuid.isEmpty() || uuids.contains(e.uuid))
            out.append(e);
    }
    return out;
}

EnvelopeChart::ValueKind HistoryChartData::valueKind(Metric metric) {
    switch (metric) {
    case Metric::MajorFault:
    case Metric::MinorFault:
    case Metric::HugetlbPgAlloc:
    case Metric::HugetlbPgFail:
        return EnvelopeChart::ValueKind::Count;
    case Metric::PsiSome:
    case Metric::PsiFull:
        return EnvelopeChart::ValueKind::Percent;
    default:
        return EnvelopeChart::ValueKind::Memory;
    }
}

QString HistoryChartData::duration(qint64 ms) {
    const qint64 s = ms / 1000;
    const QLocale locale;
    if (s < 60)
        return tr("%1 s").arg(qMax<qint64>(1, s));
    if (s < 3600)
        return tr("%1 min").arg(locale.toString(double(s) / 60, 'g', 3));
    if (s < 86400)
        return tr("%1 h").arg(locale.toString(double(s) / 3600, 'g', 3));
    return tr("%1 d").arg(locale.toString(double(s) / 86400, 'g', 3));
}

QString HistoryChartData::resolution(qint64 bucketMs, const QList<TierSpan> &tiers) {
    if (bucketMs <= 0)
        return {};
    // The tier that answered most of the range.
    Tier tier = Tier::Raw;
    qint64 longest = -1;
    for (const TierSpan &t : tiers) {
        if (t.toMs - t.fromMs > longest) {
            longest = t.toMs - t.fromMs;
            tier = t.tier;
        }
    }
    const QString source = tier == Tier::Raw      ? tr("raw polls")
                           : tier == Tier::Minute ? tr("1-minute roll-ups")
                                                  : tr("1-hour roll-ups");
    return tr("Resolution: %1 (%2)").arg(duration(bucketMs), source);
}

QString HistoryChartData::serverResolution(qint64 bucketMs) {
    if (bucketMs <= 0)
        return {};
    return tr("Resolution: %1 (%2)").arg(duration(bucketMs), tr("from the server"));
}

QString HistoryChartData::timeAxisFormat(double spanSeconds) {
    if (spanSeconds <= 30 * 60)
        return QStringLiteral("HH:mm:ss");
    if (spanSeconds <= 36 * 3600)
        return QStringLiteral("HH:mm");
    if (spanSeconds <= 10 * 86400)
        return QStringLiteral("MM-dd\nHH:mm");
    if (spanSeconds <= 200 * 86400)
        return QStringLiteral("MM-dd");
    return QStringLiteral("yyyy-MM-dd");
}

} // namespace bs::gui
