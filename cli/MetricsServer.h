#pragma once

#include "common/Result.h"
#include "exporter/ExposedHosts.h"
#include "webconfig/WebConfig.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

#include <memory>

namespace bs::cli {

// The recorder's /metrics endpoint (--listen): Qt's HTTP server on a thread of its own, so a
// scrape never waits for a poll and a slow scraper never delays one. Each GET /metrics renders
// the hosts' latest figures (ExposedHosts, thread-safe) in the format the scraper asks for;
// anything else is 404. With a web config (--web-config): HTTPS only, and/or HTTP basic auth
// (401 without the right user and password).
class MetricsServer final {
public:
    explicit MetricsServer(std::shared_ptr<const ExposedHosts> hosts, WebConfig web = {});
    ~MetricsServer();
    MetricsServer(const MetricsServer &) = delete;
    MetricsServer &operator=(const MetricsServer &) = delete;

    struct Address {
        QHostAddress host;
        quint16 port = 0;
    };
    // "9177" (loopback), "127.0.0.1:9177", "[::1]:9177", "0.0.0.0:9177", "localhost:9177".
    static Result<Address> parseAddress(const QString &text);

    // Listens; the error says why not (the port is taken, the address is not this machine's).
    // Returns the port (useful with port 0).
    Result<quint16> listen(const Address &address);

private:
    std::shared_ptr<const ExposedHosts> m_hosts;
    WebConfig m_web;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
};

} // namespace bs::cli
