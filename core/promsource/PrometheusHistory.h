#pragma once

#include "PrometheusClient.h"
#include "history/HistoryStatus.h"
#include "history/SeriesTypes.h"

namespace bs::prom {

// A host's history as a Prometheus-compatible server keeps it (scraped from recorders'
// /metrics): the guests from the server's series, and each metric's envelope per step
// (min/avg/max_over_time over max(step, MinWindowSeconds), so a gap in the scrapes stays a gap
// instead of Prometheus' 5-minute look-back filling it). Duplicate series (two scrapers) are
// merged. Blocking: off the GUI thread.
class PrometheusHistory {
public:
    explicit PrometheusHistory(QUrl server, int timeoutMs = 30000);

    Result<QList<GuestInfo>> guests(const QString &hostId, qint64 fromMs, qint64 toMs) const;
    Result<SeriesResult> series(const SeriesRequest &request) const;
    // Said when the server's limit raised the step (empty otherwise).
    QString note() const { return m_note; }

    static constexpr int MaxPointsPerSeries = 11000; // Prometheus refuses more per query
    static constexpr int MinWindowSeconds = 30;

private:
    PrometheusClient m_client;
    mutable QString m_note;
};

} // namespace bs::prom
