#pragma once

#include "common/Result.h"

#include <QJsonValue>
#include <QUrl>
#include <QUrlQuery>

namespace bs::prom {

// A blocking client of a Prometheus-compatible query API (GET /api/v1/...). Call it off the GUI
// thread (the CLI's main thread, a worker). Every failure is one sentence naming the server:
// unreachable, no answer within the timeout, an HTTP error with the server's own message, an
// answer that is not the query API's.
class PrometheusClient {
public:
    explicit PrometheusClient(QUrl server, int timeoutMs = 30000);

    // The answer's "data" member.
    Result<QJsonValue> get(const QString &endpoint, const QUrlQuery &query) const;
    const QUrl &server() const { return m_server; }

private:
    QUrl m_server;
    int m_timeoutMs;
};

} // namespace bs::prom
