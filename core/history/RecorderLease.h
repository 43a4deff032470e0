#pragma once

#include "HistoryStatus.h"
#include "Sqlite.h"

#include <optional>

namespace bs::history {

// This store's identity as a writer of a shared database.
struct WriterIdentity {
    QString ownerId; // random, per store instance
    WriterRole role = WriterRole::App;
    qint64 pid = 0;
    QString machine;

    static WriterIdentity current(WriterRole role);
    QString label() const; // "recorder pid 1234 on kvm1"
};

// Coordinates writers of one database (the app and headless recorders) so no host is written
// twice: a row per host in `leases` names who writes it and until when. A writer takes or renews
// a host's lease in the same transaction as the host's samples, so the check and the write are
// atomic under SQLite's write lock. Another writer's live lease is respected unless it has a lower
// role (a recorder takes a host over from the app). A lease lapses `leaseSeconds` after its last
// renewal, or at once when its pid is gone from this machine (a killed recorder).
class RecorderLease {
public:
    RecorderLease(sqlite::Database &db, WriterIdentity me, int leaseSeconds);

    const WriterIdentity &identity() const { return m_me; }

    // Inside the caller's write transaction. Returns the lease that now holds the host: ours
    // (mine = true, taken or renewed) or the other writer's that covers it.
    Result<HostLease> claim(qint64 hostDbId, const QString &hostUri, qint64 nowMs);
    // Who else covers the host right now, without taking it.
    Result<std::optional<HostLease>> coveredBy(qint64 hostDbId, const QString &hostUri,
                                               qint64 nowMs);
    // Extends our leases on these hosts (a heartbeat between polls).
    Status renew(const QList<qint64> &hostDbIds, qint64 nowMs);
    Status releaseAll();
    Result<QList<HostLease>> list(qint64 nowMs);

private:
    bool isLive(const HostLease &lease, qint64 nowMs) const;
    // Whether another writer's lease keeps us from writing the host.
    bool blocks(const HostLease &lease, qint64 nowMs) const;
    Status prepare();
    Result<std::optional<HostLease>> current(qint64 hostDbId, const QString &hostUri);

    sqlite::Database &m_db;
    WriterIdentity m_me;
    qint64 m_leaseMs;
    sqlite::Statement m_find; // asked at every poll: prepared once
    sqlite::Statement m_upsert;
};

} // namespace bs::history
