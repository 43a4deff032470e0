#include "HostCommand.h"

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

int HostCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    ConnectOptions::add(parser);
    const QCommandLineOption json(
        QStringLiteral("json"),
        tr("Print JSON (sizes in KiB; one indented object, or one line per overview with "
           "--count)."));
    const QCommandLineOption count(
        QStringLiteral("count"),
        tr("Number of overviews, one per poll (default 1). Two or more tell whether KSM is "
           "scanning."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      tr("Seconds between polls, 1-3600 (default 5)."),
                                      QStringLiteral("SEC"), QStringLiteral("5"));
    parser.addOptions({json, count, interval});
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    bool ok = false;
    const int n = parser.value(count).toInt(&ok);
    if (!ok || n < 1) {
        err() << tr("--count must be a number of overviews (1 or more), not \"%1\".")
                     .arg(parser.value(count))
              << Qt::endl;
        return ExitUsage;
    }
    const std::optional<int> seconds = intervalSeconds(parser, interval);
    if (!seconds)
        return ExitUsage;
    auto host = HostArguments::single(parser);
    if (!host)
        return ExitUsage;
    host->config.intervalSeconds = *seconds;
    const bool asJson = parser.isSet(json);

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
