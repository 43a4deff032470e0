#pragma once

#include "PrometheusClient.h"
#include "history/HistoryStatus.h"
#include "history/NeedQuery.h"
#include "history/SampleQuery.h"
#include "history/SeriesTypes.h"

namespace bs::prom {

// A host's history as a Prometheus-compatible server keeps it (scraped from recorders'
// /metrics, under the names MetricsExposition serves): the guests from the server's series,
// each metric's min/avg/max envelope per step through query_range (min/avg/max_over_time over
// the step's window, merged across duplicate series: two scrapers, two recorders), the host's
// own figures and sums, the scrapes as samples, and the sizing advisor's needs. Answers in the
// local history's types, so every reader of the history takes either. Blocking, from one
// thread (PrometheusReader's worker, the CLI): never the GUI thread.
class PrometheusHistory {
public:
    explicit PrometheusHistory(QUrl server, int timeoutMs = 30000);

    // The guests with series in range (every host's when hostId is empty).
    Result<QList<GuestInfo>> guests(const QString &hostId, qint64 fromMs, qint64 toMs) const;
    Result<SeriesResult> series(const SeriesRequest &request) const;
    Result<AggregateResult> aggregate(const AggregateRequest &request) const;
    Result<HostSeriesResult> hostSeries(const HostSeriesRequest &request) const;
    // The scrapes of the guests in range (one per step of max(1 s, range / 11,000)).
    Result<SampleResult> samples(const SampleRequest &request) const;
    Result<NeedResult> needs(const NeedRequest &request) const;
    // Since when (to the second) and until when (to the minute) the server holds the host's (or the
    // guests') series, looking back at most SpanLookBackDays.
    Result<RecordedSpan> recordedSpan(const RecordedSpanRequest &request, qint64 nowMs) const;

    // The note of the last series or samples query (empty unless the step was raised).
    QString note() const { return m_note; }
    PrometheusClient &client() { return m_client; }

    static constexpr int SpanLookBackDays = 400;

private:
    Result<QList<QString>> uuidsOf(const QString &hostId, const QStringList &uuids, qint64 fromMs,
                                   qint64 toMs) const;

    PrometheusClient m_client;
    mutable QString m_note;
};

} // namespace bs::prom
