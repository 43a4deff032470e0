#pragma once

#include "history/HostMetric.h"
#include "model/Metric.h"

#include <QString>

namespace bs::prom {

// The series the metrics endpoint serves for one of the history's metrics, and the factor that
// turns its values into the history's units (KiB, counts, hundredths of a percent).
struct MetricSeries {
    QString name;
    double factor = 1.0;
};
MetricSeries seriesFor(Metric metric);
// The same for the host's own figures; empty name for one the endpoint does not serve (buffers,
// cached, the KSM page counters, huge pages in KiB).
MetricSeries hostSeriesFor(HostMetric metric);

// A PromQL label value, quoted and escaped: "qemu:///system" → "\"qemu:///system\"".
QString quoted(const QString &value);

} // namespace bs::prom
