#pragma once

#include "SampleQuery.h"
#include "Sqlite.h"
#include "common/Result.h"

namespace bs::history {

// Answers raw sample queries (SampleQuery.h): the rows of `samples` and the inbox, decoded back
// into MemorySamples. Read-only, on the history worker's connection.
class SampleReader {
public:
    explicit SampleReader(sqlite::Database &db);

    Result<SampleResult> samples(const SampleRequest &request);

private:
    Status readGuest(qint64 guestDbId, qint64 from, qint64 to, GuestSamples &out);

    sqlite::Database &m_db;
};

} // namespace bs::history
