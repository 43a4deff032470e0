#pragma once

#include "common/Error.h"
#include "history/HistoryStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

#include <memory>
#include <optional>

namespace bs::cli {

// Waits in a local event loop for the answer to query `id` of `store` (or its failure).
template <class T, class Signal>
std::optional<T> awaitAnswer(HistoryStore &store, quint64 id, Signal signal, Error *error) {
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

// The options every history reader shares: --db, --host, --range or --from/--to.
class HistoryArguments {
    Q_DECLARE_TR_FUNCTIONS(HistoryArguments)

public:
    void addTo(QCommandLineParser &parser, const QString &defaultRange);
    // Reads them after parsing; false (and the message printed) on bad input.
    bool read(const QCommandLineParser &parser);

    QString db;
    QString hostId; // the URI as the history spells it
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString rangeLabel; // a preset's translated label ("Last day"), empty otherwise

    // Opens the history read-only; null (and the message printed) when it cannot be read.
    std::unique_ptr<HistoryStore> openStore() const;

private:
    QCommandLineOption m_db{QStringLiteral("db")};
    QCommandLineOption m_host{QStringLiteral("host")};
    QCommandLineOption m_range{QStringLiteral("range")};
    QCommandLineOption m_from{QStringLiteral("from")};
    QCommandLineOption m_to{QStringLiteral("to")};
    QString m_defaultRange;
};

} // namespace bs::cli
