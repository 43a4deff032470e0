#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace bs {

// One reply of the guest agent, or why there is none. Both channels produce this, so the
// inspector and its parsers never see where a reply came from.
struct AgentReply {
    enum class Kind {
        Ok,              // {"return": ...}: `value` holds the return member
        CommandDisabled, // the agent knows the command but its configuration blocks it
        CommandNotFound, // the agent does not know the command (older agent, other OS)
        CommandFailed,   // any other agent error ({"error": {"class", "desc"}})
        Timeout,         // no reply in time
        NotConnected,    // no agent answers on the channel
        Unsupported,     // the libvirt driver cannot send agent commands (test driver, ...)
        Denied,          // libvirt refused (read-only connection, ACL)
        Failed,          // any other libvirt failure
        Malformed,       // a reply that is not JSON, or has neither return nor error
    };

    Kind kind = Kind::Failed;
    QJsonValue value;   // the "return" member when Ok
    QString errorClass; // the agent's error class ("CommandNotFound", "GenericError", ...)
    QString message;    // the agent's desc or libvirt's message, verbatim
    QByteArray raw;     // the reply as received; empty when nothing came back

    bool ok() const { return kind == Kind::Ok; }
    // One line for evidence: "timeout: Guest agent not available for now".
    QString summary() const;
    static QString kindKey(Kind kind);
};

// Parses a reply text: {"return": ...} or {"error": {"class": ..., "desc": ...}}. QEMU reports a
// disabled command with class CommandNotFound and a desc saying "has been disabled": the desc
// decides.
AgentReply parseAgentReply(const QByteArray &raw);

// What libvirt made of an agent exchange that failed (virDomainQemuAgentCommand returned NULL).
// libvirt 9.0 turns the agent's {"error"} into VIR_ERR_INTERNAL_ERROR "unable to execute QEMU
// agent command 'NAME': DESC", a timeout into VIR_ERR_AGENT_UNRESPONSIVE.
AgentReply agentReplyFromLibvirtError(const Error &error);

// Sends one command to one guest's agent. Implementations: LibvirtAgentChannel (the real one,
// over virDomainQemuAgentCommand) and ReplayAgentChannel (replays recorded payloads, for tests).
// Blocking: call it on the host's worker thread.
class AgentChannel {
public:
    virtual ~AgentChannel() = default;
    // `request` is one command: {"execute": "guest-info"} or with "arguments". The reply must
    // come within timeoutSeconds (>= 1).
    virtual AgentReply execute(const QJsonObject &request, int timeoutSeconds) = 0;
};

} // namespace bs
