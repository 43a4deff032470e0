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

Result<std::optional<HostLease>> RecorderLease::coveredBy(qint64 hostDbId, const QString &hostUri,
                                                          qint64 nowMs) {
    auto find = m_db.prepare(
        "SELECT owner, role, pid, machine, acquired, expires FROM leases WHERE host_id = ?1");
    if (!find)
        return find.error();
    find->bind(1, hostDbId);
    const auto step = find->step();
    if (step == sqlite::Statement::Step::Failed)
        return find->error();
    if (step == sqlite::Statement::Step::Done)
        return std::optional<HostLease>();
    HostLease lease = leaseFromRow(*find, hostUri, m_me.ownerId);
    if (lease.mine || !isLive(lease, nowMs) || rank(m_me.role) > rank(lease.role))
        return std::optional<HostLease>();
    return std::optional<HostLease>(lease);
}

Result<HostLease> RecorderLease::claim(qint64 hostDbId, const QString &hostUri, qint64 nowMs) {
    auto other = coveredBy(hostDbId, hostUri, nowMs);
    if (!other)
        return other.error();
    if (*other)
        return **other;
    // Ours with more than half its time left: no need to write the row again (a write per poll
    // costs a page in every commit).
    if (auto it = m_held.constFind(hostDbId);
        it != m_held.cend() && it->expiresMs - nowMs > m_leaseMs / 2 && it->expiresMs > nowMs)
        return *it;
    auto upsert = m_db.prepare(
        "INSERT INTO leases(host_id, owner, role, pid, machine, acquired, expires) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(host_id) DO UPDATE SET "
        "acquired = CASE WHEN owner = excluded.owner THEN acquired ELSE excluded.acquired END, "
        "owner = excluded.owner, role = excluded.role, pid = excluded.pid, "
        "machine = excluded.machine, expires = excluded.expires");
    if (!upsert)
        return upsert.error();
    upsert->bind(1, hostDbId).bind(2, m_me.ownerId).bind(3, writerRoleKey(m_me.role));
    upsert->bind(4, m_me.pid).bind(5, m_me.machine).bind(6, nowMs).bind(7, nowMs + m_leaseMs);
    if (Status s = upsert->run(); !s)
        return s.error();
    HostLease mine;
    mine.hostId = hostUri;
    mine.owner = m_me.ownerId;
    mine.role = m_me.role;
    mine.pid = m_me.pid;
    mine.machine = m_me.machine;
    mine.acquiredMs = nowMs;
    mine.expiresMs = nowMs + m_leaseMs;
    mine.mine = true;
    m_held.insert(hostDbId, mine);
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
        if (auto it = m_held.find(id); it != m_held.end())
            it->expiresMs = nowMs + m_leaseMs;
    }
    return Status::success();
}

Status RecorderLease::releaseAll() {
    auto del = m_db.prepare("DELETE FROM leases WHERE owner = ?1");
    if (!del)
        return del.error();
    del->bind(1, m_me.ownerId);
    m_held.clear();
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
