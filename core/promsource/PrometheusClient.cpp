#include "PrometheusClient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace bs::prom {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("bs::prom::PrometheusClient", text);
}

} // namespace

PrometheusClient::PrometheusClient(QUrl server, int timeoutMs)
    : m_server(std::move(server))
    , m_timeoutMs(timeoutMs) {}

Result<QJsonValue> PrometheusClient::get(const QString &endpoint, const QUrlQuery &query) const {
    QUrl url = m_server;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("api/v1/") + endpoint);
    url.setQuery(query);
    QNetworkAccessManager net;
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QString where = m_server.toDisplayString(QUrl::RemoveUserInfo);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString networkText = reply->errorString();
    reply->deleteLater();
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject o = doc.object();
    if (status == 0) {
        if (networkError == QNetworkReply::OperationCanceledError ||
            networkError == QNetworkReply::TimeoutError)
            return Error::timeout(tr("The Prometheus server at %1 did not answer within %2 s.")
                                      .arg(where)
                                      .arg(m_timeoutMs / 1000));
        return Error::io(
            tr("Cannot reach the Prometheus server at %1: %2").arg(where, networkText));
    }
    if (o.value(QLatin1String("status")).toString() == QLatin1String("error") || status >= 400) {
        const QString message = o.value(QLatin1String("error")).toString();
        return Error::io(tr("The Prometheus server at %1 answered %2: %3")
                             .arg(where)
                             .arg(status)
                             .arg(message.isEmpty() ? networkText : message));
    }
    if (!o.contains(QLatin1String("data")))
        return Error::io(
            tr("%1 does not answer as a Prometheus query API (GET %2).").arg(where, url.path()));
    return o.value(QLatin1String("data"));
}

} // namespace bs::prom
