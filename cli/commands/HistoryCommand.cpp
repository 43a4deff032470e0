#include "HistoryCommand.h"

#include "ExitCodes.h"
#include "HistoryOutput.h"
#include "HistoryQueries.h"
#include "history/HistoryReader.h"

namespace bs::cli {

namespace {

const QString DefaultRange = QStringLiteral("1h");

QStringList metricKeys() {
    QStringList keys;
    for (Metric m : allMetrics())
        keys.append(metricKey(m));
    return keys;
}

} // namespace

QString HistoryCommand::summary() const {
    return tr("Print a guest's recorded memory over a time range, decimated as the history chart "
              "shows it (min/avg/max per bucket, KiB; gaps where nothing was recorded).");
}

QList<CommandOption> HistoryCommand::options() const {
    return HistoryArguments(DefaultRange).options() +
           QList<CommandOption>{
               QCommandLineOption(QStringLiteral("domain"),
                                  tr("The guest: its UUID, or a name it has or had."),
                                  QStringLiteral("NAME|UUID")),
               QCommandLineOption(QStringLiteral("points"),
                                  tr("At most this many buckets (a chart's width in pixels; "
                                     "default 200)."),
                                  QStringLiteral("N"), QStringLiteral("200")),
               CommandOption(
                   QCommandLineOption(QStringLiteral("metric"),
                                      tr("Comma-separated metrics (default "
                                         "used,used_excluding_cache,actual,rss): %1.")
                                          .arg(metricKeys().join(QStringLiteral(", "))),
                                      QStringLiteral("LIST"),
                                      QStringLiteral("used,used_excluding_cache,actual,rss")))
                   .listOf(metricKeys()),
               QCommandLineOption(QStringLiteral("json"), tr("Print JSON.")),
               QCommandLineOption(QStringLiteral("csv"), tr("Print CSV.")),
           };
}

QStringList HistoryCommand::synopses() const {
    return {QStringLiteral("(--host URI | --demo) --domain NAME|UUID [--range DURATION | --from "
                           "ISO [--to ISO]] [--db FILE | --source URL] [--points N] "
                           "[--metric LIST] [--json | --csv]")};
}

QList<UsageExample> HistoryCommand::examples() const {
    return {{QStringLiteral("history --host qemu:///system --domain web1 --range 24h --json"),
             tr("A guest's last day as JSON: min, average and max per bucket.")},
            {QStringLiteral("history --host qemu:///system --domain web1 --range 30d --source "
                            "http://prometheus:9090"),
             tr("The same guest over 30 days, from the Prometheus server that scrapes the "
                "hypervisors' recorders.")},
            {QStringLiteral("history --demo --domain demo-sawtooth --range 15m"),
             tr("What \"record --demo\" recorded of the saw-tooth guest in the last 15 "
                "minutes.")}};
}

QList<ExitStatusDoc> HistoryCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk),
            ExitCodes::describe(ExitNotAllGood, tr("The guest is not in the history of the "
                                                   "host.")),
            ExitCodes::describe(ExitUsage, tr("Bad arguments, or a name that several guests "
                                              "had.")),
            ExitCodes::describe(ExitFailure)};
}

int HistoryCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    HistoryArguments history(DefaultRange);
    if (!history.read(parser))
        return ExitUsage;
    const QString domain = QStringLiteral("domain");
    if (!parser.isSet(domain)) {
        err() << tr("history needs --domain NAME|UUID.") << Qt::endl;
        return ExitUsage;
    }
    const bool asJson = parser.isSet(QStringLiteral("json"));
    const bool asCsv = parser.isSet(QStringLiteral("csv"));
    if (asJson && asCsv) {
        err() << tr("Choose one of --json and --csv.") << Qt::endl;
        return ExitUsage;
    }
    bool ok = false;
    const QString points = parser.value(QStringLiteral("points"));
    const int n = points.toInt(&ok);
    if (!ok || n < 1 || n > 100000) {
        err() << tr("--points must be 1 to 100000, not \"%1\".").arg(points) << Qt::endl;
        return ExitUsage;
    }
    QList<Metric> metrics;
    for (const QString &key :
         parser.value(QStringLiteral("metric")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto m = metricFromKey(key.trimmed());
        if (!m) {
            err() << tr("Unknown metric \"%1\".").arg(key) << Qt::endl;
            return ExitUsage;
        }
        metrics.append(*m);
    }
    if (metrics.isEmpty()) {
        err() << tr("--metric names no metric.") << Qt::endl;
        return ExitUsage;
    }

    std::optional<SeriesResult> result;
    GuestMatch match;
    SeriesRequest request;
    request.hostId = history.hostId;
    request.metrics = metrics;
    request.fromMs = history.fromMs;
    request.toMs = history.toMs;
    request.points = n;
    const auto store = history.openReader();
    if (!store)
        return ExitFailure;
    Error error;
    const auto guests = awaitAnswer<QList<GuestInfo>>(*store, store->queryGuests(history.hostId),
                                                      &HistoryReader::guestsReady, &error);
    if (!guests) {
        err() << error.message << Qt::endl;
        return ExitFailure;
    }
    match = findGuest(*guests, parser.value(domain));
    if (!match.error.isEmpty()) {
        err() << match.error << Qt::endl;
        if (guests->isEmpty() && !history.demoHint().isEmpty())
            err() << history.demoHint() << Qt::endl;
        return match.ambiguous ? ExitUsage : ExitNotAllGood;
    }
    request.uuids = {match.guest.uuid};
    result = awaitAnswer<SeriesResult>(*store, store->querySeries(request),
                                       &HistoryReader::seriesReady, &error);
    if (!result) {
        err() << error.message << Qt::endl;
        return ExitFailure;
    }
    if (!result->note.isEmpty())
        err() << result->note << Qt::endl;
    // PSI is stored in hundredths of a percent: shown in percent.
    SeriesResult shown = *result;
    for (Series &s : shown.series) {
        if (!isPercentMetric(s.metric))
            continue;
        for (EnvelopePoint &p : s.points) {
            p.min /= 100.0;
            p.avg /= 100.0;
            p.max /= 100.0;
        }
    }
    const HistoryOutput output{match.guest, request, shown,
                               store->isLocal() ? QString() : store->sourceName()};
    if (asJson)
        out() << output.json();
    else if (asCsv)
        out() << output.csv();
    else
        out() << output.text();
    out() << Qt::flush;
    return ExitOk;
}

} // namespace bs::cli
