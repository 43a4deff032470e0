#include "ReadinessJson.h"

#include <QDateTime>
#include <QJsonArray>

namespace bs {

QJsonObject readinessReportToJson(const ReadinessReport &r) {
    QJsonArray checks;
    for (const ReadinessCheck &c : r.checks) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), c.key());
        o.insert(QStringLiteral("source"), c.source() == CheckSource::Agent
                                               ? QStringLiteral("agent")
                                               : QStringLiteral("host"));
        o.insert(QStringLiteral("status"), checkStatusKey(c.status));
        o.insert(QStringLiteral("title"), c.title());
        o.insert(QStringLiteral("evidence"), c.evidence);
        o.insert(QStringLiteral("remedy"), c.remedy);
        o.insert(QStringLiteral("fix"), fixKindKey(c.fix));
        o.insert(QStringLiteral("commands"), QJsonArray::fromStringList(c.commands));
        checks.append(o);
    }
    QJsonObject o;
    o.insert(QStringLiteral("host"), r.hostId);
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("uuid"), r.uuid);
    o.insert(QStringLiteral("time"),
             QDateTime::fromMSecsSinceEpoch(r.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("state"), domainStateKey(r.state));
    o.insert(QStringLiteral("verdict"), verdictKey(r.verdict));
    o.insert(QStringLiteral("verdict_text"), verdictName(r.verdict));
    o.insert(QStringLiteral("ready"), r.isReady());
    o.insert(QStringLiteral("reason"), r.reason);
    o.insert(QStringLiteral("next_step"), r.nextStep);
    o.insert(QStringLiteral("fix"), fixKindKey(r.fix));
    o.insert(QStringLiteral("fix_commands"), QJsonArray::fromStringList(r.fixCommands));
    o.insert(QStringLiteral("deciding_check"),
             r.decidingCheck ? QJsonValue(ReadinessCheck::checkIdKey(*r.decidingCheck))
                             : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("os_family"), osFamilyKey(r.osFamily));
    o.insert(QStringLiteral("os"), r.osDescription);
    o.insert(QStringLiteral("agent_used"), r.agentUsed);
    o.insert(QStringLiteral("observed_seconds"), qRound(r.observedSeconds * 10.0) / 10.0);
    o.insert(QStringLiteral("checks"), checks);
    return o;
}

} // namespace bs
