#pragma once

#include "Sqlite.h"
#include "monitor/MemorySample.h"

#include <QHash>

#include <optional>

namespace bs::history {

// Writes poll cycles into `samples_inbox`, with the hosts, guests, guest names and recording
// sessions they need. Ids and the last stored state are cached in memory; call forget() after
// a rollback, since the caches may then name rows that are gone. Every call runs inside the
// caller's transaction.
class SampleWriter {
public:
    // writerLabel goes into `sessions.writer`: "recorder pid 1234 on kvm1".
    SampleWriter(sqlite::Database &db, QString writerLabel);

    Result<qint64> hostId(const QString &uri);
    // Stores each guest's row (see SampleCodec.h for what is stored) and extends the host's
    // recording session. Returns how many rows were written.
    Result<int> write(qint64 hostDbId, const PollCycle &cycle);
    // The guest's id, created when new. trackName: `name` is its name as of `t` (a poll); an
    // event's name may be stale and never renames a guest.
    Result<qint64> guestId(qint64 hostDbId, const QString &uuid, const QString &name, qint64 t,
                           bool trackName = true);

    // The host's memory size (KiB) as of t, stored only when it differs from the last one.
    Status writeHostMemory(qint64 hostDbId, qint64 t, quint64 totalKiB);

    // Writes the sessions' last poll times that are only in memory (at a clean stop).
    Status flushSessions();
    void forget();

    // How much time the inbox holds since it was last emptied, as far as this writer knows.
    qint64 inboxSpanSeconds() const;
    qint64 inboxRows() const { return m_inboxRows; }
    void inboxEmptied();

private:
    struct Guest {
        qint64 id = 0;
        QString name;
        std::optional<int> lastFlags;
    };
    struct Session {
        qint64 id = 0;
        qint64 lastT = 0;
        qint64 writtenT = 0; // last_seen as written
        int interval = 0;
    };
    Status prepare();
    Status touchSession(qint64 hostDbId, qint64 t, int interval);

    sqlite::Database &m_db;
    QString m_label;
    bool m_prepared = false;
    sqlite::Statement m_insertSample;
    sqlite::Statement m_updateSession;
    QHash<QString, qint64> m_hosts;
    using HostGuests = QHash<QString, Guest>; // by UUID
    // The guest's entry in `guests` (the host's), found or added, its name kept up to date. The
    // pointer holds until the next insertion into `guests`.
    Result<Guest *> guestOf(HostGuests &guests, qint64 hostDbId, const QString &uuid,
                            const QString &name, qint64 t, bool trackName);

    QHash<qint64, HostGuests> m_guests; // by host id
    QHash<qint64, Session> m_sessions;
    std::optional<qint64> m_inboxOldest;
    qint64 m_inboxNewest = 0;
    qint64 m_inboxRows = 0;
};

} // namespace bs::history
