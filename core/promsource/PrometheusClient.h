#pragma once

#include "common/Result.h"

#include <QJsonValue>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <memory>

class QNetworkAccessManager;

namespace bs::prom {

// A blocking client of a Prometheus-compatible query API (GET /api/v1/...). Call it off the GUI
// thread (the CLI's main thread, a reader's worker), always from the same thread. Every failure
// is one sentence naming the server: unreachable, no answer within the timeout, an HTTP error
// with the server's own message, an answer that is not the query API's. A user name and
// password in the URL are sent as HTTP basic auth (and never shown in a message).
class PrometheusClient {
public:
    explicit PrometheusClient(QUrl server, int timeoutMs = 30000);
    ~PrometheusClient();
    PrometheusClient(const PrometheusClient &) = delete;
    PrometheusClient &operator=(const PrometheusClient &) = delete;

    // The answer's "data" member.
    Result<QJsonValue> get(const QString &endpoint, const QUrlQuery &query) const;
    // Several queries at once (the server answers them in parallel): the answers in order, or
    // the first failure.
    Result<QList<QJsonValue>> getAll(const QString &endpoint,
                                     const QList<QUrlQuery> &queries) const;

    const QUrl &server() const { return m_server; }
    // The server for messages: without user name and password.
    QString displayName() const;
    // Once set (from any thread), a waiting request is abandoned within 50 ms and fails.
    void setCancelFlag(std::shared_ptr<std::atomic_bool> cancel) { m_cancel = std::move(cancel); }

private:
    QUrl m_server;
    int m_timeoutMs;
    std::shared_ptr<std::atomic_bool> m_cancel;
    mutable std::unique_ptr<QNetworkAccessManager> m_net; // made on the calling thread
};

} // namespace bs::prom
