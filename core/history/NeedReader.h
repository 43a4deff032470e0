#pragma once

#include "GuestNeedReader.h"
#include "NeedQuery.h"
#include "RangePlanner.h"
#include "Sqlite.h"
#include "common/Result.h"

namespace bs::history {

// Answers need queries (NeedQuery.h) for the sizing advisor: per guest every fresh report's need
// where raw polls exist, the roll-ups' maxima where they aged out, the swap-in and major-fault
// growth, the balloon per hour (GuestNeedReader), and the host's memory per hour. A month of
// polls is millions of rows: the guests are read in parallel on extra read-only connections to
// the same file (one per core, at most four), each answering only its percentiles. Read-only.
class NeedReader {
public:
    explicit NeedReader(sqlite::Database &db);

    Result<NeedResult> needs(const NeedRequest &request);

    // At most this many connections read guests at once (1: only the caller's).
    void setMaxThreads(int threads) { m_maxThreads = qMax(1, threads); }

private:
    struct Guest {
        qint64 dbId = -1; // -1: not in the history
        QString uuid;
        QString name;
    };
    Status readGuests(const GuestNeedReader::Plans &plans, const QList<Guest> &guests,
                      QList<GuestNeedHistory> &out, QList<char> &found);
    Status readHost(qint64 hostDbId, const QList<Segment> &segments, NeedResult &out);

    sqlite::Database &m_db;
    int m_maxThreads;
};

} // namespace bs::history
