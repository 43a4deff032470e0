#include "LibvirtAgentChannel.h"

#include "common/Logging.h"
#include "libvirt/LibvirtError.h"
#include "libvirt/LibvirtHandles.h"

#include <QJsonDocument>

#include <libvirt/libvirt-qemu.h>

#include <algorithm>

namespace bs {

AgentReply LibvirtAgentChannel::execute(const QJsonObject &request, int timeoutSeconds) {
    const QByteArray command = QJsonDocument(request).toJson(QJsonDocument::Compact);
    const int timeout = std::max(1, timeoutSeconds);
    qCDebug(lcReadiness) << "agent command" << command << "timeout" << timeout;
    LibvirtString reply(virDomainQemuAgentCommand(m_domain, command.constData(), timeout, 0));
    if (!reply) {
        const AgentReply failed = agentReplyFromLibvirtError(lastLibvirtError());
        qCDebug(lcReadiness) << "agent command failed:" << failed.summary();
        return failed;
    }
    return parseAgentReply(QByteArray(reply.get()));
}

} // namespace bs
