#pragma once

#include <QCoreApplication>
#include <QString>

namespace bs {

// What a process running the embedded demo host needs before it starts: run by main(), before
// the Q*Application and before any thread, when the command line asks for --demo.
//
// As root, libvirt's embedded QEMU driver is "privileged": before it reads the qemu.conf that
// DemoWorker writes (which runs QEMU as the calling user), it looks up the user and group its
// build names for QEMU (Debian: libvirt-qemu), and fails with "Failed to parse user
// 'libvirt-qemu'" where they do not exist (a fresh machine without libvirt-daemon-system).
// Instead of creating system users, the process then runs itself again under nss_wrapper
// (Debian package libnss-wrapper): its own passwd and group files, the system's plus that name
// for root, seen by this process only. Nothing changes on the machine.
class DemoProcess final {
    Q_DECLARE_TR_FUNCTIONS(DemoProcess)

public:
    DemoProcess() = delete;

    // The names libvirt's QEMU driver looks up when privileged (Debian's build: -Dqemu_user
    // and -Dqemu_group are both libvirt-qemu).
    static constexpr const char *QemuUser = "libvirt-qemu";
    static constexpr const char *QemuGroup = "libvirt-qemu";

    // Whether the embedded driver, opened by this process now, would fail the lookup above.
    static bool lacksQemuAccount();

    // Where libnss_wrapper.so is, or empty.
    static QString findNssWrapper();

    // When lacksQemuAccount() and nss_wrapper is there: writes the files and execs /proc/self/exe
    // with the same arguments under nss_wrapper. Returns only when nothing needed to be done or
    // it could not be done (the demo then says why, see unavailableReason()).
    static void reexecIfNeeded(char **argv);

    // Why the embedded driver cannot open as root here, in one translated sentence with the
    // fix; empty when it can.
    static QString unavailableReason();
};

} // namespace bs
