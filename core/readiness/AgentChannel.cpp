#include "AgentChannel.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <libvirt/virterror.h>

namespace bs {

namespace {

AgentReply::Kind classifyAgentError(const QString &errorClass, const QString &desc) {
    if (desc.contains(QLatin1String("has been disabled")) ||
        errorClass == QLatin1String("CommandDisabled"))
        return AgentReply::Kind::CommandDisabled;
    // QERR_UNSUPPORTED: an agent that lists the command but cannot run it on this OS (for
    // example guest-get-devices on Linux before QEMU 9.1) counts as not having it.
    if (errorClass == QLatin1String("CommandNotFound") ||
        desc.contains(QLatin1String("has not been found")) ||
        desc.contains(QLatin1String("not currently supported")))
        return AgentReply::Kind::CommandNotFound;
    return AgentReply::Kind::CommandFailed;
}

} // namespace

QString AgentReply::kindKey(Kind kind) {
    switch (kind) {
    case Kind::Ok:
        return QStringLiteral("ok");
    case Kind::CommandDisabled:
        return QStringLiteral("disabled");
    case Kind::CommandNotFound:
        return QStringLiteral("not_found");
    case Kind::CommandFailed:
        return QStringLiteral("command_failed");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::NotConnected:
        return QStringLiteral("not_connected");
    case Kind::Unsupported:
        return QStringLiteral("unsupported");
    case Kind::Denied:
        return QStringLiteral("denied");
    case Kind::Failed:
        return QStringLiteral("failed");
    case Kind::Malformed:
        return QStringLiteral("malformed");
    }
    return QStringLiteral("failed");
}

QString AgentReply::summary() const {
    if (kind == Kind::Ok)
        return QStringLiteral("ok");
    QString text = kindKey(kind);
    if (!errorClass.isEmpty())
        text += QStringLiteral(" (%1)").arg(errorClass);
    if (!message.isEmpty())
        text += QStringLiteral(": %1").arg(message);
    return text;
}

AgentReply parseAgentReply(const QByteArray &raw) {
    AgentReply reply;
    reply.raw = raw;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        reply.kind = AgentReply::Kind::Malformed;
        reply.message = error.error != QJsonParseError::NoError
                            ? QStringLiteral("not JSON: %1 at offset %2")
                                  .arg(error.errorString())
                                  .arg(error.offset)
                            : QStringLiteral("not a JSON object");
        return reply;
    }
    const QJsonObject object = doc.object();
    if (object.contains(QLatin1String("return"))) {
        reply.kind = AgentReply::Kind::Ok;
        reply.value = object.value(QLatin1String("return"));
        return reply;
    }
    if (object.value(QLatin1String("error")).isObject()) {
        const QJsonObject e = object.value(QLatin1String("error")).toObject();
        reply.errorClass = e.value(QLatin1String("class")).toString();
        reply.message = e.value(QLatin1String("desc")).toString();
        reply.kind = classifyAgentError(reply.errorClass, reply.message);
        return reply;
    }
    reply.kind = AgentReply::Kind::Malformed;
    reply.message = QStringLiteral("neither \"return\" nor \"error\" in the reply");
    return reply;
}

AgentReply agentReplyFromLibvirtError(const Error &error) {
    AgentReply reply;
    reply.message = error.message;
    if (error.kind == Error::Kind::Timeout) {
        reply.kind = AgentReply::Kind::Timeout;
        return reply;
    }
    if (error.kind == Error::Kind::Unsupported) {
        reply.kind = AgentReply::Kind::Unsupported;
        return reply;
    }
    if (error.kind != Error::Kind::Libvirt) {
        reply.kind = AgentReply::Kind::Failed;
        return reply;
    }
    switch (error.code) {
    case VIR_ERR_AGENT_UNRESPONSIVE:
        // "QEMU guest agent is not connected" vs "Guest agent not available for now" (the wait
        // timed out) vs "Guest agent disappeared while executing command".
        reply.kind = error.message.contains(QLatin1String("not connected"))
                         ? AgentReply::Kind::NotConnected
                         : AgentReply::Kind::Timeout;
        return reply;
    case VIR_ERR_OPERATION_TIMEOUT:
        reply.kind = AgentReply::Kind::Timeout;
        return reply;
    case VIR_ERR_NO_SUPPORT:
    case VIR_ERR_ARGUMENT_UNSUPPORTED:
    case VIR_ERR_OPERATION_UNSUPPORTED:
        reply.kind = AgentReply::Kind::Unsupported;
        return reply;
    case VIR_ERR_OPERATION_DENIED:
    case VIR_ERR_ACCESS_DENIED:
        reply.kind = AgentReply::Kind::Denied;
        return reply;
    case VIR_ERR_OPERATION_INVALID:
        // "domain is not running"
        reply.kind = AgentReply::Kind::NotConnected;
        return reply;
    default:
        break;
    }
    static const QRegularExpression agentError(
        QStringLiteral("unable to execute QEMU agent command '([^']*)'(?::\\s*(.*))?$"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = agentError.match(error.message);
    if (match.hasMatch()) {
        const QString desc = match.captured(2);
        reply.message = desc.isEmpty() ? error.message : desc;
        reply.kind = classifyAgentError(QString(), desc);
        return reply;
    }
    reply.kind = AgentReply::Kind::Failed;
    return reply;
}

} // namespace bs
