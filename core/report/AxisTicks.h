#pragma once

#include "ChartData.h"
#include "common/Units.h"

#include <QList>
#include <QLocale>
#include <QString>

namespace bs {

struct AxisTick {
    double value = 0; // ms since the epoch on a time axis, the axis unit on a value axis
    QString label;
    bool major = false; // a day boundary on a time axis: its label is the date
};

// A value axis from 0 with "nice" steps (1, 2, 2.5, 5 × 10^n) in a readable unit: memory in MiB
// or GiB as units::axisUnit picks it for `sizeUnit` (the user's choice; Auto), shares in %,
// counts as they are.
struct ValueAxis {
    double divisor = 1; // data value / divisor = axis value
    double max = 1;     // axis units; the axis runs from 0
    QString unit;       // "GiB", "MiB", "KiB", "%", empty for counts
    QList<AxisTick> ticks;
};

ValueAxis valueAxis(ValueUnit unit, double maxValue, int maxTicks,
                    const QLocale &locale = QLocale(),
                    units::SizeUnit sizeUnit = units::SizeUnit::Auto);

// Ticks for a time axis in local time: the largest "round" step (1 s … 1 week) that gives at most
// `maxTicks` ticks, aligned to the local clock; labels "HH:mm" (":ss" below a minute), and the
// date ("Jan 2", translated format) at each local midnight and for steps of a day or more.
QList<AxisTick> timeTicks(qint64 fromMs, qint64 toMs, int maxTicks,
                          const QLocale &locale = QLocale());

// "UTC+01:00" for the local zone at `atMs`, for the time axis title and report dates.
QString utcOffsetLabel(qint64 atMs);

} // namespace bs
