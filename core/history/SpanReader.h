#pragma once

#include "SeriesTypes.h"
#include "Sqlite.h"

namespace bs::history {

// Answers "since when is there history?" (RecordedSpan) from the first and last row of each tier
// of the host's own figures and of its guests. Each bound is one index lookup per guest and
// table. Read-only: works on a read-only connection too.
class SpanReader {
public:
    explicit SpanReader(sqlite::Database &db);

    Result<RecordedSpan> span(const RecordedSpanRequest &request);

private:
    sqlite::Database &m_db;
};

} // namespace bs::history
