#pragma once

#include "history/SeriesTypes.h"
#include "monitor/MemorySample.h"

#include <QList>

namespace bs {

class WindowSamples; // GuestWindow.h

// One point of a guest's pressure lane (the strip under its memory chart): the guest's swap
// and major-fault rates from the counters its balloon reports, and the host's view of its
// memory pressure (PSI avg10 of its cgroup). NaN where a figure is unknown.
struct PressureLanePoint {
    qint64 timeMs = 0;
    double swapInKiBps = qQNaN();
    double swapOutKiBps = qQNaN();
    double majorFaultsPerSecond = qQNaN();
    double psiSomePercent = qQNaN();
    double psiFullPercent = qQNaN();

    bool hasRate() const;
    bool hasPsi() const;
};

// Live: from one guest's kept polls, oldest first. The rates come between fresh reports
// (PressureRates), PSI with every poll that carried it.
QList<PressureLanePoint> pressureLane(const QList<MemorySample> &polls);
// The same over a health window's compact polls (GuestWindow::samples).
QList<PressureLanePoint> pressureLane(const WindowSamples &polls);

// The metrics a History query asks for to draw the lane.
QList<Metric> pressureLaneMetrics();

// History: from one guest's envelope series of pressureLaneMetrics() (any other is ignored),
// bucket by bucket. A rate is the growth of the counter's bucket maximum over the time between
// two buckets that have one; a counter that went back (the guest rebooted) gives none. PSI is
// the bucket's average.
QList<PressureLanePoint> pressureLane(const QList<Series> &series);

} // namespace bs
