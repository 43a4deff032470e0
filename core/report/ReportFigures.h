#pragma once

#include "ReportData.h"
#include "history/HistoryEvent.h"
#include "history/SampleQuery.h"
#include "history/SeriesTypes.h"

#include <QCoreApplication>

#include <optional>

namespace bs {

// What the history answered for one guest of a report.
struct GuestAnswers {
    QString uuid;
    QString name;
    SeriesResult chart;                 // the chart query (HistoryChart::defaultMetrics)
    GuestSamples raw;                   // every poll in range the raw tier still holds
    qint64 rawFromMs = 0;               // SampleResult::rawFromMs
    qint64 maxGapMs = 0;                // SampleResult::maxGapMs
    std::optional<SeriesResult> rollup; // when raw does not reach back: the finest roll-ups
    QList<HistoryEvent> events;
};

// Turns the answers into the figures a report prints: pure functions, tested on their own.
class ReportFigures {
    Q_DECLARE_TR_FUNCTIONS(ReportFigures)

public:
    // The metrics of the roll-up query for statistics (used, used %, balloon size).
    static QList<Metric> rollupMetrics();
    // The roll-up query's bucket count: one bucket per minute of the range (at most 500,000).
    static int rollupPoints(qint64 fromMs, qint64 toMs);

    static GuestReport guest(const GuestAnswers &answers, const ReportRequest &request);
    // `hostSeries`: the host's own figures (free memory, KSM); absent or all gaps when the
    // history recorded none for this range (schema < 3, or a recorder that predates them).
    static HostReport host(const AggregateResult &aggregate,
                           const std::optional<HostSeriesResult> &hostSeries,
                           const ReportRequest &request, const QString &hostName);
    // The metrics of the host aggregate query.
    static QList<Metric> aggregateMetrics();
    // The metrics of the host series query (free memory, free with caches, total, KSM saved).
    static QList<HostMetric> hostMetrics();
    // "Not recorded" for the host samples this history does not hold.
    static QString hostSamplesMissing();
};

} // namespace bs
