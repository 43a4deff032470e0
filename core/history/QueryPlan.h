#pragma once

#include "RangePlanner.h"
#include "SeriesTypes.h"
#include "Sqlite.h"

#include <optional>

namespace bs::history {

// What the range readers (RangeReader for guests, HostSeriesReader for hosts) share: which tiers
// answer a range, and how long a pause may be before it counts as "nothing recorded".
struct QueryPlan {
    RangePlan range;
    qint64 maxGap = 0; // seconds
};

Result<std::optional<qint64>> findHostDbId(sqlite::Database &db, const QString &uri);
// hostDbId may be -1 (a host without history): the plan then uses the fallback interval.
Result<QueryPlan> planQuery(sqlite::Database &db, qint64 hostDbId, qint64 fromMs, qint64 toMs,
                            int points);
// The host's memory size as recorded in host_memory, as a step line over [fromMs, toMs].
Result<QList<EnvelopePoint>> readNodeMemory(sqlite::Database &db, qint64 hostDbId, qint64 fromMs,
                                            qint64 toMs);

qint64 floorSeconds(qint64 ms);
qint64 ceilSeconds(qint64 ms);

} // namespace bs::history
