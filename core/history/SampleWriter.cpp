#include "SampleWriter.h"

#include "Decimator.h"
#include "SampleCodec.h"
#include "StoredColumns.h"

namespace bs::history {

namespace {

// Used when a cycle does not say (hand-made cycles in tests): the monitor's default.
constexpr int FallbackIntervalSeconds = 5;
constexpr qint64 SessionWriteSeconds = 30;

} // namespace

SampleWriter::SampleWriter(sqlite::Database &db, QString writerLabel)
    : m_db(db)
    , m_label(std::move(writerLabel)) {}

Status SampleWriter::prepare() {
    if (m_prepared)
        return Status::success();
    const QByteArray insert =
        "INSERT INTO samples_inbox VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20) ON CONFLICT(t, guest_id) DO UPDATE SET " +
        sampleUpsertAssignments();
    auto stmt = m_db.prepare(insert.constData(), true);
    if (!stmt)
        return stmt.error();
    m_insertSample = std::move(stmt).value();
    stmt = m_db.prepare("UPDATE sessions SET last_seen = ?2 WHERE id = ?1", true);
    if (!stmt)
        return stmt.error();
    m_updateSession = std::move(stmt).value();
    m_prepared = true;
    return Status::success();
}

void SampleWriter::forget() {
    m_hosts.clear();
    m_guests.clear();
    m_sessions.clear();
}

qint64 SampleWriter::inboxSpanSeconds() const {
    return m_inboxOldest ? m_inboxNewest - *m_inboxOldest : 0;
}

void SampleWriter::inboxEmptied() {
    m_inboxOldest.reset();
    m_inboxNewest = 0;
    m_inboxRows = 0;
}

Result<qint64> SampleWriter::hostId(const QString &uri) {
    if (auto it = m_hosts.constFind(uri); it != m_hosts.cend())
        return *it;
    auto find = m_db.prepare("SELECT id FROM hosts WHERE uri = ?1");
    if (!find)
        return find.error();
    find->bind(1, uri);
    switch (find->step()) {
    case sqlite::Statement::Step::Row:
        m_hosts.insert(uri, find->int64(0));
        return find->int64(0);
    case sqlite::Statement::Step::Failed:
        return find->error();
    case sqlite::Statement::Step::Done:
        break;
    }
    auto insert = m_db.prepare("INSERT INTO hosts(uri) VALUES (?1)");
    if (!insert)
        return insert.error();
    insert->bind(1, uri);
    if (Status s = insert->run(); !s)
        return s.error();
    const qint64 id = m_db.lastInsertRowId();
    m_hosts.insert(uri, id);
    return id;
}

Result<qint64> SampleWriter::guestId(qint64 hostDbId, const QString &uuid, const QString &name,
                                     qint64 t, bool trackName) {
    auto guest = guestOf(m_guests[hostDbId], hostDbId, uuid, name, t, trackName);
    if (!guest)
        return guest.error();
    return (*guest)->id;
}

Result<SampleWriter::Guest *> SampleWriter::guestOf(HostGuests &guests, qint64 hostDbId,
                                                    const QString &uuid, const QString &name,
                                                    qint64 t, bool trackName) {
    auto it = guests.find(uuid);
    if (it == guests.end()) {
        auto find = m_db.prepare("SELECT id, name FROM guests WHERE host_id = ?1 AND uuid = ?2");
        if (!find)
            return find.error();
        find->bind(1, hostDbId).bind(2, uuid);
        const auto step = find->step();
        if (step == sqlite::Statement::Step::Failed)
            return find->error();
        Guest guest;
        if (step == sqlite::Statement::Step::Row) {
            guest.id = find->int64(0);
            guest.name = find->text(1);
        } else {
            auto insert = m_db.prepare(
                "INSERT INTO guests(host_id, uuid, name, first_seen) VALUES (?1, ?2, ?3, ?4)");
            if (!insert)
                return insert.error();
            insert->bind(1, hostDbId).bind(2, uuid).bind(3, name).bind(4, t);
            if (Status s = insert->run(); !s)
                return s.error();
            guest.id = m_db.lastInsertRowId();
            guest.name = QString(); // recorded below as its first name
        }
        it = guests.insert(uuid, guest);
    }
    if (it->name != name && !name.isEmpty() && (trackName || it->name.isEmpty())) {
        // A rename keeps the guest (same UUID, same history); the name is tracked over time.
        auto rename = m_db.prepare("UPDATE guests SET name = ?2 WHERE id = ?1");
        auto history = m_db.prepare("INSERT OR REPLACE INTO guest_names(guest_id, since, name) "
                                    "VALUES (?1, ?2, ?3)");
        if (!rename)
            return rename.error();
        if (!history)
            return history.error();
        rename->bind(1, it->id).bind(2, name);
        history->bind(1, it->id).bind(2, t).bind(3, name);
        if (Status s = rename->run(); !s)
            return s.error();
        if (Status s = history->run(); !s)
            return s.error();
        it->name = name;
    }
    return &*it;
}

Status SampleWriter::writeHostMemory(qint64 hostDbId, qint64 t, quint64 totalKiB) {
    auto last = m_db.prepare("SELECT total_kib FROM host_memory WHERE host_id = ?1 AND t <= ?2 "
                             "ORDER BY t DESC LIMIT 1");
    if (!last)
        return last.error();
    last->bind(1, hostDbId).bind(2, t);
    const auto step = last->step();
    if (step == sqlite::Statement::Step::Failed)
        return last->error();
    if (step == sqlite::Statement::Step::Row && last->int64(0) == qint64(totalKiB))
        return Status::success();
    auto insert = m_db.prepare(
        "INSERT OR REPLACE INTO host_memory(host_id, t, total_kib) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    insert->bind(1, hostDbId).bind(2, t).bind(3, qint64(totalKiB));
    return insert->run();
}

Status SampleWriter::touchSession(qint64 hostDbId, qint64 t, int interval) {
    auto it = m_sessions.find(hostDbId);
    const bool continues = it != m_sessions.end() && it->interval == interval && t >= it->lastT &&
                           t - it->lastT <= maxGapForInterval(interval);
    if (continues) {
        it->lastT = t;
        // The session's end is written now and then, not at every poll (a page per commit):
        // after a crash it may lag by SessionWriteSeconds; flushSessions() at a clean stop.
        if (t - it->writtenT < SessionWriteSeconds)
            return Status::success();
        m_updateSession.bind(1, it->id).bind(2, t);
        if (Status s = m_updateSession.run(); !s)
            return s;
        it->writtenT = t;
        return Status::success();
    }
    auto insert = m_db.prepare("INSERT INTO sessions(host_id, started, last_seen, interval_s, "
                               "writer) VALUES (?1, ?2, ?2, ?3, ?4)");
    if (!insert)
        return insert.error();
    insert->bind(1, hostDbId).bind(2, t).bind(3, qint64(interval)).bind(4, m_label);
    if (Status s = insert->run(); !s)
        return s;
    m_sessions.insert(hostDbId, Session{m_db.lastInsertRowId(), t, t, interval});
    return Status::success();
}

Status SampleWriter::flushSessions() {
    if (!m_prepared)
        return Status::success();
    for (Session &session : m_sessions) {
        if (session.writtenT == session.lastT)
            continue;
        m_updateSession.bind(1, session.id).bind(2, session.lastT);
        if (Status s = m_updateSession.run(); !s)
            return s;
        session.writtenT = session.lastT;
    }
    return Status::success();
}

Result<int> SampleWriter::write(qint64 hostDbId, const PollCycle &cycle) {
    if (Status s = prepare(); !s)
        return s.error();
    const qint64 t = cycle.timeMs / 1000;
    const int interval =
        cycle.intervalSeconds > 0 ? cycle.intervalSeconds : FallbackIntervalSeconds;
    if (Status s = touchSession(hostDbId, t, interval); !s)
        return s.error();
    int written = 0;
    HostGuests &guests = m_guests[hostDbId];
    for (const MemorySample &sample : cycle.samples) {
        auto found = guestOf(guests, hostDbId, sample.uuid, sample.name, t, true);
        if (!found)
            return found.error();
        Guest &guest = **found;
        if (!worthStoring(sample, guest.lastFlags))
            continue;
        StoredSample row = encodeSample(sample);
        row.t = t; // the cycle's time: all guests of one poll share it
        sqlite::Statement &s = m_insertSample;
        s.bind(1, guest.id).bind(2, row.t).bind(3, qint64(row.flags));
        s.bind(4, row.actual).bind(5, row.inflated).bind(6, row.rss);
        s.bind(7, row.available).bind(8, row.unused).bind(9, row.usable);
        s.bind(10, row.diskCaches).bind(11, row.swapIn).bind(12, row.swapOut);
        s.bind(13, row.majorFault).bind(14, row.minorFault);
        s.bind(15, row.hugetlbPgAlloc).bind(16, row.hugetlbPgFail).bind(17, row.reportAge);
        s.bind(18, row.vmSwap).bind(19, row.psiSome).bind(20, row.psiFull);
        if (Status st = s.run(); !st)
            return st.error();
        guest.lastFlags = row.flags;
        ++written;
    }
    if (written > 0) {
        m_inboxOldest = qMin(m_inboxOldest.value_or(t), t);
        m_inboxNewest = qMax(m_inboxNewest, t);
        m_inboxRows += written;
    }
    return written;
}

} // namespace bs::history
