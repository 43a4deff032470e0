#include "EventLog.h"

namespace bs::history {

EventLog::EventLog(sqlite::Database &db)
    : m_db(db) {}

Result<qint64> EventLog::add(const HistoryEvent &event, qint64 hostDbId,
                             std::optional<qint64> guestDbId) {
    auto insert = m_db.prepare("INSERT INTO events(t_ms, host_id, guest_id, kind, code, detail, "
                               "value, text, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert)
        return insert.error();
    insert->bind(1, event.timeMs).bind(2, hostDbId).bind(3, guestDbId);
    insert->bind(4, historyEventKindKey(event.kind));
    insert->bind(5, qint64(event.code)).bind(6, qint64(event.detail)).bind(7, event.value);
    if (event.text.isEmpty())
        insert->bindNull(8);
    else
        insert->bind(8, event.text);
    insert->bind(9, event.source);
    if (Status s = insert->run(); !s)
        return s.error();
    return m_db.lastInsertRowId();
}

Result<QList<HistoryEvent>> EventLog::query(const EventRequest &request) {
    auto rows = m_db.prepare(
        "SELECT e.id, e.t_ms, g.uuid, e.kind, e.code, e.detail, e.value, e.text, e.source, "
        "(SELECT n.name FROM guest_names n WHERE n.guest_id = e.guest_id AND n.since <= "
        "e.t_ms / 1000 ORDER BY n.since DESC LIMIT 1), g.name "
        "FROM events e JOIN hosts h ON h.id = e.host_id LEFT JOIN guests g ON g.id = e.guest_id "
        "WHERE h.uri = ?1 AND e.t_ms >= ?2 AND e.t_ms < ?3 ORDER BY e.t_ms, e.id");
    if (!rows)
        return rows.error();
    rows->bind(1, request.hostId).bind(2, request.fromMs).bind(3, request.toMs);
    QList<HistoryEvent> out;
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        HistoryEvent e;
        e.id = rows->int64(0);
        e.timeMs = rows->int64(1);
        e.hostId = request.hostId;
        e.uuid = rows->isNull(2) ? QString() : rows->text(2);
        if (!request.uuids.isEmpty() && !e.uuid.isEmpty() && !request.uuids.contains(e.uuid))
            continue;
        const auto kind = historyEventKindFromKey(rows->text(3));
        e.kind = kind.value_or(HistoryEvent::Kind::Note);
        if (!request.kinds.isEmpty() && !request.kinds.contains(e.kind))
            continue;
        e.code = int(rows->int64(4));
        e.detail = int(rows->int64(5));
        e.value = rows->optionalInt64(6);
        e.text = rows->isNull(7) ? QString() : rows->text(7);
        e.source = rows->text(8);
        e.name = rows->isNull(9) ? (rows->isNull(10) ? QString() : rows->text(10)) : rows->text(9);
        out.append(e);
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return out;
}

} // namespace bs::history
