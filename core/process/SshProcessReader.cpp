#include "SshProcessReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>

namespace bs::process {

namespace {

// POSIX sh, no single quote (it travels inside one). For each process named like QEMU: its PID
// and -uuid, its VmSwap line, its cgroup, and the memory.pressure of its guest cgroup (the
// machine scope or libvirt's partition, as guestCgroup() finds it) in the cgroup v2 tree
// (wherever /proc/mounts has it). Reads only.
constexpr const char *Script = R"sh(cd /proc || exit 3
m=/sys/fs/cgroup
while read -r x dir type x; do
  if [ "$type" = cgroup2 ]; then m=$dir; break; fi
done </proc/mounts
for p in [0-9]*; do
  { read -r c <"$p/comm"; } 2>/dev/null || continue
  case "$c" in qemu-system*|qemu-kvm|kvm) ;; *) continue ;; esac
  u=$(tr "\000" "\n" <"$p/cmdline" 2>/dev/null | sed -n "/^-uuid\$/{n;p;q;}")
  [ -n "$u" ] || continue
  echo "@pid $p $u"
  grep "^VmSwap:" "$p/status" 2>/dev/null
  g=$(sed -n "s/^0:://p" "$p/cgroup" 2>/dev/null)
  echo "@cgroup $g"
  d=$g
  while [ -n "$d" ] && [ "$d" != / ]; do
    case "${d##*/}" in machine-*.scope|*.libvirt-qemu) break ;; esac
    d=${d%/*}
  done
  if [ -n "$d" ] && [ "$d" != / ] && [ -r "$m$d/memory.pressure" ]; then
    echo "@pressure"
    cat "$m$d/memory.pressure"
  fi
done
echo "@end")sh";

} // namespace

SshProcessReader::SshProcessReader(ConnectionUri uri)
    : m_uri(std::move(uri)) {}

QString SshProcessReader::remoteScript() {
    return QString::fromLatin1(Script);
}

QString SshProcessReader::sshProgram() const {
    const QString command =
        m_uri.query().queryItemValue(QStringLiteral("command"), QUrl::FullyDecoded);
    if (!command.isEmpty())
        return command;
    const QString custom = qEnvironmentVariable("BALLOONSCOPE_SSH");
    return custom.isEmpty() ? QStringLiteral("ssh") : custom;
}

QStringList SshProcessReader::sshArguments() const {
    QStringList args{QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                     QStringLiteral("ConnectTimeout=5"), QStringLiteral("-T")};
    QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        runtime = QDir::tempPath();
    args << QStringLiteral("-o") << QStringLiteral("ControlMaster=auto") << QStringLiteral("-o")
         << QStringLiteral("ControlPath=%1/bs-ssh-%C").arg(runtime) << QStringLiteral("-o")
         << QStringLiteral("ControlPersist=30");
    if (m_uri.port() > 0)
        args << QStringLiteral("-p") << QString::number(m_uri.port());
    if (!m_uri.user().isEmpty())
        args << QStringLiteral("-l") << m_uri.user();
    const QUrlQuery q = m_uri.query();
    if (q.hasQueryItem(QStringLiteral("keyfile")))
        args << QStringLiteral("-i")
             << q.queryItemValue(QStringLiteral("keyfile"), QUrl::FullyDecoded);
    if (q.hasQueryItem(QStringLiteral("known_hosts")))
        args << QStringLiteral("-o")
             << QStringLiteral("UserKnownHostsFile=%1")
                    .arg(q.queryItemValue(QStringLiteral("known_hosts"), QUrl::FullyDecoded));
    if (q.hasQueryItem(QStringLiteral("no_verify")) &&
        q.queryItemValue(QStringLiteral("no_verify")) == QLatin1String("1"))
        args << QStringLiteral("-o") << QStringLiteral("StrictHostKeyChecking=no");
    args << QStringLiteral("--") << m_uri.host()
         << QStringLiteral("exec sh -c '%1'").arg(remoteScript());
    return args;
}

QList<QemuProcess> SshProcessReader::parseDump(QByteArrayView dump) {
    QList<QemuProcess> out;
    enum class Part { None, Status, Pressure } part = Part::None;
    for (const QByteArray &line : dump.toByteArray().split('\n')) {
        if (line.startsWith("@pid ")) {
            const QList<QByteArray> f = line.sliced(5).trimmed().split(' ');
            QemuProcess p;
            p.pid = f.value(0).toLongLong();
            p.uuid = QString::fromLatin1(f.value(1)).toLower();
            out.append(p);
            part = Part::Status;
        } else if (out.isEmpty()) {
            continue;
        } else if (line.startsWith("@cgroup ")) {
            out.last().cgroup = "0::" + line.sliced(8).trimmed() + '\n';
            part = Part::None;
        } else if (line == "@pressure") {
            out.last().pressureRead = true;
            part = Part::Pressure;
        } else if (line.startsWith('@')) {
            part = Part::None;
        } else if (part == Part::Status) {
            out.last().status += line + '\n';
        } else if (part == Part::Pressure) {
            out.last().pressure += line + '\n';
        }
    }
    return out;
}

QList<QemuProcess> SshProcessReader::read(const QStringList &uuids) {
    if (!m_error.isEmpty() && m_sinceFailure.isValid() && m_sinceFailure.elapsed() < RestMs)
        return {}; // resting after a failure; error() still says why
    QProcess ssh;
    ssh.setProgram(sshProgram());
    ssh.setArguments(sshArguments());
    ssh.setStandardInputFile(QProcess::nullDevice());
    ssh.start();
    const bool finished = ssh.waitForFinished(timeoutMs);
    const auto fail = [this](const QString &why) {
        m_error = why;
        m_sinceFailure.start();
        return QList<QemuProcess>{};
    };
    if (!finished) {
        ssh.kill();
        ssh.waitForFinished(1000);
        if (ssh.error() == QProcess::FailedToStart)
            return fail(QCoreApplication::translate("bs::ProcessFigures",
                                                    "%1 could not be started: is OpenSSH's "
                                                    "client installed?")
                            .arg(sshProgram()));
        return fail(
            QCoreApplication::translate("bs::ProcessFigures", "ssh did not answer within %1 s.")
                .arg(timeoutMs / 1000));
    }
    const QByteArray out = ssh.readAllStandardOutput();
    if (ssh.exitStatus() != QProcess::NormalExit || ssh.exitCode() != 0 || !out.contains("@end")) {
        QString why = QString::fromLocal8Bit(ssh.readAllStandardError()).trimmed();
        why = why.section(QLatin1Char('\n'), -1); // ssh's last word is the reason
        if (why.isEmpty())
            why = QCoreApplication::translate("bs::ProcessFigures", "exit code %1")
                      .arg(ssh.exitCode());
        return fail(QCoreApplication::translate("bs::ProcessFigures", "ssh failed: %1").arg(why));
    }
    m_error.clear();
    QList<QemuProcess> wanted;
    QStringList lower;
    for (const QString &u : uuids)
        lower.append(u.toLower());
    for (QemuProcess &p : parseDump(out)) {
        if (lower.contains(p.uuid))
            wanted.append(std::move(p));
    }
    return wanted;
}

} // namespace bs::process
