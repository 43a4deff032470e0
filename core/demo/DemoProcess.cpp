#include "DemoProcess.h"

#include "DemoLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>

#include <cstdlib>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace bs {

namespace {

// Set in the process that runs under nss_wrapper: it never execs itself a second time.
constexpr const char *WrappedVariable = "BALLOONSCOPE_DEMO_NSS_WRAPPED";

// The system's file with `line` appended when no entry of that name is in it yet.
bool writeWithEntry(const QString &systemFile, const QString &copy, const char *name,
                    const QByteArray &line) {
    QFile source(systemFile);
    if (!source.open(QIODevice::ReadOnly))
        return false;
    QByteArray content = source.readAll();
    if (!content.isEmpty() && !content.endsWith('\n'))
        content.append('\n');
    const QByteArray prefix = QByteArray(name) + ':';
    if (!content.startsWith(prefix) && !content.contains('\n' + prefix))
        content.append(line);
    QSaveFile target(copy);
    if (!target.open(QIODevice::WriteOnly))
        return false;
    target.write(content);
    return target.commit();
}

// Private to root: ~/.local/share/balloonscope/demo-nss (the application's name is not set yet).
QString filesDir() {
    QString data = qEnvironmentVariable("XDG_DATA_HOME");
    if (data.isEmpty())
        data = QDir::homePath() + QStringLiteral("/.local/share");
    return data + QStringLiteral("/balloonscope/demo-nss");
}

} // namespace

bool DemoProcess::lacksQemuAccount() {
    return geteuid() == 0 && (getpwnam(QemuUser) == nullptr || getgrnam(QemuGroup) == nullptr);
}

QString DemoProcess::findNssWrapper() {
    const QString name = QStringLiteral("libnss_wrapper.so");
    for (const QString &dir : {QStringLiteral("/usr/lib64"), QStringLiteral("/usr/lib"),
                               QStringLiteral("/lib64"), QStringLiteral("/lib")}) {
        if (QFile::exists(dir + QLatin1Char('/') + name))
            return dir + QLatin1Char('/') + name;
    }
    // Debian's multiarch folders: /usr/lib/x86_64-linux-gnu and the like.
    QDirIterator multiarch(QStringLiteral("/usr/lib"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (multiarch.hasNext()) {
        const QString candidate = multiarch.next() + QLatin1Char('/') + name;
        if (QFile::exists(candidate))
            return candidate;
    }
    return {};
}

void DemoProcess::reexecIfNeeded(char **argv) {
    if (!lacksQemuAccount() || qEnvironmentVariableIsSet(WrappedVariable))
        return;
    const QString wrapper = findNssWrapper();
    if (wrapper.isEmpty())
        return; // the demo falls back and says why (unavailableReason)
    const QString dir = filesDir();
    if (!QDir().mkpath(dir) ||
        !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return;
    const QString passwd = dir + QStringLiteral("/passwd");
    const QString group = dir + QStringLiteral("/group");
    // The names stand for root: QEMU runs as the calling user anyway (DemoWorker's qemu.conf).
    if (!writeWithEntry(QStringLiteral("/etc/passwd"), passwd, QemuUser,
                        QByteArray(QemuUser) +
                            ":x:0:0:Balloonscope demo (nss_wrapper):/nonexistent:/bin/false\n") ||
        !writeWithEntry(QStringLiteral("/etc/group"), group, QemuGroup,
                        QByteArray(QemuGroup) + ":x:0:\n"))
        return;
    QByteArray preload = QFile::encodeName(wrapper);
    if (const QByteArray before = qgetenv("LD_PRELOAD"); !before.isEmpty())
        preload += ':' + before;
    qputenv("LD_PRELOAD", preload);
    qputenv("NSS_WRAPPER_PASSWD", QFile::encodeName(passwd));
    qputenv("NSS_WRAPPER_GROUP", QFile::encodeName(group));
    qputenv(WrappedVariable, "1");
    execv("/proc/self/exe", argv);
    // Could not exec: go on unwrapped, the demo will say why it falls back.
    qunsetenv("LD_PRELOAD");
    qunsetenv(WrappedVariable);
}

QString DemoProcess::unavailableReason() {
    if (!lacksQemuAccount())
        return {};
    const QString account = QString::fromLatin1(QemuUser);
    if (findNssWrapper().isEmpty()) {
        return tr("As root, libvirt's embedded QEMU driver needs the system user and group "
                  "%1, which this machine does not have. Install the package libnss-wrapper "
                  "(Balloonscope then lends that name to its own process; nothing on the "
                  "machine changes), or run the demo as a normal user.")
            .arg(account);
    }
    return tr("As root, libvirt's embedded QEMU driver needs the system user and group %1, "
              "which this machine does not have, and Balloonscope could not lend it that "
              "name through libnss-wrapper. Run the demo as a normal user.")
        .arg(account);
}

} // namespace bs
