#include "SampleCommand.h"

#include "DemoSession.h"
#include "ExitCodes.h"
#include "HostArguments.h"
#include "PollSession.h"
#include "common/Units.h"
#include "metrics/DerivedMetrics.h"
#include "monitor/SampleJson.h"

#include <QDateTime>
#include <QJsonDocument>

namespace bs::cli {

namespace {

QString kib(const std::optional<quint64> &v) {
    return v ? QString::number(*v) : QStringLiteral("-");
}

} // namespace

QString SampleCommand::summary() const {
    return tr("Poll a host's guests and print their memory samples, as the GUI charts them. "
              "Sizes are KiB; absent fields are shown as - (text) or null (JSON).");
}

QList<CommandOption> SampleCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{
               ConnectOptions::demo(),
               QCommandLineOption(QStringLiteral("json"),
                                  tr("Print one JSON object per guest per sample (JSON Lines).")),
               QCommandLineOption(QStringLiteral("count"),
                                  tr("Number of samples (default 1, 0 = until interrupted)."),
                                  QStringLiteral("N"), QStringLiteral("1")),
               QCommandLineOption(QStringLiteral("interval"),
                                  tr("Seconds between samples, 1-3600 (default 5)."),
                                  QStringLiteral("SEC"), QStringLiteral("5")),
           };
}

QStringList SampleCommand::synopses() const {
    return {QStringLiteral(
        "(--connect URI [--readonly] | --demo) [--json] [--count N] [--interval SEC]")};
}

QList<UsageExample> SampleCommand::examples() const {
    return {{QStringLiteral("sample --connect qemu:///system --json --count 3 --interval 5"),
             tr("Three samples of every guest, five seconds apart, as JSON Lines.")},
            {QStringLiteral("sample --demo --count 0"),
             tr("The demo host's guests, every five seconds until Ctrl+C.")}};
}

QList<ExitStatusDoc> SampleCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk), ExitCodes::describe(ExitUsage),
            ExitCodes::describe(ExitConnection)};
}

int SampleCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    bool ok = false;
    const QString count = parser.value(QStringLiteral("count"));
    const int n = count.toInt(&ok);
    if (!ok || n < 0) {
        err() << tr("--count must be a number of samples (0 or more), not \"%1\".").arg(count)
              << Qt::endl;
        return ExitUsage;
    }
    const std::optional<int> seconds = intervalSeconds(parser);
    if (!seconds)
        return ExitUsage;
    DemoSession demo; // outlives the session below: the demo guests stop after the monitor
    auto host = HostArguments::singleOrDemo(parser, demo);
    if (!host)
        return ExitUsage;
    host->config.intervalSeconds = *seconds;

    const bool asJson = parser.isSet(QStringLiteral("json"));
    if (!asJson) {
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9  %10")
                     .arg(tr("TIME"), -8)
                     .arg(tr("GUEST"), -16)
                     .arg(tr("ACTUAL"), 10)
                     .arg(tr("AVAILABLE"), 10)
                     .arg(tr("UNUSED"), 10)
                     .arg(tr("USABLE"), 10)
                     .arg(tr("USED"), 10)
                     .arg(tr("RSS"), 10)
                     .arg(tr("REPORT"), -7)
                     .arg(tr("STATS"))
              << Qt::endl;
    }
    PollSession session(host->config, host->credentials);
    const auto failure = session.run(n, [&](const PollCycle &cycle) {
        for (const MemorySample &s : cycle.samples) {
            if (asJson) {
                out() << QJsonDocument(sampleToJson(s)).toJson(QJsonDocument::Compact) << Qt::endl;
                continue;
            }
            const DerivedMetrics d = deriveMetrics(s.stats);
            // A repeated report (same last_update) carries no guest figures: "-" and "repeat".
            out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9  %10")
                         .arg(QDateTime::fromMSecsSinceEpoch(s.timeMs).toString(
                                  QStringLiteral("HH:mm:ss")),
                              -8)
                         .arg(s.name, -16)
                         .arg(kib(s.stats.actual), 10)
                         .arg(kib(s.stats.available), 10)
                         .arg(kib(s.stats.unused), 10)
                         .arg(kib(s.stats.usable), 10)
                         .arg(kib(d.used), 10)
                         .arg(kib(s.stats.rss), 10)
                         .arg(s.freshReport ? tr("new") : tr("repeat"), -7)
                         .arg(statsStateName(s.statsState))
                  << Qt::endl;
        }
    });
    if (failure) {
        err() << tr("Could not connect to %1: %2").arg(host->config.uri, *failure) << Qt::endl;
        return ExitConnection;
    }
    return ExitOk;
}

} // namespace bs::cli
