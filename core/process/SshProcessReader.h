#pragma once

#include "ProcessParsing.h"
#include "libvirt/ConnectionUri.h"

#include <QElapsedTimer>
#include <QStringList>

namespace bs::process {

// Reads the QEMU processes of a host reached over SSH, for hosts whose owner opted in (the
// connection's "read swap and memory pressure over SSH"): OpenSSH's `ssh` with the user, host,
// port, key file and known-hosts file of the libvirt URI, BatchMode (never a prompt), and one
// fixed read-only POSIX shell command, remoteScript(), that prints what /proc and the cgroup tree
// say about each QEMU process. Nothing else runs on the host. A master connection is kept for
// 30 s (ControlMaster), so a poll every 5 s costs one round trip, not one handshake. After a
// failure the reader rests for RestMs before it tries again, so an SSH that does not work never
// slows the host's polls down. Blocking; runs on the host's worker thread.
class SshProcessReader {
public:
    explicit SshProcessReader(ConnectionUri uri);

    // The command the host runs, as the connection dialog shows it.
    static QString remoteScript();
    // ssh's arguments (the last one is the remote command).
    QStringList sshArguments() const;
    // The program: the URI's "command" parameter (as libvirt runs it), else $BALLOONSCOPE_SSH,
    // else "ssh".
    QString sshProgram() const;

    // The processes of these guests; empty with error() set when SSH failed.
    QList<QemuProcess> read(const QStringList &uuids);
    // Why the last read failed (translated), or empty.
    QString error() const { return m_error; }
    // The dump remoteScript() prints, taken apart.
    static QList<QemuProcess> parseDump(QByteArrayView dump);

    int timeoutMs = 10'000;
    static constexpr qint64 RestMs = 60'000;

private:
    ConnectionUri m_uri;
    QString m_error;
    QElapsedTimer m_sinceFailure;
};

} // namespace bs::process
