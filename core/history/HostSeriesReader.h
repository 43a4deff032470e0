#pragma once

#include "Decimator.h"
#include "QueryPlan.h"
#include "SeriesTypes.h"
#include "Sqlite.h"

namespace bs::history {

// Answers host series queries (schema 3): the same tiers, bucket grid and gap rule as the guests'
// series (RangeReader), read from host_samples and the host roll-ups. A figure that was not
// available at a poll (NULL) is a gap in its series. Read-only.
class HostSeriesReader {
public:
    explicit HostSeriesReader(sqlite::Database &db);

    Result<HostSeriesResult> series(const HostSeriesRequest &request);

private:
    Status readRaw(qint64 hostDbId, const Segment &segment, const QList<HostMetric> &metrics,
                   QList<Decimator> &decimators);
    Status readRollup(qint64 hostDbId, const Segment &segment, const QList<HostMetric> &metrics,
                      QList<Decimator> &decimators);

    sqlite::Database &m_db;
};

} // namespace bs::history
