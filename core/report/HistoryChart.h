#pragma once

#include "ChartData.h"
#include "history/HistoryEvent.h"
#include "history/SeriesTypes.h"

#include <QCoreApplication>

namespace bs {

// Builds the chart of one guest from a history query, the same for the report, `export` and
// the GUI's history charts: one series per metric (metricSeries styles), the points exactly as
// the query returned them, the guest's events as markers.
class HistoryChart {
    Q_DECLARE_TR_FUNCTIONS(HistoryChart)

public:
    struct Guest {
        QString hostId;
        QString uuid;
        QString name;
    };

    static ChartData fromSeries(const SeriesResult &result, const Guest &guest, qint64 fromMs,
                                qint64 toMs, const QList<HistoryEvent> &events = {});
    // The metrics a memory chart shows, the most important first (drawn on top).
    static QList<Metric> defaultMetrics();
    // A short marker for an event ("started", "balloon → 2.0 GiB"); empty kind for events a
    // chart leaves out (recording start/stop: the gaps already show them).
    static ChartMarker marker(const HistoryEvent &event);
    // "Memory of web" and "kvm1 · 1 Jan 2025 08:00 – 2 Jan 2025 08:00 (UTC+01:00)".
    static QString title(const QString &guestName);
    static QString subtitle(const QString &hostName, qint64 fromMs, qint64 toMs);
    // "1 Jan 2025 08:00 – 2 Jan 2025 08:00 (UTC+01:00)" in the current locale.
    static QString rangeText(qint64 fromMs, qint64 toMs);
};

} // namespace bs
