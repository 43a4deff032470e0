#pragma once

#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace bs::gui {

// A Prometheus-compatible server the History page can read from (it scrapes recorders'
// /metrics). Saved in the settings without its password: the password lives in the keyring
// under keyringKey().
struct HistoryServer {
    QString name; // what the source picker shows
    QUrl url;     // http(s)://host:port[/path], no user info
    QString user; // HTTP basic auth user; empty: none

    // The URL the reader asks, with the credentials (never shown or saved).
    QUrl urlWithCredentials(const QString &password) const;
    QString keyringKey() const;
    bool operator==(const HistoryServer &) const = default;
};

// The saved servers, in the settings group "historyServers" (an array), in the user's order.
class HistoryServers {
public:
    static QList<HistoryServer> load(QSettings &settings);
    static void save(QSettings &settings, const QList<HistoryServer> &servers);
    // An http(s) URL with a host, user info removed; an empty URL when the text is not one.
    static QUrl parseUrl(const QString &text);
};

} // namespace bs::gui
