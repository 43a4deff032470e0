#include "HistoryQueries.h"

#include "CliCommand.h"
#include "demo/DemoRoot.h"
#include "history/RangePresets.h"
#include "libvirt/ConnectionUri.h"
#include "promsource/PrometheusReader.h"

#include <QDateTime>

namespace bs::cli {

namespace {

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

CommandOption historyDatabaseOption() {
    return CommandOption(
               QCommandLineOption(
                   QStringLiteral("db"),
                   HistoryArguments::tr("History database (default %1).").arg(defaultHistoryPath()),
                   QStringLiteral("FILE")))
        .file({QStringLiteral("sqlite")});
}

CommandOption historySourceOption() {
    return QCommandLineOption(
        QStringLiteral("source"),
        HistoryArguments::tr(
            "Read the history from a Prometheus-compatible server (Prometheus, "
            "VictoriaMetrics) that scrapes recorders' /metrics, e.g. http://prometheus:9090 or "
            "https://user:password@host:9090, instead of the local file."),
        QStringLiteral("URL"));
}

QList<CommandOption> HistoryArguments::options() const {
    QStringList presets;
    for (const RangePreset &preset : rangePresets())
        presets.append(preset.key);
    return {
        historyDatabaseOption(),
        historySourceOption(),
        QCommandLineOption(QStringLiteral("host"), tr("libvirt URI of the recorded host."),
                           QStringLiteral("URI")),
        QCommandLineOption(QStringLiteral("demo"),
                           tr("Instead of --host: the demo host, as \"record --demo\" records "
                              "it.")),
        CommandOption(QCommandLineOption(QStringLiteral("range"),
                                         tr("The last stretch of time, e.g. 1h, 24h, 7d "
                                            "(default %1).")
                                             .arg(m_defaultRange),
                                         QStringLiteral("DURATION")))
            .oneOf(presets),
        QCommandLineOption(QStringLiteral("from"),
                           tr("Start, ISO 8601 (local time unless it says otherwise)."),
                           QStringLiteral("ISO")),
        QCommandLineOption(QStringLiteral("to"), tr("End, ISO 8601 (default now)."),
                           QStringLiteral("ISO")),
    };
}

bool HistoryArguments::read(const QCommandLineParser &parser) {
    const QString host = QStringLiteral("host");
    const QString range = QStringLiteral("range");
    const QString from = QStringLiteral("from");
    const QString to = QStringLiteral("to");
    demo = parser.isSet(QStringLiteral("demo"));
    if (demo && parser.isSet(host)) {
        err() << tr("Use either --demo or --host, not both.") << Qt::endl;
        return false;
    }
    if (!demo && !parser.isSet(host)) {
        err() << tr("Give the host with --host URI (or --demo).") << Qt::endl;
        return false;
    }
    db = parser.value(QStringLiteral("db"));
    if (!readSource(parser))
        return false;
    hostId = normalizedUri(demo ? DemoRoot::uri() : parser.value(host));
    if (parser.isSet(range) && (parser.isSet(from) || parser.isSet(to))) {
        err() << tr("Use either --range or --from/--to.") << Qt::endl;
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (parser.isSet(from)) {
        const auto start = parseTime(parser.value(from));
        const auto end = parser.isSet(to) ? parseTime(parser.value(to))
                                          : std::optional<QDateTime>(QDateTime::currentDateTime());
        if (!start || !end || *end <= *start) {
            err() << tr("--from and --to must be ISO 8601 times (2025-01-31T08:00), --from "
                        "before --to.")
                  << Qt::endl;
            return false;
        }
        fromMs = start->toMSecsSinceEpoch();
        toMs = end->toMSecsSinceEpoch();
        return true;
    }
    if (parser.isSet(to)) {
        err() << tr("--to needs --from.") << Qt::endl;
        return false;
    }
    const QString text = parser.isSet(range) ? parser.value(range) : m_defaultRange;
    const auto seconds = parseDurationSeconds(text);
    if (!seconds) {
        err() << tr("--range must be a duration such as 1h, 24h, 7d or 1y, not \"%1\".").arg(text)
              << Qt::endl;
        return false;
    }
    toMs = now;
    fromMs = now - *seconds * 1000;
    for (const RangePreset &preset : rangePresets()) {
        if (preset.seconds == *seconds)
            rangeLabel = preset.label();
    }
    return true;
}

bool HistoryArguments::readSource(const QCommandLineParser &parser) {
    if (parser.isSet(QStringLiteral("source"))) {
        if (parser.isSet(QStringLiteral("db"))) {
            err() << tr("Use either --db or --source, not both.") << Qt::endl;
            return false;
        }
        const QString text = parser.value(QStringLiteral("source"));
        source = QUrl(text, QUrl::StrictMode);
        if (!source.isValid() || source.host().isEmpty() ||
            (source.scheme() != QLatin1String("http") &&
             source.scheme() != QLatin1String("https"))) {
            err() << tr("--source takes the server's http(s) URL, e.g. http://prometheus:9090, "
                        "not \"%1\".")
                         .arg(QUrl(text).toDisplayString(QUrl::RemovePassword))
                  << Qt::endl;
            return false;
        }
    }
    return true;
}

std::unique_ptr<HistoryReader> HistoryArguments::openReader() const {
    if (!source.isEmpty())
        return std::make_unique<prom::PrometheusReader>(source);
    HistoryOptions options;
    options.path = db;
    options.access = HistoryOptions::Access::ReadOnly;
    auto store = std::make_unique<HistoryStore>(options);
    store->open();
    if (!store->waitForIdle() || store->status().state == HistoryStatus::State::Unavailable) {
        err() << store->status().message << Qt::endl;
        return nullptr;
    }
    return store;
}

QString HistoryArguments::demoHint() const {
    if (!demo)
        return {};
    return tr("Nothing was recorded for the demo host %1. Where QEMU or the guest images are "
              "missing, \"record --demo\" records libvirt's test driver instead: try --host "
              "test:///default.")
        .arg(hostId);
}

} // namespace bs::cli
