#pragma once

#include "ProcessFigures.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace bs::process {

// What was read about one QEMU process, locally or in an SSH dump: the raw text of the files,
// parsed by the functions below the same way for both.
struct QemuProcess {
    qint64 pid = 0;
    QString uuid;        // the domain's, from QEMU's "-uuid" argument, lower case
    QByteArray status;   // /proc/PID/status (at least its VmSwap line)
    QByteArray cgroup;   // /proc/PID/cgroup
    QByteArray pressure; // memory.pressure of the guest's own cgroup; empty when not read
    bool pressureRead = false;
};

// "qemu-system-x86" (comm is cut at 15 bytes), "qemu-kvm", "kvm".
bool isQemuComm(QByteArrayView comm);
// The value after "-uuid" in a NUL-separated /proc/PID/cmdline, lower case; empty if none.
QString uuidFromCmdline(QByteArrayView cmdline);
// VmSwap of /proc/PID/status in KiB; empty when the line is missing.
std::optional<quint64> vmSwapKiB(QByteArrayView status);

struct Pressure {
    std::optional<quint64> some; // avg10, hundredths of a percent
    std::optional<quint64> full;
};
// A cgroup v2 memory.pressure file ("some avg10=0.31 avg60=… total=…\nfull avg10=…").
Pressure memoryPressure(QByteArrayView text);

// The guest's own cgroup (cgroup v2) from /proc/PID/cgroup, as a path under /sys/fs/cgroup:
// libvirt's machine scope under systemd ("/machine.slice/machine-qemu\x2d1\x2dweb.scope") or its
// own partition without systemd ("/machine/qemu-1-web.libvirt-qemu"). Empty when the process
// sits in no cgroup of its own (a session guest in the user's session scope, cgroup v1).
QString guestCgroup(QByteArrayView cgroupFile);

// Where /proc/mounts says cgroup v2 is mounted ("/sys/fs/cgroup", or "/sys/fs/cgroup/unified"
// on a hybrid v1/v2 host); "/sys/fs/cgroup" when it does not say.
QString cgroup2MountIn(QByteArrayView procMounts);

// The figures of one process, and, when PSI could not be read for it, why (translated).
ProcessFigures figuresOf(const QemuProcess &process, QString *pressureNote = nullptr);

} // namespace bs::process
