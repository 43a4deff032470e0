#include "ProcessParsing.h"

#include <QCoreApplication>

namespace bs::process {

namespace {

// "avg10=0.31" → 31 (hundredths), rounding what a kernel might print with more digits.
std::optional<quint64> avg10(QByteArrayView line) {
    const qsizetype at = line.indexOf("avg10=");
    if (at < 0)
        return std::nullopt;
    QByteArrayView value = line.sliced(at + 6);
    const qsizetype end = value.indexOf(' ');
    if (end >= 0)
        value = value.first(end);
    bool ok = false;
    const double percent = value.toDouble(&ok);
    if (!ok || percent < 0 || percent > 100)
        return std::nullopt;
    return quint64(qRound64(percent * 100.0));
}

} // namespace

bool isQemuComm(QByteArrayView comm) {
    comm = comm.trimmed();
    return comm.startsWith("qemu-system") || comm == "qemu-kvm" || comm == "kvm";
}

QString uuidFromCmdline(QByteArrayView cmdline) {
    const QList<QByteArrayView> args = [&] {
        QList<QByteArrayView> out;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= cmdline.size(); ++i) {
            if (i == cmdline.size() || cmdline[i] == '\0') {
                out.append(cmdline.sliced(start, i - start));
                start = i + 1;
            }
        }
        return out;
    }();
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "-uuid" || args[i] == "--uuid")
            return QString::fromLatin1(args[i + 1]).trimmed().toLower();
    }
    return {};
}

std::optional<quint64> vmSwapKiB(QByteArrayView status) {
    for (QByteArrayView line : QByteArray(status.toByteArray()).split('\n')) {
        if (!line.startsWith("VmSwap:"))
            continue;
        QByteArrayView rest = line.sliced(7).trimmed();
        if (rest.endsWith("kB"))
            rest = rest.chopped(2).trimmed();
        bool ok = false;
        const quint64 kib = rest.toULongLong(&ok);
        return ok ? std::optional<quint64>(kib) : std::nullopt;
    }
    return std::nullopt;
}

Pressure memoryPressure(QByteArrayView text) {
    Pressure out;
    for (QByteArrayView line : QByteArray(text.toByteArray()).split('\n')) {
        if (line.startsWith("some "))
            out.some = avg10(line);
        else if (line.startsWith("full "))
            out.full = avg10(line);
    }
    return out;
}

QString guestCgroup(QByteArrayView cgroupFile) {
    for (QByteArrayView line : QByteArray(cgroupFile.toByteArray()).split('\n')) {
        if (!line.startsWith("0::"))
            continue; // a cgroup v1 hierarchy
        const QString path = QString::fromUtf8(line.sliced(3)).trimmed();
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString &part = parts[i];
            const bool systemdScope = part.startsWith(QLatin1String("machine-")) &&
                                      part.endsWith(QLatin1String(".scope"));
            if (systemdScope || part.endsWith(QLatin1String(".libvirt-qemu")))
                return QLatin1Char('/') + parts.first(i + 1).join(QLatin1Char('/'));
        }
        return {};
    }
    return {};
}

QString cgroup2MountIn(QByteArrayView procMounts) {
    for (QByteArrayView line : QByteArray(procMounts.toByteArray()).split('\n')) {
        const QList<QByteArray> f = line.toByteArray().split(' ');
        if (f.size() >= 3 && f[2] == "cgroup2")
            return QString::fromUtf8(f[1]);
    }
    return QStringLiteral("/sys/fs/cgroup");
}

ProcessFigures figuresOf(const QemuProcess &process, QString *pressureNote) {
    ProcessFigures out;
    out.vmSwapKiB = vmSwapKiB(process.status);
    if (process.pressureRead) {
        const Pressure p = memoryPressure(process.pressure);
        out.psiSome = p.some;
        out.psiFull = p.full;
    }
    if (pressureNote && !out.psiSome) {
        if (guestCgroup(process.cgroup).isEmpty())
            *pressureNote = QCoreApplication::translate(
                "bs::ProcessFigures",
                "Memory pressure is not available: it needs each guest's own cgroup (cgroup v2, "
                "as libvirt's system instance creates them); these guests run in a shared one.");
        else
            *pressureNote = QCoreApplication::translate(
                "bs::ProcessFigures",
                "Memory pressure is not available: the host's kernel does not expose it (PSI "
                "is off, or memory.pressure cannot be read).");
    }
    return out;
}

} // namespace bs::process
