#pragma once

#include "monitor/MemorySample.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace bs {

// The raw samples of some guests over a range, as they were recorded: one MemorySample per poll
// (guest fields only on a fresh report; host figures every poll of a running guest; a guest that
// does not run has one sample where it stopped), with the stats state of each poll. For exports
// of raw data and for statistics that need every sample (a percentile, the stats coverage).
struct SampleRequest {
    QString hostId;
    QStringList uuids;
    qint64 fromMs = 0;
    qint64 toMs = 0;
};

struct GuestSamples {
    QString uuid;
    QString name;                // the latest name the history knows; empty for an unknown guest
    QList<MemorySample> samples; // oldest first
};

struct SampleResult {
    // Raw samples are kept from here on (ms): older ones were rolled up and purged. Where it
    // lies after the request's start, the range's beginning is only in the roll-up tiers.
    qint64 rawFromMs = 0;
    // More than this between two polls counts as "nothing recorded" (three polling intervals
    // plus slack, the longest interval recorded in range), as the charts' gaps do.
    qint64 maxGapMs = 0;
    QList<GuestSamples> guests; // in the order of the request's uuids
    QString note;               // what the source changed from the request and why
};

} // namespace bs

Q_DECLARE_METATYPE(bs::SampleResult)
