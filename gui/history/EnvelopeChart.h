#pragma once

#include "common/Units.h"
#include "history/HistoryEvent.h"
#include "history/SeriesTypes.h"
#include "report/ChartData.h"
#include "report/ChartExportSource.h"

#include <QColor>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCustomPlot;
class QCPGraph;
class QCPLayer;
class QCPItemText;
class QCPLegend;
class QCPAbstractLegendItem;
class QMouseEvent;

namespace bs::gui {

class ChartCrosshair;
class EnvelopeBands;
class EventMarkers;

// A time chart of envelope series (HISTORY.md): the average as the line, the min–max band
// behind it only where a point stands for more than one sample (so a one-poll spike stays
// visible at any zoom, as in PulseView), NaN points as breaks in the line, event markers, a
// crosshair with the values under the cursor. The wheel zooms and a drag pans the time axis
// (the value axis follows what is visible); viewChanged says so, for a debounced re-query.
// Repaints of new data are coalesced: at most one per 40 ms (25 Hz).
// Exportable (ChartExportSource): the visible series' points and markers within the time range
// on screen, as File → Export Chart… and Export Chart Data… write them.
class EnvelopeChart final : public QWidget, public ChartExportSource {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvelopeChart)

public:
    enum class ValueKind { Memory, Count, Percent }; // Percent: values in hundredths

    explicit EnvelopeChart(QWidget *parent = nullptr);
    ~EnvelopeChart() override;

    // Replaces the data; series keep their visibility (legend clicks) by key.
    void setSeries(const QList<ChartSeries> &series, qint64 bucketMs);
    void setEvents(const QList<HistoryEvent> &events);
    void setValueKind(ValueKind kind);
    void setUnit(units::SizeUnit unit);
    // Shows [fromMs, toMs] without emitting viewChanged.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    // Shown in the middle while no series has a point.
    void setPlaceholder(const QString &text);
    // The title an exported picture or file carries (the page shows it outside the chart).
    void setExportTitle(const QString &title) { m_exportTitle = title; }
    ChartData exportChart() const override;

    qint64 fromMs() const;
    qint64 toMs() const;
    // The plot's width in pixels: the point budget of a query (about one point per pixel).
    int pointBudget() const;
    QCustomPlot *plot() const { return m_plot; }
    EventMarkers *markers() const { return m_markers.get(); }
    ChartCrosshair *crosshair() const { return m_crosshair; }

    // For tests and the benchmark.
    void replotNow();
    int replotCount() const { return m_replots; }
    bool isSeriesVisible(const QString &key) const;
    bool bandShown(const QString &key) const;
    int pointCount(const QString &key) const; // line points, gaps included
    int gapCount(const QString &key) const;   // NaN points (breaks in the line)
    // The crosshair box's text at this time (rich text).
    QString valuesAt(qint64 timeMs) const;

Q_SIGNALS:
    // The user zoomed or panned the time axis.
    void viewChanged(qint64 fromMs, qint64 toMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Entry {
        ChartSeries series;
        QCPGraph *line = nullptr;
    };
    void applyPalette();
    void rebuildData(Entry &entry) const;
    void onUserRange();
    void followValues();
    void updateTicker();
    void updateUnit();
    void scheduleReplot();
    void legendClicked(QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *event);
    const Entry *entry(const QString &key) const;
    QString formatValue(double value) const;
    double valueDivisor() const; // stored value → axis value
    static EnvelopePoint inPercent(EnvelopePoint point);

    QCustomPlot *m_plot;
    std::unique_ptr<EventMarkers> m_markers;
    ChartCrosshair *m_crosshair = nullptr;
    QCPItemText *m_placeholder;
    EnvelopeBands *m_bands; // every series' min–max band, one plottable
    QList<Entry> m_entries;
    QSet<QString> m_hidden;
    qint64 m_bucketMs = 0;
    QList<HistoryEvent> m_events;
    QString m_exportTitle;
    ValueKind m_kind = ValueKind::Memory;
    units::SizeUnit m_unitChoice = units::SizeUnit::Auto;
    units::SizeUnit m_unit = units::SizeUnit::MiB; // in effect
    double m_divisor = double(units::KiBPerMiB);
    bool m_settingRange = false;
    QTimer m_replotTimer;
    int m_replots = 0;
};

} // namespace bs::gui
