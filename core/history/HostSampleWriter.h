#pragma once

#include "Sqlite.h"
#include "host/HostOverview.h"

namespace bs::history {

// Writes one HostSample per poll into host_samples (schema 3), inside the caller's transaction.
// Absent figures are stored as NULL, never 0.
class HostSampleWriter {
public:
    explicit HostSampleWriter(sqlite::Database &db);

    Status write(qint64 hostDbId, const HostSample &sample);

private:
    sqlite::Database &m_db;
    sqlite::Statement m_insert; // prepared at the first write, kept for the connection's life
};

} // namespace bs::history
