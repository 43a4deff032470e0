#pragma once

#include "ChartData.h"
#include "monitor/MemorySample.h"

#include <QByteArray>
#include <QList>

namespace bs {

// The raw samples of one guest over a range, for "raw" data exports.
struct RawSamples {
    QString hostId;
    QString uuid;
    QString name;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 rawFromMs = 0; // older samples were rolled up: the export starts here at the earliest
    QList<MemorySample> samples;
};

// CSV of exactly the points a chart draws or of raw samples: a header, one row per timestamp,
// a column per field, KiB, times as ISO 8601 UTC (plus t_ms, the same instant in ms). Empty cell
// = no value. Numbers are written so they read back to the same double.
//
// Decimated chart points (provenance.bucketMs > 0): <key>_min, <key>_avg, <key>_max per series,
// and a last column `gaps` naming the series whose point at that time is a gap. Undecimated ones
// (live points, raw series): one column <key> per series, and `gaps`.
// Raw samples: state, stats_state, fresh_report, every libvirt field, last_update and the
// derived used / used_excluding_cache / used_percent_of_available.
class CsvExporter {
public:
    static QByteArray chart(const ChartData &chart);
    static QByteArray samples(const RawSamples &raw);
};

// The same as JSON: the chart's provenance (host, guest, range, bucket, tiers), every series
// with its points ({t_ms, time, min, avg, max} or {value}, or {gap: true}), its markers; or the
// raw samples in `sample --json`'s shape.
class JsonExporter {
public:
    static QByteArray chart(const ChartData &chart);
    static QByteArray samples(const RawSamples &raw);
};

// Shortest text that reads back to the same double, never in exponent notation ("4194304",
// "1234.5").
QString exactNumber(double value);

} // namespace bs
