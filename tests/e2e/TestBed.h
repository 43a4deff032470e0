#pragma once

#include "monitor/HostMonitor.h"

#include <QSignalSpy>
#include <QString>

#include <libvirt/libvirt.h>

#include <functional>
#include <optional>

namespace bs::e2e {

// The test bed scripts/testbed brought up, as its environment variables describe it
// (eval "$(scripts/testbed env)"). CTest passes BS_TESTBED_ENV_FILE instead: the file those
// export lines come from. Missing variables are a failure, never a skip.
struct TestBed {
    QString uri;    // BS_TESTBED_URI, qemu:///system
    QString sshUri; // BS_TESTBED_SSH_URI, qemu+ssh to the loopback sshd
    QString prefix; // BS_TESTBED_PREFIX, bstest-
    QString logDir; // serial logs, <logDir>/<guest>.log
    QString lifecycleXml;
    QString script;            // scripts/testbed, for libvirtd-stop / libvirtd-start
    int sshPort = 0;           // BS_TESTBED_SSH_PORT, the loopback sshd
    QString sshPassphraseKey;  // BS_TESTBED_SSH_PASSKEY, a client key with a passphrase
    QString sshPassphraseFile; // BS_TESTBED_SSH_PASSPHRASE_FILE, that passphrase
    int statsPeriod = 2;
    int sawtoothStepSeconds = 10; // the sawtooth guest changes its memory this often
    QString images;               // BS_TESTBED_IMAGES: the guest kernel and initrd the bed boots
    // The normal user's session daemon (qemu:///session) and its guests' serial logs.
    QString sessionUser;   // BS_TESTBED_SESSION_USER
    QString sessionUri;    // BS_TESTBED_SESSION_URI
    QString sessionLogDir; // BS_TESTBED_SESSION_LOG_DIR

    // Loads the bed or returns why it cannot (to QFAIL with).
    static std::optional<TestBed> load(QString *why);
    QString guest(const QString &role) const { return prefix + role; }
    QString serialLog(const QString &guest) const;
    QString sessionSerialLog(const QString &guest) const;
};

// One "BSMEM" line of a guest's serial console (scripts/guest/init documents the format).
struct GuestMeminfo {
    qint64 time = 0; // seconds since the epoch, guest clock
    quint64 memTotal = 0;
    quint64 memFree = 0;
    quint64 memAvailable = 0;
    int hogMiB = 0;
    quint64 used() const { return memTotal - memFree; }
};

QList<GuestMeminfo> readGuestMeminfo(const QString &serialLogPath);

// Waits for a cycleReady in `spy` (from index `from` on) that satisfies `pred`; true if seen
// within `ms`. Uses QSignalSpy::wait, never a sleep.
bool waitForCycle(QSignalSpy &spy, const std::function<bool(const PollCycle &)> &pred, int ms,
                  PollCycle *found = nullptr);
bool waitForStatus(QSignalSpy &spy, HostStatus::State state, int ms, HostStatus *found = nullptr);

const MemorySample *findGuest(const PollCycle &cycle, const QString &name);

// The guest's balloon as libvirt reports it now (dommemstat "actual"), KiB; -1 when unreadable
// (the daemon is down).
qint64 actualOf(virDomainPtr domain);

// The result of a program run by runProgram.
struct ProgramRun {
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

// Runs PROGRAM with ARGUMENTS (and ENVIRONMENT added to this process's), up to `timeoutMs`;
// a program that did not finish is killed and reported in `err` with exit code -1.
ProgramRun runProgram(const QString &program, const QStringList &arguments, int timeoutMs,
                      const QStringList &environment = {});

// Runs scripts/testbed COMMAND; returns its stderr on failure.
std::optional<QString> runTestBedScript(const TestBed &bed, const QString &command);

} // namespace bs::e2e
