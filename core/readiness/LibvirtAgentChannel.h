#pragma once

#include "AgentChannel.h"

#include <libvirt/libvirt.h>

namespace bs {

// The real channel: virDomainQemuAgentCommand (libvirt-qemu). libvirt marks the domain
// "tainted" (custom-ga-command) on the first call; only the readiness inspector's fixed,
// read-only commands go through here, and only when the user opted in.
class LibvirtAgentChannel final : public AgentChannel {
public:
    // `domain` is borrowed and must outlive the channel. Use on the thread that owns the
    // connection: libvirt's error is read right after the call.
    explicit LibvirtAgentChannel(virDomainPtr domain)
        : m_domain(domain) {}

    AgentReply execute(const QJsonObject &request, int timeoutSeconds) override;

private:
    virDomainPtr m_domain;
};

} // namespace bs
