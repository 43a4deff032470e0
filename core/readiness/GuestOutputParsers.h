#pragma once

#include "AgentParsers.h"

#include <QStringList>

#include <optional>

namespace bs {

// What the fixed in-guest queries printed, read into plain values. Empty optional: the output
// says nothing conclusive (the caller tries the next query or reports "unknown").

// Windows: BalloonService (program blnsvr.exe).
struct ServiceState {
    enum class State { Running, Stopped, Pending, Paused, NotInstalled };
    State state = State::NotInstalled;
    int statusCode = 0;           // SERVICE_STATUS dwCurrentState: 1 stopped ... 4 running ... 7
    std::optional<int> startType; // 2 automatic, 3 manual, 4 disabled (PowerShell only)
    QString via;                  // "powershell" or "sc"
    QString raw;                  // the decisive output, for evidence

    QString describe() const; // "running (4), start type automatic (2)"
};

// The PowerShell query (AgentCommands): exit 0 with {"Name","Status","StartType"}; exit 3 when
// Get-Service found nothing.
std::optional<ServiceState> parsePowerShellService(const ExecStatus &status);
// sc.exe query BalloonService: the "STATE : 4 RUNNING" line; exit 1060 when not installed. Only
// the number and the state word are read (the labels are localised on some systems).
std::optional<ServiceState> parseScQuery(const ExecStatus &status);

// Linux: virtio_balloon.
struct LinuxDriverState {
    enum class State {
        Bound,          // the driver's sysfs directory lists a virtioN device
        NotBound,       // the driver is registered but bound to no device
        NotLoaded,      // no such driver directory: the module is not loaded
        LoadedAsModule, // /proc/modules lists it (binding not seen)
        NotInModules,   // /proc/modules does not list it: not loaded, or built into the kernel
    };
    State state = State::NotLoaded;
    QStringList devices; // virtio3, ...
    QString via;         // "sysfs" or "proc-modules"
    QString raw;

    QString describe() const;
};

// `ls -1 /sys/bus/virtio/drivers/virtio_balloon` run by guest-exec.
std::optional<LinuxDriverState> parseVirtioDriverListing(const ExecStatus &status);
// The text of /proc/modules.
LinuxDriverState parseProcModules(const QByteArray &content);

} // namespace bs
