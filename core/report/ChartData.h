#pragma once

#include "common/Units.h"
#include "history/SeriesTypes.h"

#include <QColor>
#include <QList>
#include <QString>

namespace bs {

// What a chart's values are. Memory is always KiB in the data; the renderer picks MiB or GiB.
enum class ValueUnit { KiB, Percent, Count };

// One line of a chart, with the points exactly as the chart draws them: `avg` is the line,
// `min`..`max` the band, a NaN point (EnvelopePoint::isGap) breaks both.
struct ChartSeries {
    QString key;  // stable, English: the column name in CSV/JSON ("used", "web.used")
    QString name; // translated legend label
    QColor colour;
    Qt::PenStyle style = Qt::SolidLine;
    double widthPt = 1.0;
    bool step = false;           // the value holds until the next point (a balloon size)
    bool band = false;           // shade min..max where they differ
    QList<EnvelopePoint> points; // time order

    bool hasValues() const;
};

// A vertical marker: a lifecycle event, a balloon target, a stats period change.
struct ChartMarker {
    qint64 timeMs = 0;
    QString label; // short, translated
    QString kind;  // stable key (historyEventKindKey)
};

// Where the points came from, for data exports and footnotes.
struct ChartProvenance {
    QString source; // "history", "history-raw", "live"
    QString hostId;
    QString uuid;
    QString guestName;
    qint64 bucketMs = 0;   // the decimation bucket; 0 when every point is a sample
    QList<TierSpan> tiers; // which storage tier answered which span
};

// Everything a chart shows, independent of any toolkit: the GUI's charts hand it to the exporters
// (ChartExportSource), the report builds it from history queries, ChartRenderer paints it.
struct ChartData {
    QString title;
    QString subtitle;
    qint64 fromMs = 0; // the x range shown
    qint64 toMs = 0;
    ValueUnit unit = ValueUnit::KiB;
    // For memory: MiB or GiB as the user chose them (preferences, the chart's unit box), or Auto
    // (units::axisUnit): the exported axis then reads as the chart on screen did.
    units::SizeUnit sizeUnit = units::SizeUnit::Auto;
    QString valueLabel; // y axis title without its unit; empty: "Memory" / "Share"
    QList<ChartSeries> series;
    QList<ChartMarker> markers;
    ChartProvenance provenance;

    bool hasValues() const; // any series has a point that is not a gap
};

} // namespace bs
