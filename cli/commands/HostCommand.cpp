#include "HostCommand.h"

#include "DemoSession.h"
#include "ExitCodes.h"
#include "HostArguments.h"
#include "HostText.h"
#include "host/HostJson.h"
#include "host/HostOverviewFeed.h"

#include <QEventLoop>
#include <QJsonDocument>

namespace bs::cli {

QString HostCommand::summary() const {
    return tr("Show a host's memory: free memory, the guests' overcommit, KSM and huge pages, "
              "with advice. Figures a host cannot give are marked \"not available on this "
              "host\".");
}

QList<CommandOption> HostCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{
               ConnectOptions::demo(),
               QCommandLineOption(QStringLiteral("json"),
                                  tr("Print JSON (sizes in KiB; one indented object, or one line "
                                     "per overview with --count).")),
               QCommandLineOption(QStringLiteral("count"),
                                  tr("Number of overviews, one per poll (default 1). Two or more "
                                     "tell whether KSM is scanning."),
                                  QStringLiteral("N"), QStringLiteral("1")),
               QCommandLineOption(QStringLiteral("interval"),
                                  tr("Seconds between polls, 1-3600 (default 5)."),
                                  QStringLiteral("SEC"), QStringLiteral("5")),
           };
}

QStringList HostCommand::synopses() const {
    return {QStringLiteral(
        "(--connect URI [--readonly] | --demo) [--json] [--count N] [--interval SEC]")};
}

QList<UsageExample> HostCommand::examples() const {
    return {{QStringLiteral("host --connect qemu:///system"),
             tr("The host's memory, overcommit, KSM and huge pages, with advice.")},
            {QStringLiteral("host --connect qemu:///system --count 2 --interval 10 --json"),
             tr("Two overviews ten seconds apart, which tells whether KSM is scanning.")}};
}

QList<ExitStatusDoc> HostCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk), ExitCodes::describe(ExitUsage),
            ExitCodes::describe(ExitConnection)};
}

int HostCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    bool ok = false;
    const QString count = parser.value(QStringLiteral("count"));
    const int n = count.toInt(&ok);
    if (!ok || n < 1) {
        err() << tr("--count must be a number of overviews (1 or more), not \"%1\".").arg(count)
              << Qt::endl;
        return ExitUsage;
    }
    const std::optional<int> seconds = intervalSeconds(parser);
    if (!seconds)
        return ExitUsage;
    DemoSession demo; // outlives the monitor below: the demo guests stop after it
    auto host = HostArguments::singleOrDemo(parser, demo);
    if (!host)
        return ExitUsage;
    host->config.intervalSeconds = *seconds;
    const bool asJson = parser.isSet(QStringLiteral("json"));

    MonitoredHost monitored(host->config, host->credentials);
    HostOverviewFeed feed(&monitored);
    QEventLoop loop;
    std::optional<QString> failure;
    int received = 0;
    QObject::connect(monitored.worker(), &HostMonitor::statusChanged, &loop,
                     [&](const HostStatus &status) {
                         if (status.state == HostStatus::State::Disconnected ||
                             status.state == HostStatus::State::AuthFailed) {
                             failure = status.detail.isEmpty() ? status.reason : status.detail;
                             loop.quit();
                         }
                     });
    QObject::connect(
        &feed, &HostOverviewFeed::overviewReady, &loop,
        [&](const HostOverview &overview, const QList<Advice> &advice) {
            if (asJson) {
                const auto format = n == 1 ? QJsonDocument::Indented : QJsonDocument::Compact;
                out() << QJsonDocument(hostOverviewToJson(overview, advice)).toJson(format);
                if (format == QJsonDocument::Compact)
                    out() << Qt::endl;
                out() << Qt::flush;
            } else {
                if (received > 0)
                    out() << Qt::endl;
                printHostText(out(), overview, advice);
            }
            if (++received >= n)
                loop.quit();
        });
    monitored.start();
    loop.exec();
    monitored.stop();
    if (failure) {
        err() << tr("Could not connect to %1: %2").arg(host->config.uri, *failure) << Qt::endl;
        return ExitConnection;
    }
    return ExitOk;
}

} // namespace bs::cli
