#include "MetricsServer.h"

#include "CliCommand.h"
#include "webconfig/BasicAuth.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSslSocket>
#include <QTcpServer>

namespace bs::cli {

namespace {

// A TCP server whose connections speak TLS (the web config's certificate and key): each
// accepted socket is a QSslSocket that starts the server side of the handshake; the HTTP server
// reads the decrypted stream. A client that does not speak TLS is dropped by the handshake.
class TlsTcpServer final : public QTcpServer {
public:
    TlsTcpServer(QSslConfiguration config, QObject *parent)
        : QTcpServer(parent)
        , m_config(std::move(config)) {}

protected:
    void incomingConnection(qintptr handle) override {
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(m_config);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        QObject::connect(socket, &QSslSocket::errorOccurred, socket, [socket] {
            if (!socket->isEncrypted())
                socket->abort(); // a failed handshake (plain HTTP, a bad client certificate)
        });
        addPendingConnection(socket);
        socket->startServerEncryption();
    }

private:
    QSslConfiguration m_config;
};

// Owns the HTTP server; created, used and deleted on the server's thread.
class MetricsWorker final : public QObject {
public:
    MetricsWorker(std::shared_ptr<const ExposedHosts> hosts, const WebConfig &web)
        : m_hosts(std::move(hosts))
        , m_tls(web.tls)
        , m_auth(std::make_shared<BasicAuth>(web.users)) {}

    QString start(const QHostAddress &address, quint16 port, quint16 *bound) {
        QTcpServer *tcp = m_tls ? new TlsTcpServer(*m_tls, this) : new QTcpServer(this);
        if (!tcp->listen(address, port)) {
            const QString why = tcp->errorString();
            delete tcp;
            return why;
        }
        *bound = tcp->serverPort();
        m_server = new QHttpServer(this);
        m_server->route(
            QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
            [hosts = m_hosts, auth = m_auth](const QHttpServerRequest &request) {
                if (auth->enabled() && !auth->allows(request.value("Authorization"))) {
                    QHttpServerResponse refused("text/plain; charset=utf-8", "Unauthorized\n",
                                                QHttpServerResponse::StatusCode::Unauthorized);
                    refused.addHeader("WWW-Authenticate",
                                      "Basic realm=\"balloonscope\", charset=\"UTF-8\"");
                    return refused;
                }
                const ExpositionFormat format = negotiateExposition(request.value("Accept"));
                return QHttpServerResponse(expositionContentType(format), hosts->render(format));
            });
        m_server->bind(tcp);
        return {};
    }

private:
    std::shared_ptr<const ExposedHosts> m_hosts;
    std::optional<QSslConfiguration> m_tls;
    std::shared_ptr<const BasicAuth> m_auth;
    QHttpServer *m_server = nullptr;
};

} // namespace

MetricsServer::MetricsServer(std::shared_ptr<const ExposedHosts> hosts, WebConfig web)
    : m_hosts(std::move(hosts))
    , m_web(std::move(web)) {
    m_thread.setObjectName(QStringLiteral("metrics-http"));
    m_thread.start();
}

MetricsServer::~MetricsServer() {
    // The server and its sockets go on their own thread, before it stops (a deleteLater posted
    // now would never run: the thread's loop ends first).
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Result<MetricsServer::Address> MetricsServer::parseAddress(const QString &text) {
    const QString t = text.trimmed();
    QString host = QStringLiteral("127.0.0.1");
    QString port = t;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QStringLiteral("]:"));
        if (close < 0)
            return Error::invalidArgument(
                CliCommand::tr("--listen: \"%1\" is not [IPv6]:PORT.").arg(text));
        host = t.mid(1, close - 1);
        port = t.mid(close + 2);
    } else if (const qsizetype colon = t.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        host = t.left(colon);
        port = t.mid(colon + 1);
    }
    bool ok = false;
    const uint p = port.toUInt(&ok);
    if (!ok || p > 65535)
        return Error::invalidArgument(
            CliCommand::tr("--listen: \"%1\" is not a port (0-65535).").arg(port));
    Address a;
    a.port = quint16(p);
    if (host == QLatin1String("localhost"))
        a.host = QHostAddress(QHostAddress::LocalHost);
    else if (!a.host.setAddress(host))
        return Error::invalidArgument(
            CliCommand::tr("--listen: \"%1\" is not an IP address of this machine "
                           "(use 127.0.0.1, ::1, 0.0.0.0 or an interface's address).")
                .arg(host));
    return a;
}

Result<quint16> MetricsServer::listen(const Address &address) {
    if (!m_worker) {
        m_worker = new MetricsWorker(m_hosts, m_web);
        m_worker->moveToThread(&m_thread);
    }
    QString why;
    quint16 bound = 0;
    auto *worker = static_cast<MetricsWorker *>(m_worker);
    QMetaObject::invokeMethod(
        worker, [&] { why = worker->start(address.host, address.port, &bound); },
        Qt::BlockingQueuedConnection);
    if (!why.isEmpty())
        return Error::io(CliCommand::tr("Cannot serve metrics on %1:%2: %3")
                             .arg(address.host.toString())
                             .arg(address.port)
                             .arg(why));
    return bound;
}

} // namespace bs::cli
