#pragma once

#include "EnvelopeChart.h"
#include "history/HistoryEvent.h"
#include "history/SeriesTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace bs::gui {

struct ChartPalette;

// Turns the store's answers into what the History page's charts draw. Plain functions of plain
// values: no store, no widgets.
class HistoryChartData {
    Q_DECLARE_TR_FUNCTIONS(bs::gui::HistoryChartData)

public:
    // The host figures the host chart asks for, in drawing order.
    static QList<HostMetric> hostMetrics();
    // Σ used vs Σ actual vs host total, Σ maximum, host free, KSM saved. The host total falls
    // back to the node's memory size (a step line) where MemTotal was not recorded.
    static QList<ChartSeries> hostSeries(const HostSeriesResult &result,
                                         const ChartPalette &palette);
    // One line per compared guest, in `colors` (by uuid); names from `names` (by uuid).
    static QList<ChartSeries> guestSeries(const SeriesResult &result,
                                          const QHash<QString, QString> &names,
                                          const QHash<QString, QColor> &colors);
    // The colour of each compared guest, by its place in the list.
    static QHash<QString, QColor> guestColors(const QStringList &uuids,
                                              const ChartPalette &palette);
    // The events of the compared guests and the host-wide ones (recording started/stopped).
    static QList<HistoryEvent> guestEvents(const QList<HistoryEvent> &events,
                                           const QStringList &uuids);
    static EnvelopeChart::ValueKind valueKind(Metric metric);
    // "Resolution: 5 s (raw polls)", "Resolution: 22 min (1-minute roll-ups)".
    static QString resolution(qint64 bucketMs, const QList<TierSpan> &tiers);
    // The same for a Prometheus-compatible server: its step, no tiers.
    static QString serverResolution(qint64 bucketMs);
    static QString duration(qint64 ms);
    // The time axis's label format for a range this long (seconds): every history chart alike.
    static QString timeAxisFormat(double spanSeconds);
};

} // namespace bs::gui
