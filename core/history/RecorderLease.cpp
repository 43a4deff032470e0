#include "RecorderLease.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace bs::history {

namespace {

int rank(WriterRole role) {
    return role == WriterRole::Recorder ? 2 : 1;
}

WriterRole roleFromKey(const QString &key) {
    return key == QLatin1String("recorder") ? WriterRole::Recorder : WriterRole::App;
}

bool processGone(qint64 pid) {
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

HostLease leaseFromRow(const sqlite::Statement &row, const QString &uri, const QString &me) {
    HostLease lease;
    lease.hostId = uri;
    lease.owner = row.text(0);
    lease.role = roleFromKey(row.text(1));
    lease.pid = row.int64(2);
    lease.machine = row.text(3);
    lease.acquiredMs = row.int64(4);
    lease.expiresMs = row.int64(5);
    lease.mine = lease.owner == me;
    return lease;
}

} // namespace

WriterIdentity WriterIdentity::current(WriterRole role) {
    WriterIdentity id;
    id.ownerId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    id.role = role;
    id.pid = QCoreApplication::applicationPid();
    id.machine = QSysInfo::machineHostName();
    return id;
}

QString WriterIdentity::label() const {
    return QStringLiteral("%1 pid %2 on %3").arg(writerRoleKey(role)).arg(pid).arg(machine);
}

RecorderLease::RecorderLease(sqlite::Database &db, WriterIdentity me, int leaseSeconds)
    : m_db(db)
    , m_me(std::move(me))
    , m_leaseMs(qMax(1, leaseSeconds) * 1000LL) {}

bool RecorderLease::isLive(const HostLease &lease, qint64 nowMs) const {
    if (lease.expiresMs <= nowMs)
        return false;
    // Same machine and the process is gone: a killed writer, no need to wait for the expiry.
    return !(lease.machine == m_me.machine && processGone(lease.pid));
}

Status RecorderLease::prepare() {
    if (m_find.isValid())
        return Status::success();
    auto find = m_db.prepare(
        "SELECT owner, role, pid, machine, acquired, expires FROM leases WHERE host_id = ?1", true);
    if (!find)
        return find.error();
    auto upsert = m_db.prepare(
        "INSERT INTO leases(host_id, owner, role, pid, machine, acquired, expires) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(host_id) DO UPDATE SET "
        "acquired = CASE WHEN owner = excluded.owner THEN acquired ELSE excluded.acquired END, "
        "owner = excluded.owner, role = excluded.role, pid = excluded.pid, "
        "machine = excluded.machine, expires = excluded.expires",
        true);
    if (!upsert)
        return upsert.error();
    m_find = std::move(find).value();
    m_upsert = std::move(upsert).value();
    return Status::success();
}

Result<std::optional<HostLease>> RecorderLease::current(qint64 hostDbId, const QString &hostUri) {
    if (Status s = prepare(); !s)
        return s.error();
    m_find.bind(1, hostDbId);
    const auto step = m_find.step();
    std::optional<HostLease> lease;
    if (step == sqlite::Statement::Step::Row)
        lease = leaseFromRow(m_find, hostUri, m_me.ownerId);
    const Error error = step == sqlite::Statement::Step::Failed ? m_find.error() : Error{};
    m_find.reset();
    if (step == sqlite::Statement::Step::Failed)
        return error;
    return lease;
}

bool RecorderLease::blocks(const HostLease &lease, qint64 nowMs) const {
    return !lease.mine && isLive(lease, nowMs) && rank(m_me.role) <= rank(lease.role);
}

Result<std::optional<HostLease>> RecorderLease::coveredBy(qint64 hostDbId, const QString &hostUri,
                                                          qint64 nowMs) {
    auto lease = current(hostDbId, hostUri);
    if (!lease)
        return lease.error();
    if (*lease && blocks(**lease, nowMs))
        return lease;
    return std::optional<HostLease>();
}

Result<HostLease> RecorderLease::claim(qint64 hostDbId, const QString &hostUri, qint64 nowMs) {
    auto lease = current(hostDbId, hostUri);
    if (!lease)
        return lease.error();
    if (*lease && blocks(**lease, nowMs))
        return **lease;
    // Ours, with more than half its time left: not written again (a write per poll would add a
    // page to every commit). Decided from the row itself, never from memory: another writer may
    // have taken the host and released it since.
    if (*lease && (*lease)->mine && (*lease)->expiresMs - nowMs > m_leaseMs / 2)
        return **lease;
    m_upsert.bind(1, hostDbId).bind(2, m_me.ownerId).bind(3, writerRoleKey(m_me.role));
    m_upsert.bind(4, m_me.pid).bind(5, m_me.machine).bind(6, nowMs).bind(7, nowMs + m_leaseMs);
    if (Status s = m_upsert.run(); !s)
        return s.error();
    HostLease mine;
    mine.hostId = hostUri;
    mine.owner = m_me.ownerId;
    mine.role = m_me.role;
    mine.pid = m_me.pid;
    mine.machine = m_me.machine;
    mine.acquiredMs = *lease && (*lease)->mine ? (*lease)->acquiredMs : nowMs;
    mine.expiresMs = nowMs + m_leaseMs;
    mine.mine = true;
    return mine;
}

Status RecorderLease::renew(const QList<qint64> &hostDbIds, qint64 nowMs) {
    auto update = m_db.prepare("UPDATE leases SET expires = ?3 WHERE host_id = ?1 AND owner = ?2");
    if (!update)
        return update.error();
    for (qint64 id : hostDbIds) {
        update->bind(1, id).bind(2, m_me.ownerId).bind(3, nowMs + m_leaseMs);
        if (Status s = update->run(); !s)
            return s;
    }
    return Status::success();
}

Status RecorderLease::releaseAll() {
    auto del = m_db.prepare("DELETE FROM leases WHERE owner = ?1");
    if (!del)
        return del.error();
    del->bind(1, m_me.ownerId);
    return del->run();
}

Result<QList<HostLease>> RecorderLease::list(qint64 nowMs) {
    auto rows = m_db.prepare("SELECT l.owner, l.role, l.pid, l.machine, l.acquired, l.expires, "
                             "h.uri FROM leases l JOIN hosts h ON h.id = l.host_id ORDER BY h.uri");
    if (!rows)
        return rows.error();
    QList<HostLease> out;
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        HostLease lease = leaseFromRow(*rows, rows->text(6), m_me.ownerId);
        if (lease.mine || isLive(lease, nowMs))
            out.append(lease);
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return out;
}

} // namespace bs::history
