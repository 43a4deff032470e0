#include "HistoryServers.h"

#include <QSettings>

namespace bs::gui {

QUrl HistoryServer::urlWithCredentials(const QString &password) const {
    QUrl out = url;
    if (!user.isEmpty()) {
        out.setUserName(user);
        out.setPassword(password);
    }
    return out;
}

QString HistoryServer::keyringKey() const {
    return QStringLiteral("history-server %1@%2").arg(user, url.toString());
}

QList<HistoryServer> HistoryServers::load(QSettings &settings) {
    QList<HistoryServer> out;
    const int n = settings.beginReadArray(QStringLiteral("historyServers"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        HistoryServer s;
        s.name = settings.value(QStringLiteral("name")).toString();
        s.url = parseUrl(settings.value(QStringLiteral("url")).toString());
        s.user = settings.value(QStringLiteral("user")).toString();
        if (!s.url.isEmpty())
            out.append(s.name.isEmpty() ? HistoryServer{s.url.host(), s.url, s.user} : s);
    }
    settings.endArray();
    return out;
}

void HistoryServers::save(QSettings &settings, const QList<HistoryServer> &servers) {
    settings.beginWriteArray(QStringLiteral("historyServers"), int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), servers.at(i).name);
        settings.setValue(QStringLiteral("url"), servers.at(i).url.toString());
        settings.setValue(QStringLiteral("user"), servers.at(i).user);
    }
    settings.endArray();
    settings.sync();
}

QUrl HistoryServers::parseUrl(const QString &text) {
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    url.setUserInfo({});
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace bs::gui
