#include "DomainsCommand.h"

#include "DemoSession.h"
#include "ExitCodes.h"
#include "HostArguments.h"
#include "PollSession.h"
#include "model/DomainState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace bs::cli {

QString DomainsCommand::summary() const {
    return tr("List the guests of a host with their state, balloon device and stats state.");
}

QList<CommandOption> DomainsCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{ConnectOptions::demo(),
                                QCommandLineOption(QStringLiteral("json"), tr("Print JSON."))};
}

QStringList DomainsCommand::synopses() const {
    return {QStringLiteral("(--connect URI [--readonly] | --demo) [--json]")};
}

QList<UsageExample> DomainsCommand::examples() const {
    return {{QStringLiteral("domains --connect qemu:///system"),
             tr("The guests of this machine's system daemon, as a table.")},
            {QStringLiteral("domains --connect qemu+ssh://root@kvm1/system --json"),
             tr("The guests of a remote host, as JSON.")}};
}

QList<ExitStatusDoc> DomainsCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk), ExitCodes::describe(ExitUsage),
            ExitCodes::describe(ExitConnection)};
}

int DomainsCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;
    DemoSession demo; // outlives the session below: the demo guests stop after the monitor
    const auto host = HostArguments::singleOrDemo(parser, demo);
    if (!host)
        return ExitUsage;

    PollSession session(host->config, host->credentials);
    PollCycle last;
    const auto failure = session.run(1, [&](const PollCycle &cycle) { last = cycle; });
    if (failure) {
        err() << tr("Could not connect to %1: %2").arg(host->config.uri, *failure) << Qt::endl;
        return ExitConnection;
    }

    // Running first, then by name (as virsh list --all): the same order on every run.
    std::stable_sort(last.samples.begin(), last.samples.end(),
                     [](const MemorySample &a, const MemorySample &b) {
                         return listedBefore(a.state, a.name, b.state, b.name);
                     });

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const MemorySample &s : std::as_const(last.samples)) {
            QJsonObject o;
            o.insert(QStringLiteral("name"), s.name);
            o.insert(QStringLiteral("uuid"), s.uuid);
            o.insert(QStringLiteral("state"), domainStateKey(s.state));
            o.insert(QStringLiteral("persistent"), s.persistent);
            o.insert(QStringLiteral("balloon_model"), balloonModelKey(s.balloon.model));
            o.insert(QStringLiteral("stats_period"), s.balloon.period
                                                         ? QJsonValue(*s.balloon.period)
                                                         : QJsonValue(QJsonValue::Null));
            o.insert(QStringLiteral("stats_state"), statsStateKey(s.statsState));
            o.insert(QStringLiteral("actual"), s.stats.actual ? QJsonValue(qint64(*s.stats.actual))
                                                              : QJsonValue(QJsonValue::Null));
            o.insert(QStringLiteral("maximum"), s.stats.maximum
                                                    ? QJsonValue(qint64(*s.stats.maximum))
                                                    : QJsonValue(QJsonValue::Null));
            array.append(o);
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }

    out() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                 .arg(tr("NAME"), -20)
                 .arg(tr("STATE"), -12)
                 .arg(tr("BALLOON"), -10)
                 .arg(tr("PERIOD"), -7)
                 .arg(tr("STATS"), -24)
                 .arg(tr("UUID"))
          << Qt::endl;
    for (const MemorySample &s : std::as_const(last.samples)) {
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(s.name, -20)
                     .arg(domainStateName(s.state), -12)
                     .arg(balloonModelKey(s.balloon.model), -10)
                     .arg(s.balloon.period ? QString::number(*s.balloon.period)
                                           : QStringLiteral("-"),
                          -7)
                     .arg(statsStateName(s.statsState), -24)
                     .arg(s.uuid)
              << Qt::endl;
    }
    return ExitOk;
}

} // namespace bs::cli
