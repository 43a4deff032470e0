#pragma once

#include "ProcessParsing.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace bs::process {

// Reads the QEMU processes of this machine: /proc/PID/{comm,cmdline,status,cgroup} and the
// guest cgroup's memory.pressure in the cgroup v2 tree (/sys/fs/cgroup, or its "unified" part
// on a hybrid host: wherever /proc/mounts says cgroup2 is). Nothing needs root: these files are
// world-readable (unless /proc is mounted with hidepid, which the note then reports).
// Keeps each guest's PID between reads and rescans /proc only when a wanted guest is missing.
// A guest's /proc/PID directory stays open while its process runs: the kernel ties that handle
// to the process, so a reused PID cannot be mistaken for it (its files no longer open), and its
// cmdline and cgroup are read once, not every poll. A steady host costs two small reads per
// guest per poll (status, memory.pressure). Blocking (file reads only); runs on the host's
// worker thread.
class LocalProcessReader {
public:
    // `root` is "/" on a real host; tests point it at a directory holding proc/ and
    // sys/fs/cgroup/.
    explicit LocalProcessReader(QString root = QStringLiteral("/"));
    ~LocalProcessReader();
    LocalProcessReader(const LocalProcessReader &) = delete;
    LocalProcessReader &operator=(const LocalProcessReader &) = delete;

    // The processes of these guests (UUIDs, any case) that run here.
    QList<QemuProcess> read(const QStringList &uuids);
    int scans() const { return m_scans; } // full /proc scans so far, for tests

private:
    // A guest's process as first read: its /proc/PID directory held open.
    struct Tracked {
        qint64 pid = 0;
        int dirFd = -1;
        QByteArray cgroup;    // /proc/PID/cgroup, read once
        QString pressurePath; // the guest cgroup's memory.pressure; empty if it has none
    };

    std::optional<QemuProcess> readProcess(qint64 pid, const QString &uuid);
    std::optional<Tracked> track(qint64 pid, const QString &uuid);
    void forget(const QString &uuid);
    void scan();
    QByteArray readFile(const QString &path) const;
    static QByteArray readAt(int dirFd, const char *name);
    QString cgroup2Mount(); // where cgroup v2 is mounted, relative to the root; read once

    std::optional<QString> m_cgroup2; // "sys/fs/cgroup" (v2) or "sys/fs/cgroup/unified" (hybrid)

    QString m_root;
    QHash<QString, qint64> m_pids;     // uuid → pid, from the last scan
    QHash<QString, Tracked> m_tracked; // uuid → its process, while it runs
    // Guests the last scan did not find (their QEMU runs elsewhere, or /proc hides it): not
    // worth a scan per poll, only every RescanMs.
    QSet<QString> m_unfound;
    QElapsedTimer m_sinceScan;
    static constexpr qint64 RescanMs = 30'000;
    int m_scans = 0;
};

} // namespace bs::process
