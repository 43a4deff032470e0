#include "PrometheusClient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace bs::prom {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("bs::prom::PrometheusClient", text);
}

} // namespace

PrometheusClient::PrometheusClient(QUrl server, int timeoutMs)
    : m_server(std::move(server))
    , m_timeoutMs(timeoutMs) {}

PrometheusClient::~PrometheusClient() = default;

QString PrometheusClient::displayName() const {
    return m_server.toDisplayString(QUrl::RemoveUserInfo);
}

Result<QJsonValue> PrometheusClient::get(const QString &endpoint, const QUrlQuery &query) const {
    auto all = getAll(endpoint, {query});
    if (!all)
        return all.error();
    return all->first();
}

Result<QList<QJsonValue>> PrometheusClient::getAll(const QString &endpoint,
                                                   const QList<QUrlQuery> &queries) const {
    if (!m_net)
        m_net = std::make_unique<QNetworkAccessManager>();
    QUrl base = m_server;
    QString path = base.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    base.setPath(path + QStringLiteral("api/v1/") + endpoint);
    base.setUserInfo({});
    QByteArray authorization;
    if (!m_server.userName().isEmpty())
        authorization = "Basic " + (m_server.userName(QUrl::FullyDecoded) + QLatin1Char(':') +
                                    m_server.password(QUrl::FullyDecoded))
                                       .toUtf8()
                                       .toBase64();

    QList<QNetworkReply *> replies;
    QEventLoop loop;
    int pending = int(queries.size());
    for (const QUrlQuery &query : queries) {
        QUrl url = base;
        // A '+' left as is reads as a space on the server (form encoding): "qemu+ssh://…" would
        // match no series.
        url.setQuery(
            query.toString(QUrl::FullyEncoded).replace(QLatin1Char('+'), QLatin1String("%2B")),
            QUrl::StrictMode);
        QNetworkRequest request(url);
        request.setTransferTimeout(m_timeoutMs);
        request.setRawHeader("Accept", "application/json");
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        QNetworkReply *reply = m_net->get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
        replies.append(reply);
    }
    bool cancelled = false;
    QTimer watch;
    if (m_cancel) {
        QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
            if (!m_cancel->load())
                return;
            cancelled = true;
            for (QNetworkReply *r : std::as_const(replies))
                r->abort();
        });
        watch.start(50);
    }
    if (pending > 0)
        loop.exec();

    const QString where = displayName();
    QList<QJsonValue> out;
    std::optional<Error> failure;
    for (QNetworkReply *reply : std::as_const(replies)) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        const QNetworkReply::NetworkError networkError = reply->error();
        const QString networkText = reply->errorString();
        const QString urlPath = reply->url().path();
        reply->deleteLater();
        if (failure)
            continue;
        if (cancelled) {
            failure = Error::cancelled(tr("The query to %1 was cancelled.").arg(where));
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        if (status == 0) {
            if (networkError == QNetworkReply::OperationCanceledError ||
                networkError == QNetworkReply::TimeoutError)
                failure =
                    Error::timeout(tr("The Prometheus server at %1 did not answer within %2 s.")
                                       .arg(where)
                                       .arg(m_timeoutMs / 1000));
            else
                failure = Error::io(
                    tr("Cannot reach the Prometheus server at %1: %2").arg(where, networkText));
            continue;
        }
        if (status == 401 || status == 403) {
            failure = Error::io(tr("The Prometheus server at %1 refused the credentials "
                                   "(HTTP %2): check the user name and password.")
                                    .arg(where)
                                    .arg(status));
            continue;
        }
        if (o.value(QLatin1String("status")).toString() == QLatin1String("error") ||
            status >= 400) {
            const QString message = o.value(QLatin1String("error")).toString();
            failure = Error::io(tr("The Prometheus server at %1 answered %2: %3")
                                    .arg(where)
                                    .arg(status)
                                    .arg(message.isEmpty() ? networkText : message));
            continue;
        }
        if (!o.contains(QLatin1String("data"))) {
            failure = Error::io(
                tr("%1 does not answer as a Prometheus query API (GET %2).").arg(where, urlPath));
            continue;
        }
        out.append(o.value(QLatin1String("data")));
    }
    if (failure)
        return *failure;
    return out;
}

} // namespace bs::prom
