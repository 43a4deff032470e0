#pragma once

#include "HistoryEvent.h"
#include "Sqlite.h"

namespace bs::history {

// The `events` table: chart markers (lifecycle events, the app's own actions, recording
// start/stop).
class EventLog {
public:
    explicit EventLog(sqlite::Database &db);

    // hostDbId / guestDbId resolved by the caller (SampleWriter); returns the new row's id.
    Result<qint64> add(const HistoryEvent &event, qint64 hostDbId, std::optional<qint64> guestDbId);
    // Events of one host in [fromMs, toMs), oldest first, each with the guest's name at the time.
    Result<QList<HistoryEvent>> query(const EventRequest &request);

private:
    sqlite::Database &m_db;
};

} // namespace bs::history
