#pragma once

#include "cmdline/CommandLineDoc.h"
#include "common/Error.h"
#include "history/HistoryStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QUrl>

#include <memory>
#include <optional>

namespace bs::cli {

// Waits in a local event loop for the answer to query `id` of `store` (or its failure).
template <class T, class Signal>
std::optional<T> awaitAnswer(HistoryReader &store, quint64 id, Signal signal, Error *error) {
    QEventLoop loop;
    std::optional<T> answer;
    QObject::connect(&store, signal, &loop, [&](quint64 got, const T &value) {
        if (got == id) {
            answer = value;
            loop.quit();
        }
    });
    QObject::connect(&store, &HistoryReader::queryFailed, &loop, [&](quint64 got, const Error &e) {
        if (got == id) {
            *error = e;
            loop.quit();
        }
    });
    loop.exec();
    return answer;
}

// --db FILE: the history database, for the commands that write or read it.
CommandOption historyDatabaseOption();
// --source URL: a Prometheus-compatible server instead of the history database.
CommandOption historySourceOption();

// The options every history reader shares: --db or --source, --host or --demo, --range or
// --from/--to.
class HistoryArguments {
    Q_DECLARE_TR_FUNCTIONS(HistoryArguments)

public:
    explicit HistoryArguments(QString defaultRange)
        : m_defaultRange(std::move(defaultRange)) {}

    QList<CommandOption> options() const;
    // Reads them after parsing; false (and the message printed) on bad input.
    bool read(const QCommandLineParser &parser);
    // Reads --source alone (for commands that take their host otherwise); false (and the
    // message printed) on bad input.
    bool readSource(const QCommandLineParser &parser);

    QString db;
    QUrl source;       // --source: a Prometheus-compatible server instead of the file
    QString hostId;    // the URI as the history spells it
    bool demo = false; // hostId is the demo host's
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString rangeLabel; // a preset's translated label ("Last day"), empty otherwise

    // Opens the history read-only: the file, or the --source server; null (and the message
    // printed) when the file cannot be read.
    std::unique_ptr<HistoryReader> openReader() const;
    // Why nothing was found for the host, when that may be the demo's fallback: a sentence to
    // add to a "not found" message, or empty.
    QString demoHint() const;

private:
    QString m_defaultRange;
};

} // namespace bs::cli
