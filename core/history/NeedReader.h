#pragma once

#include "NeedQuery.h"
#include "RangePlanner.h"
#include "Sqlite.h"
#include "common/Result.h"

namespace bs::history {

// Answers need queries (NeedQuery.h) for the sizing advisor: per guest every fresh report's need
// where raw polls exist, the roll-ups' maxima where they aged out, the swap-in and major-fault
// growth, the balloon per hour, and the host's memory per hour. One pass over each guest's rows,
// only the columns it needs. Read-only.
class NeedReader {
public:
    explicit NeedReader(sqlite::Database &db);

    Result<NeedResult> needs(const NeedRequest &request);

private:
    struct GuestRows;
    Status readRaw(qint64 guestDbId, qint64 from, qint64 to, GuestRows &rows);
    Status readRollup(qint64 guestDbId, Tier tier, qint64 from, qint64 to, GuestRows &rows);
    Status readHost(qint64 hostDbId, const QList<Segment> &segments, NeedResult &out);

    sqlite::Database &m_db;
};

} // namespace bs::history
