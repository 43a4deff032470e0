#include "LocalProcessReader.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace bs::process {

LocalProcessReader::LocalProcessReader(QString root)
    : m_root(root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/')) {}

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

std::optional<QemuProcess> LocalProcessReader::readProcess(qint64 pid, const QString &uuid) {
    const QString dir = QStringLiteral("proc/%1/").arg(pid);
    // The PID may have been reused since: the cmdline must still name the guest.
    if (uuidFromCmdline(readFile(dir + QLatin1String("cmdline"))) != uuid)
        return std::nullopt;
    QemuProcess p;
    p.pid = pid;
    p.uuid = uuid;
    p.status = readFile(dir + QLatin1String("status"));
    p.cgroup = readFile(dir + QLatin1String("cgroup"));
    const QString cgroup = guestCgroup(p.cgroup);
    if (!cgroup.isEmpty()) {
        QFile pressure(m_root + cgroup2Mount() + cgroup + QLatin1String("/memory.pressure"));
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
    for (const QString &any : uuids) {
        const QString uuid = any.toLower();
        const auto pid = m_pids.constFind(uuid);
        std::optional<QemuProcess> p;
        if (pid != m_pids.constEnd())
            p = readProcess(*pid, uuid);
        if (p)
            out.append(std::move(*p));
        else
            missing.append(uuid);
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
