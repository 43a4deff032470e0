#pragma once

#include "Decimator.h"
#include "HistoryStatus.h"
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
    struct Plan {
        RangePlan range;
        qint64 maxGap = 0;
    };
    Result<std::optional<qint64>> hostDbId(const QString &uri);
    Result<QList<EnvelopePoint>> hostTotal(qint64 hostDbId, qint64 fromMs, qint64 toMs);
    Result<std::optional<qint64>> guestDbId(qint64 hostDbId, const QString &uuid);
    Result<Plan> plan(qint64 hostDbId, qint64 fromMs, qint64 toMs, int points);
    Result<QList<QList<DecimatedEntry>>>
    decimateGuest(qint64 guestDbId, const QList<Metric> &metrics, const Plan &plan);
    Status readRaw(qint64 guestDbId, const Segment &segment, const QList<Metric> &metrics,
                   QList<Decimator> &decimators);
    Status readRollup(qint64 guestDbId, const Segment &segment, const QList<Metric> &metrics,
                      QList<Decimator> &decimators);

    sqlite::Database &m_db;
};

} // namespace bs::history
