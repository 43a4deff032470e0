#include "HistoryCommand.h"

#include "ExitCodes.h"
#include "HistoryOutput.h"
#include "history/HistoryStore.h"
#include "history/RangePresets.h"
#include "libvirt/ConnectionUri.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

namespace bs::cli {

namespace {

// Waits for the answer to query `id` (or its failure).
template <class T, class Signal>
std::optional<T> await(HistoryStore &store, quint64 id, Signal signal, Error *error) {
    QEventLoop loop;
    std::optional<T> answer;
    QObject::connect(&store, signal, &loop, [&](quint64 got, const T &value) {
        if (got == id) {
            answer = value;
            loop.quit();
        }
    });
    QObject::connect(&store, &HistoryStore::queryFailed, &loop, [&](quint64 got, const Error &e) {
        if (got == id) {
            *error = e;
            loop.quit();
        }
    });
    loop.exec();
    return answer;
}

std::optional<QDateTime> parseTime(const QString &text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

QString normalizedUri(const QString &text) {
    const auto parsed = ConnectionUri::parse(text);
    if (const auto *uri = std::get_if<ConnectionUri>(&parsed))
        return uri->toString();
    return text;
}

} // namespace

QString HistoryCommand::summary() const {
    return tr("Print a guest's recorded memory over a time range, decimated as the history chart "
              "shows it (min/avg/max per bucket, KiB; gaps where nothing was recorded).");
}

int HistoryCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("History database (default %1).").arg(defaultHistoryPath()),
                                QStringLiteral("FILE"));
    const QCommandLineOption host(QStringLiteral("host"), tr("libvirt URI the guest ran on."),
                                  QStringLiteral("URI"));
    const QCommandLineOption domain(QStringLiteral("domain"),
                                    tr("The guest: its UUID, or a name it has or had."),
                                    QStringLiteral("NAME|UUID"));
    const QCommandLineOption range(
        QStringLiteral("range"), tr("The last stretch of time, e.g. 15m, 1h, 7d, 1y (default 1h)."),
        QStringLiteral("DURATION"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  tr("Start, ISO 8601 (local time unless "
                                     "it says otherwise)."),
                                  QStringLiteral("ISO"));
    const QCommandLineOption to(QStringLiteral("to"), tr("End, ISO 8601 (default now)."),
                                QStringLiteral("ISO"));
    const QCommandLineOption points(QStringLiteral("points"),
                                    tr("At most this many buckets (a chart's width in pixels; "
                                       "default 200)."),
                                    QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption metric(
        QStringLiteral("metric"),
        tr("Comma-separated metrics (default used,used_excluding_cache,actual,rss): %1.").arg([] {
            QStringList keys;
            for (Metric m : allMetrics())
                keys.append(metricKey(m));
            return keys.join(QStringLiteral(", "));
        }()),
        QStringLiteral("LIST"), QStringLiteral("used,used_excluding_cache,actual,rss"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("Print CSV."));
    parser.addOptions({db, host, domain, range, from, to, points, metric, json, csv});
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    if (!parser.isSet(host) || !parser.isSet(domain)) {
        err() << tr("history needs --host URI and --domain NAME|UUID.") << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(json) && parser.isSet(csv)) {
        err() << tr("Choose one of --json and --csv.") << Qt::endl;
        return ExitUsage;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 fromMs = 0;
    qint64 toMs = now;
    if (parser.isSet(range) && (parser.isSet(from) || parser.isSet(to))) {
        err() << tr("Use either --range or --from/--to.") << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(from)) {
        const auto start = parseTime(parser.value(from));
        const auto end = parser.isSet(to) ? parseTime(parser.value(to))
                                          : std::optional<QDateTime>(QDateTime::currentDateTime());
        if (!start || !end || *end <= *start) {
            err() << tr("--from and --to must be ISO 8601 times (2025-01-31T08:00), --from "
                        "before --to.")
                  << Qt::endl;
            return ExitUsage;
        }
        fromMs = start->toMSecsSinceEpoch();
        toMs = end->toMSecsSinceEpoch();
    } else if (parser.isSet(to)) {
        err() << tr("--to needs --from.") << Qt::endl;
        return ExitUsage;
    } else {
        const auto seconds =
            parseDurationSeconds(parser.isSet(range) ? parser.value(range) : QStringLiteral("1h"));
        if (!seconds) {
            err() << tr("--range must be a duration such as 15m, 1h, 7d or 1y, not \"%1\".")
                         .arg(parser.value(range))
                  << Qt::endl;
            return ExitUsage;
        }
        fromMs = now - *seconds * 1000;
    }
    bool ok = false;
    const int n = parser.value(points).toInt(&ok);
    if (!ok || n < 1 || n > 100000) {
        err() << tr("--points must be 1 to 100000, not \"%1\".").arg(parser.value(points))
              << Qt::endl;
        return ExitUsage;
    }
    QList<Metric> metrics;
    for (const QString &key : parser.value(metric).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
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

    HistoryOptions options;
    options.path = parser.value(db);
    options.access = HistoryOptions::Access::ReadOnly;
    HistoryStore store(options);
    store.open();
    if (!store.waitForIdle() || store.status().state == HistoryStatus::State::Unavailable) {
        err() << store.status().message << Qt::endl;
        return ExitFailure;
    }

    const QString hostId = normalizedUri(parser.value(host));
    Error error;
    const auto guests = await<QList<GuestInfo>>(store, store.queryGuests(hostId),
                                                &HistoryStore::guestsReady, &error);
    if (!guests) {
        err() << error.message << Qt::endl;
        return ExitFailure;
    }
    const auto match = findGuest(*guests, parser.value(domain));
    if (!match.error.isEmpty()) {
        err() << match.error << Qt::endl;
        return match.ambiguous ? ExitUsage : ExitNotAllGood;
    }

    SeriesRequest request;
    request.hostId = hostId;
    request.uuids = {match.guest.uuid};
    request.metrics = metrics;
    request.fromMs = fromMs;
    request.toMs = toMs;
    request.points = n;
    const auto result =
        await<SeriesResult>(store, store.querySeries(request), &HistoryStore::seriesReady, &error);
    if (!result) {
        err() << error.message << Qt::endl;
        return ExitFailure;
    }
    const HistoryOutput output{match.guest, request, *result};
    if (parser.isSet(json))
        out() << output.json();
    else if (parser.isSet(csv))
        out() << output.csv();
    else
        out() << output.text();
    out() << Qt::flush;
    return ExitOk;
}

} // namespace bs::cli
