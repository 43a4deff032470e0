#include "HistoryChart.h"

#include "AxisTicks.h"
#include "ChartStyle.h"
#include "common/Units.h"

#include <QDateTime>

#include <libvirt/libvirt.h>

namespace bs {

QList<Metric> HistoryChart::defaultMetrics() {
    return {Metric::Used, Metric::UsedExcludingCache, Metric::Actual, Metric::Available};
}

ChartData HistoryChart::fromSeries(const SeriesResult &result, const Guest &guest, qint64 fromMs,
                                   qint64 toMs, const QList<HistoryEvent> &events) {
    ChartData chart;
    chart.title = title(guest.name);
    chart.fromMs = fromMs;
    chart.toMs = toMs;
    chart.unit = ValueUnit::KiB;
    chart.provenance.source = QStringLiteral("history");
    chart.provenance.hostId = guest.hostId;
    chart.provenance.uuid = guest.uuid;
    chart.provenance.guestName = guest.name;
    chart.provenance.bucketMs = result.bucketMs;
    chart.provenance.tiers = result.tiers;
    for (const Series &s : result.series) {
        if (s.uuid != guest.uuid)
            continue;
        ChartSeries series = metricSeries(s.metric);
        series.points = s.points;
        chart.series.append(series);
    }
    for (const HistoryEvent &e : events) {
        if (!e.uuid.isEmpty() && e.uuid != guest.uuid)
            continue;
        ChartMarker m = marker(e);
        if (!m.kind.isEmpty())
            chart.markers.append(m);
    }
    return chart;
}

ChartMarker HistoryChart::marker(const HistoryEvent &event) {
    ChartMarker m;
    m.timeMs = event.timeMs;
    m.kind = historyEventKindKey(event.kind);
    switch (event.kind) {
    case HistoryEvent::Kind::Lifecycle:
        switch (event.code) {
        case VIR_DOMAIN_EVENT_STARTED:
            m.label = tr("started");
            break;
        case VIR_DOMAIN_EVENT_SUSPENDED:
            m.label = tr("paused");
            break;
        case VIR_DOMAIN_EVENT_RESUMED:
            m.label = tr("resumed");
            break;
        case VIR_DOMAIN_EVENT_STOPPED:
            m.label = tr("stopped");
            break;
        case VIR_DOMAIN_EVENT_SHUTDOWN:
            m.label = tr("shutting down");
            break;
        case VIR_DOMAIN_EVENT_PMSUSPENDED:
            m.label = tr("suspended");
            break;
        case VIR_DOMAIN_EVENT_CRASHED:
            m.label = tr("crashed");
            break;
        default:
            m.kind.clear(); // defined/undefined: configuration, not memory
            break;
        }
        break;
    case HistoryEvent::Kind::BalloonTarget:
        m.label =
            event.value
                ? tr("balloon → %1").arg(units::formatKiB(quint64(qMax<qint64>(0, *event.value))))
                : tr("balloon target");
        break;
    case HistoryEvent::Kind::StatsPeriod:
        m.label = event.value && *event.value > 0 ? tr("stats every %1 s").arg(*event.value)
                                                  : tr("stats off");
        break;
    case HistoryEvent::Kind::Recording:
        m.kind.clear();
        break;
    case HistoryEvent::Kind::Note:
        m.label = event.text.size() > 28 ? event.text.left(27) + QChar(0x2026) : event.text;
        break;
    }
    return m;
}

QString HistoryChart::title(const QString &guestName) {
    return tr("Memory of %1").arg(guestName);
}

QString HistoryChart::rangeText(qint64 fromMs, qint64 toMs) {
    // ISO 8601 dates: unambiguous for every reader of a report, whatever their locale.
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs);
    return tr("%1 – %2 (%3)")
        .arg(from.toString(format), to.toString(format), utcOffsetLabel(fromMs));
}

QString HistoryChart::subtitle(const QString &hostName, qint64 fromMs, qint64 toMs) {
    return tr("%1 · %2").arg(hostName, rangeText(fromMs, toMs));
}

} // namespace bs
