#include "ReplayAgentChannel.h"

namespace bs {

void ReplayAgentChannel::addPayload(const QString &command, const QByteArray &payload) {
    m_script[command].append(Step{false, AgentReply::Kind::Ok, payload, {}});
}

void ReplayAgentChannel::addFailure(const QString &command, AgentReply::Kind kind,
                                    const QString &message) {
    m_script[command].append(Step{true, kind, {}, message});
}

QStringList ReplayAgentChannel::commandsSent() const {
    QStringList names;
    for (const QJsonObject &r : m_requests)
        names << r.value(QLatin1String("execute")).toString();
    return names;
}

AgentReply ReplayAgentChannel::execute(const QJsonObject &request, int timeoutSeconds) {
    m_requests.append(request);
    m_timeouts.append(timeoutSeconds);
    const QString command = request.value(QLatin1String("execute")).toString();
    const auto it = m_script.constFind(command);
    if (it == m_script.constEnd() || it->isEmpty()) {
        return parseAgentReply(
            QStringLiteral(R"({"error":{"class":"CommandNotFound","desc":"The command %1 has )"
                           R"(not been found"}})")
                .arg(command)
                .toUtf8());
    }
    int &served = m_served[command];
    const Step &step = it->at(std::min<qsizetype>(served, it->size() - 1));
    ++served;
    if (!step.failure)
        return parseAgentReply(step.payload);
    AgentReply reply;
    reply.kind = step.kind;
    reply.message = step.message.isEmpty() ? AgentReply::kindKey(step.kind) : step.message;
    return reply;
}

} // namespace bs
