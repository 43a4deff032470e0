#pragma once

#include "AgentChannel.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace bs {

// NOT a guest: replays recorded guest-agent payloads (tests/fixtures/qga) so the inspector can
// be tested without a Windows guest. Each command name has a queue of scripted replies, served
// in order; the last one repeats. A command nobody scripted gets the agent's CommandNotFound.
class ReplayAgentChannel final : public AgentChannel {
public:
    // A recorded reply text, exactly as the agent (or libvirt) returned it.
    void addPayload(const QString &command, const QByteArray &payload);
    // A failure with no reply text: Timeout, NotConnected, Unsupported, Denied, Failed.
    void addFailure(const QString &command, AgentReply::Kind kind, const QString &message = {});

    AgentReply execute(const QJsonObject &request, int timeoutSeconds) override;

    // What was sent, in order, to assert that only the fixed read-only commands went out.
    const QList<QJsonObject> &requests() const { return m_requests; }
    QStringList commandsSent() const;
    // The timeout asked for with each request.
    const QList<int> &timeouts() const { return m_timeouts; }

private:
    struct Step {
        bool failure = false;
        AgentReply::Kind kind = AgentReply::Kind::Ok;
        QByteArray payload;
        QString message;
    };
    QHash<QString, QList<Step>> m_script;
    QHash<QString, int> m_served;
    QList<QJsonObject> m_requests;
    QList<int> m_timeouts;
};

} // namespace bs
