#include "ReadinessCommand.h"

#include "DemoSession.h"
#include "ExitCodes.h"
#include "HostArguments.h"
#include "model/DomainState.h"
#include "monitor/MonitoredHost.h"
#include "readiness/ReadinessCollector.h"
#include "readiness/ReadinessJson.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace bs::cli {

namespace {

constexpr int DefaultMaxWaitSeconds = 300;

QString statusTag(CheckStatus status) {
    const QString name = checkStatusName(status);
    return QStringLiteral("[%1]").arg(status == CheckStatus::Fail ? name.toUpper() : name);
}

} // namespace

QString ReadinessCommand::summary() const {
    return tr("Tell, for each guest, whether it will report its memory, and if not, why and what "
              "to do. Host-side checks watch last_update for about two stats periods. Exit code "
              "0 when every selected guest is ready, 1 otherwise.");
}

void ReadinessCommand::printReport(const ReadinessReport &r) {
    const QString who = r.uuid.isEmpty() ? r.name : QStringLiteral("%1 (%2)").arg(r.name, r.uuid);
    out() << QStringLiteral("%1: %2").arg(who, verdictName(r.verdict).toUpper()) << Qt::endl;
    if (!r.reason.isEmpty())
        out() << QStringLiteral("  ") << r.reason << Qt::endl;
    if (!r.osDescription.isEmpty())
        out() << QStringLiteral("  ") << tr("OS: %1").arg(r.osDescription) << Qt::endl;
    for (const ReadinessCheck &c : r.checks) {
        out() << QStringLiteral("  %1 %2: %3")
                     .arg(statusTag(c.status), -10)
                     .arg(c.title(), c.evidence)
              << Qt::endl;
        if (!c.remedy.isEmpty() && (c.status == CheckStatus::Fail || c.status == CheckStatus::Warn))
            out() << QStringLiteral("             ") << tr("fix: %1").arg(c.remedy) << Qt::endl;
    }
    out() << QStringLiteral("  ") << tr("Next step: %1").arg(r.nextStep) << Qt::endl;
    for (const QString &command : r.fixCommands)
        out() << QStringLiteral("    ")
              << (command.startsWith(QLatin1Char('#')) ? command : QStringLiteral("$ ") + command)
              << Qt::endl;
    out() << Qt::endl;
}

QList<CommandOption> ReadinessCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{
               ConnectOptions::demo(),
               QCommandLineOption(QStringList{QStringLiteral("d"), QStringLiteral("domain")},
                                  tr("A guest to check, by name or UUID (repeat for several; "
                                     "default: every guest)."),
                                  QStringLiteral("NAME")),
               QCommandLineOption(
                   QStringLiteral("agent"),
                   tr("Also ask the guest agent (opt-in, read-only). %1").arg(agentTaintWarning())),
               QCommandLineOption(QStringLiteral("agent-timeout"),
                                  tr("Seconds to wait for each guest-agent command (default 5)."),
                                  QStringLiteral("SEC"), QStringLiteral("5")),
               QCommandLineOption(
                   QStringLiteral("max-wait"),
                   tr("Watch last_update at most this long, in seconds (default %1). Guests are "
                      "decided as soon as possible: at once without a period, within one period "
                      "when reports advance, after two periods otherwise.")
                       .arg(DefaultMaxWaitSeconds),
                   QStringLiteral("SEC"), QString::number(DefaultMaxWaitSeconds)),
               QCommandLineOption(QStringLiteral("json"), tr("Print a JSON array of reports.")),
           };
}

QStringList ReadinessCommand::synopses() const {
    return {QStringLiteral("(--connect URI [--readonly] | --demo) [--domain NAME]... [--agent] "
                           "[--agent-timeout SEC] [--max-wait SEC] [--json]")};
}

QList<UsageExample> ReadinessCommand::examples() const {
    return {{QStringLiteral("readiness --connect qemu:///system"),
             tr("Whether every guest will report its memory, and the fix for those that will "
                "not.")},
            {QStringLiteral("readiness --connect qemu:///system --domain win10 --agent --json"),
             tr("One guest, with the guest agent's checks (the guest is marked tainted), as "
                "JSON.")}};
}

QList<ExitStatusDoc> ReadinessCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk, tr("Every selected guest is ready.")),
            ExitCodes::describe(ExitNotAllGood, tr("At least one guest is not ready.")),
            ExitCodes::describe(ExitUsage), ExitCodes::describe(ExitConnection),
            ExitCodes::describe(ExitFailure, tr("A --domain names no guest, or the checks "
                                                "failed."))};
}

int ReadinessCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    bool ok = false;
    const QString agentTimeout = parser.value(QStringLiteral("agent-timeout"));
    const int timeout = agentTimeout.toInt(&ok);
    if (!ok || timeout < 1 || timeout > 300) {
        err() << tr("--agent-timeout must be 1 to 300 seconds, not \"%1\".").arg(agentTimeout)
              << Qt::endl;
        return ExitUsage;
    }
    const QString maxWait = parser.value(QStringLiteral("max-wait"));
    const int wait = maxWait.toInt(&ok);
    if (!ok || wait < 0 || wait > 86400) {
        err() << tr("--max-wait must be 0 to 86400 seconds, not \"%1\".").arg(maxWait) << Qt::endl;
        return ExitUsage;
    }
    DemoSession demo; // outlives the monitor below: the demo guests stop after it
    auto host = HostArguments::singleOrDemo(parser, demo);
    if (!host)
        return ExitUsage;
    host->config.intervalSeconds = 1; // readings every second: decided within ≈ two periods

    ReadinessRequest request;
    request.guests = parser.values(QStringLiteral("domain"));
    request.agentChecks = parser.isSet(QStringLiteral("agent"));
    request.agentOptions.commandTimeoutSeconds = timeout;
    request.maxWaitSeconds = wait;
    if (request.agentChecks)
        err() << tr("Note: %1").arg(agentTaintWarning()) << Qt::endl;

    MonitoredHost monitored(host->config, host->credentials);
    ReadinessCollector collector(&monitored);
    QEventLoop loop;
    std::optional<QString> connectionFailure;
    std::optional<Error> failure;
    QList<ReadinessReport> reports;
    bool announced = false;
    QObject::connect(
        monitored.worker(), &HostMonitor::statusChanged, &loop, [&](const HostStatus &status) {
            if (status.state == HostStatus::State::Disconnected ||
                status.state == HostStatus::State::AuthFailed) {
                connectionFailure = status.detail.isEmpty() ? status.reason : status.detail;
                loop.quit();
            }
        });
    QObject::connect(&collector, &ReadinessCollector::failed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    QObject::connect(
        &collector, &ReadinessCollector::watching, &loop, [&](int seconds, int guests) {
            if (announced)
                return;
            announced = true;
            err() << tr("Watching last_update of %n guest(s) for about %1 s (two stats periods)…",
                        nullptr, guests)
                         .arg(seconds)
                  << Qt::endl;
        });
    QObject::connect(&collector, &ReadinessCollector::finished, &loop,
                     [&](const QList<ReadinessReport> &all) {
                         reports = all;
                         loop.quit();
                     });
    monitored.start();
    // Queued behind the monitor's start: the job finds the connection open (or fails).
    collector.start(request);
    loop.exec();
    collector.cancel();
    monitored.stop();

    if (connectionFailure) {
        err() << tr("Could not connect to %1: %2").arg(host->config.uri, *connectionFailure)
              << Qt::endl;
        return ExitConnection;
    }
    if (failure) {
        err() << failure->message << Qt::endl;
        return ExitFailure;
    }

    // Running first, then by name (as virsh list --all): the same order on every run.
    std::stable_sort(reports.begin(), reports.end(),
                     [](const ReadinessReport &a, const ReadinessReport &b) {
                         return listedBefore(a.state, a.name, b.state, b.name);
                     });
    const bool asJson = parser.isSet(QStringLiteral("json"));
    int ready = 0;
    bool missing = false;
    QJsonArray array;
    for (const ReadinessReport &r : std::as_const(reports)) {
        ready += r.isReady() ? 1 : 0;
        missing = missing || (r.uuid.isEmpty() && r.checks.isEmpty());
        if (asJson)
            array.append(readinessReportToJson(r));
        else
            printReport(r);
    }
    if (asJson)
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
    else
        out() << tr("%1 of %n guest(s) ready.", nullptr, int(reports.size())).arg(ready)
              << Qt::endl;
    if (missing)
        return ExitFailure; // a --domain that names no guest
    return ready == reports.size() ? ExitOk : ExitNotAllGood;
}

} // namespace bs::cli
