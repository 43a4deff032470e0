#include "LocalProcessReader.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace bs::process {

LocalProcessReader::LocalProcessReader(QString root)
    : m_root(root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/')) {}

LocalProcessReader::~LocalProcessReader() {
    for (const Tracked &t : std::as_const(m_tracked))
        ::close(t.dirFd);
}

QByteArray LocalProcessReader::readFile(const QString &path) const {
    QFile file(m_root + path);
    // /proc and cgroup files report size 0: read until the end.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return file.readAll();
}

QString LocalProcessReader::cgroup2Mount() {
    if (!m_cgroup2) {
        m_cgroup2 = cgroup2MountIn(readFile(QStringLiteral("proc/mounts")));
        if (m_cgroup2->startsWith(QLatin1Char('/')))
            m_cgroup2 = m_cgroup2->mid(1);
    }
    return *m_cgroup2;
}

QByteArray LocalProcessReader::readAt(int dirFd, const char *name) {
    const int fd = ::openat(dirFd, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray out;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        out.append(buffer, n);
    }
    ::close(fd);
    return out;
}

std::optional<LocalProcessReader::Tracked> LocalProcessReader::track(qint64 pid,
                                                                     const QString &uuid) {
    Tracked t;
    t.pid = pid;
    const QByteArray dir = QFile::encodeName(m_root + QStringLiteral("proc/%1").arg(pid));
    t.dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (t.dirFd < 0)
        return std::nullopt;
    // The PID may have been reused since the scan: the cmdline must still name the guest.
    if (uuidFromCmdline(readAt(t.dirFd, "cmdline")) != uuid) {
        ::close(t.dirFd);
        return std::nullopt;
    }
    t.cgroup = readAt(t.dirFd, "cgroup");
    const QString cgroup = guestCgroup(t.cgroup);
    if (!cgroup.isEmpty())
        t.pressurePath = m_root + cgroup2Mount() + cgroup + QLatin1String("/memory.pressure");
    return t;
}

void LocalProcessReader::forget(const QString &uuid) {
    const auto it = m_tracked.find(uuid);
    if (it == m_tracked.end())
        return;
    ::close(it->dirFd);
    m_tracked.erase(it);
}

std::optional<QemuProcess> LocalProcessReader::readProcess(qint64 pid, const QString &uuid) {
    auto it = m_tracked.find(uuid);
    if (it != m_tracked.end() && it->pid != pid) {
        forget(uuid);
        it = m_tracked.end();
    }
    if (it == m_tracked.end()) {
        auto t = track(pid, uuid);
        if (!t)
            return std::nullopt;
        it = m_tracked.insert(uuid, std::move(*t));
    }
    QemuProcess p;
    p.pid = pid;
    p.uuid = uuid;
    // Through the directory opened for this very process: once it has exited, its files no
    // longer open, even if its PID runs something else now.
    p.status = readAt(it->dirFd, "status");
    if (p.status.isEmpty()) {
        forget(uuid);
        return std::nullopt;
    }
    p.cgroup = it->cgroup;
    if (!it->pressurePath.isEmpty()) {
        QFile pressure(it->pressurePath);
        if (pressure.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            p.pressure = pressure.readAll();
            p.pressureRead = true;
        }
    }
    return p;
}

void LocalProcessReader::scan() {
    ++m_scans;
    m_pids.clear();
    const QStringList entries = QDir(m_root + QLatin1String("proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        const QString dir = QStringLiteral("proc/%1/").arg(pid);
        if (!isQemuComm(readFile(dir + QLatin1String("comm"))))
            continue;
        const QString uuid = uuidFromCmdline(readFile(dir + QLatin1String("cmdline")));
        if (!uuid.isEmpty())
            m_pids.insert(uuid, pid);
    }
}

QList<QemuProcess> LocalProcessReader::read(const QStringList &uuids) {
    QList<QemuProcess> out;
    QStringList missing;
    QSet<QString> wanted;
    for (const QString &any : uuids) {
        const QString uuid = any.toLower();
        wanted.insert(uuid);
        const auto pid = m_pids.constFind(uuid);
        std::optional<QemuProcess> p;
        if (pid != m_pids.constEnd())
            p = readProcess(*pid, uuid);
        if (p)
            out.append(std::move(*p));
        else
            missing.append(uuid);
    }
    // Guests no longer asked for (stopped): their directories are let go.
    if (m_tracked.size() > wanted.size()) {
        const QStringList tracked = m_tracked.keys();
        for (const QString &uuid : tracked) {
            if (!wanted.contains(uuid))
                forget(uuid);
        }
    }
    if (missing.isEmpty())
        return out;
    const bool known = std::all_of(missing.cbegin(), missing.cend(),
                                   [this](const QString &u) { return m_unfound.contains(u); });
    if (known && m_sinceScan.isValid() && m_sinceScan.elapsed() < RescanMs)
        return out;
    // A guest started (or restarted with a new PID) since the last scan.
    scan();
    m_sinceScan.start();
    m_unfound.clear();
    for (const QString &uuid : std::as_const(missing)) {
        const auto pid = m_pids.constFind(uuid);
        if (pid == m_pids.constEnd()) {
            m_unfound.insert(uuid);
            continue;
        }
        if (auto p = readProcess(*pid, uuid))
            out.append(std::move(*p));
    }
    return out;
}

} // namespace bs::process
