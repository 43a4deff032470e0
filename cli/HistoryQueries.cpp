#include "HistoryQueries.h"

#include "CliCommand.h"
#include "history/RangePresets.h"
#include "libvirt/ConnectionUri.h"

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

void HistoryArguments::addTo(QCommandLineParser &parser, const QString &defaultRange) {
    m_defaultRange = defaultRange;
    m_db = QCommandLineOption(QStringLiteral("db"),
                              tr("History database (default %1).").arg(defaultHistoryPath()),
                              QStringLiteral("FILE"));
    m_host = QCommandLineOption(QStringLiteral("host"), tr("libvirt URI of the recorded host."),
                                QStringLiteral("URI"));
    m_range = QCommandLineOption(
        QStringLiteral("range"),
        tr("The last stretch of time, e.g. 1h, 24h, 7d (default %1).").arg(defaultRange),
        QStringLiteral("DURATION"));
    m_from = QCommandLineOption(QStringLiteral("from"),
                                tr("Start, ISO 8601 (local time unless it says otherwise)."),
                                QStringLiteral("ISO"));
    m_to = QCommandLineOption(QStringLiteral("to"), tr("End, ISO 8601 (default now)."),
                              QStringLiteral("ISO"));
    parser.addOptions({m_db, m_host, m_range, m_from, m_to});
}

bool HistoryArguments::read(const QCommandLineParser &parser) {
    if (!parser.isSet(m_host)) {
        err() << tr("Give the host with --host URI.") << Qt::endl;
        return false;
    }
    db = parser.value(m_db);
    hostId = normalizedUri(parser.value(m_host));
    if (parser.isSet(m_range) && (parser.isSet(m_from) || parser.isSet(m_to))) {
        err() << tr("Use either --range or --from/--to.") << Qt::endl;
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (parser.isSet(m_from)) {
        const auto start = parseTime(parser.value(m_from));
        const auto end = parser.isSet(m_to)
                             ? parseTime(parser.value(m_to))
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
    if (parser.isSet(m_to)) {
        err() << tr("--to needs --from.") << Qt::endl;
        return false;
    }
    const QString text = parser.isSet(m_range) ? parser.value(m_range) : m_defaultRange;
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

std::unique_ptr<HistoryStore> HistoryArguments::openStore() const {
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

} // namespace bs::cli
