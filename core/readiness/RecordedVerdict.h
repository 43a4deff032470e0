#pragma once

#include "ReadinessTypes.h"
#include "model/StatsState.h"
#include "monitor/MemorySample.h"

#include <QCoreApplication>
#include <QList>

namespace bs {

// The verdict the host-side rules (DOMAIN.md §3) give for a stats state the monitor classified:
// reporting → ready, off → polling off, no balloon → no device, no driver, stale → not
// delivering; inactive, waiting and unknown decide nothing. The readiness badge shows it until
// an inspection has run; reports use it on recorded polls.
Verdict verdictForStatsState(StatsState state);

// A verdict from recorded polls alone (the history keeps each poll's stats state, not the XML):
// the state of the last poll in which the guest ran, with the reason in one sentence. Unknown,
// with the reason, when nothing was recorded, the guest never ran, or its last state decides
// nothing.
struct RecordedReadiness {
    Q_DECLARE_TR_FUNCTIONS(RecordedReadiness)

public:
    Verdict verdict = Verdict::Unknown;
    QString reason;  // translated
    qint64 atMs = 0; // the poll the verdict rests on; 0 when none
    StatsState state = StatsState::Unknown;

    static RecordedReadiness fromSamples(const QList<MemorySample> &samples); // oldest first
};

} // namespace bs
