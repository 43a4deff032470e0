#pragma once

#include "AgentChannel.h"
#include "AgentParsers.h"
#include "GuestOutputParsers.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace bs {

struct AgentOptions {
    int commandTimeoutSeconds = 5; // each agent command
    int execPollIntervalMs = 500;  // between guest-exec-status polls
    int execMaxPolls = 30;         // then give up on the process: 15 s by default
};

// How one query went (it may take several commands: guest-exec + guest-exec-status...).
struct AgentStep {
    enum class Outcome {
        NotRun,       // not attempted (not needed, or the agent stopped answering before)
        Ok,           // answered; the parsed value is in AgentFindings
        Disabled,     // the agent refuses the command (its configuration blocks it)
        NotFound,     // the agent does not have the command
        Timeout,      // no answer in time
        NotConnected, // no agent on the channel
        Unsupported,  // libvirt cannot send agent commands on this connection
        Denied,       // libvirt refused (read-only connection)
        Failed,       // the command ran and failed
        BadReply,     // a reply we cannot read (not JSON, bad base64, wrong shape)
        StillRunning, // guest-exec: the process had not exited when we stopped asking
    };
    Outcome outcome = Outcome::NotRun;
    QString command; // what decided: "guest-get-devices", "guest-exec sc.exe query ..."
    QString detail;  // raw: the agent's or libvirt's message, exit code, output excerpt

    bool ok() const { return outcome == Outcome::Ok; }
    static QString outcomeKey(Outcome outcome);
};

// Everything the agent told, as plain values. Checks and verdict are built from this by
// ReadinessInspector, together with the host's evidence.
struct AgentFindings {
    QStringList sent; // every command sent, in order; non-empty = the guest is tainted

    AgentStep info;
    std::optional<GuestAgentInfo> agentInfo;
    AgentStep osInfo;
    std::optional<GuestOsInfo> os;
    AgentStep devices; // Windows only
    std::optional<QList<GuestDevice>> deviceList;
    AgentStep service; // Windows only
    std::optional<ServiceState> serviceState;
    AgentStep linuxDriver; // Linux only
    std::optional<LinuxDriverState> linuxState;
};

// Runs the fixed read-only agent queries through a channel, each with a timeout, and stops at
// the first sign that the agent is gone (timeout, not connected), so a dead agent costs one
// timeout, not one per query. guest-exec'd processes are polled with guest-exec-status until
// they exit (which reaps them in qemu-ga), at most execMaxPolls times.
class AgentInspector {
public:
    using Sleeper = std::function<void(int ms)>;

    // `sleep` waits between guest-exec-status polls; the default sleeps the calling thread.
    explicit AgentInspector(AgentChannel &channel, AgentOptions options = {}, Sleeper sleep = {});

    // `hostFamily` (libosinfo) decides the OS-specific queries when the agent cannot tell.
    AgentFindings run(OsFamily hostFamily);

private:
    struct Exec {
        AgentStep step;
        std::optional<ExecStatus> status;
    };

    AgentReply send(const QJsonObject &request);
    bool transportLost() const { return m_lost; }
    bool allowed(const QString &command, AgentStep &step) const;
    Exec runExec(const QJsonObject &request, const QString &label);
    void queryWindowsDevices(AgentFindings &f);
    void queryWindowsService(AgentFindings &f);
    void queryLinuxDriver(AgentFindings &f);
    bool readProcModules(AgentFindings &f, AgentStep &step);

    AgentChannel &m_channel;
    AgentOptions m_options;
    Sleeper m_sleep;
    AgentFindings *m_findings = nullptr;
    bool m_lost = false;
};

} // namespace bs
