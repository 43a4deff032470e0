#pragma once

#include "Decimator.h"
#include "HistoryStatus.h"
#include "QueryPlan.h"
#include "RangePlanner.h"
#include "SeriesTypes.h"
#include "Sqlite.h"

namespace bs::history {

// Answers range queries: plans the tiers (RangePlanner), reads each guest's rows of every segment
// in one pass for all requested metrics, classifies each row as value / hold / gap and decimates
// it (Decimator). Read-only: works on a read-only connection too.
class RangeReader {
public:
    explicit RangeReader(sqlite::Database &db);

    Result<SeriesResult> series(const SeriesRequest &request);
    Result<AggregateResult> aggregate(const AggregateRequest &request);
    Result<QList<GuestInfo>> guests(const QString &hostId); // empty hostId: every host

private:
    Result<std::optional<qint64>> guestDbId(qint64 hostDbId, const QString &uuid);
    Result<QList<QList<DecimatedEntry>>>
    decimateGuest(qint64 guestDbId, const QList<Metric> &metrics, const QueryPlan &plan);
    Status readRaw(qint64 guestDbId, const Segment &segment, const QList<Metric> &metrics,
                   QList<Decimator> &decimators);
    Status readRollup(qint64 guestDbId, const Segment &segment, const QList<Metric> &metrics,
                      QList<Decimator> &decimators);

    sqlite::Database &m_db;
};

} // namespace bs::history
