#pragma once

#include "HistoryServers.h"

#include <QHash>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QSettings;
class QToolButton;

namespace bs::gui {

class KeyringStore;

// Where the History page reads from: "This computer" (the history file) or one of the saved
// Prometheus-compatible servers, and for a server, which of the hosts it holds. Servers are
// added, edited and removed from its menu (HistoryServerDialog); their passwords go to the
// keyring and are read back (asynchronously) when the server is chosen. The choice is kept in
// the settings for the next start.
class HistorySourceBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistorySourceBar)

public:
    explicit HistorySourceBar(QSettings &settings, QWidget *parent = nullptr);
    ~HistorySourceBar() override;

    const QList<HistoryServer> &servers() const { return m_servers; }
    // The chosen server, or -1 for this computer's history.
    int currentServer() const;
    // Adds (or replaces, same URL and user) a server and chooses it; `password` is kept in the
    // keyring when it has a user.
    void addServer(const HistoryServer &server, const QString &password);
    void chooseServer(int index); // -1: this computer
    // The hosts the chosen server holds, for the host picker (hidden for this computer).
    void setHosts(const QStringList &hostIds, const QString &current);
    QString currentHost() const;

    QComboBox *sourceBox() const { return m_source; }
    QComboBox *hostBox() const { return m_hosts; }
    QToolButton *menuButton() const { return m_menu; }

Q_SIGNALS:
    // The source to read from: an empty URL for this computer, else the server's URL with its
    // credentials, and the name to show.
    void sourceChosen(const QUrl &server, const QString &name);
    void hostChosen(const QString &hostId);

private:
    void rebuild(int choose);
    void onSourceIndex(int index);
    void editServer(int index); // -1: a new one
    void removeServer(int index);
    void emitSource();

    QSettings &m_settings;
    KeyringStore *m_keyring;
    QList<HistoryServer> m_servers;
    QHash<QString, QString> m_passwords; // this session's, by keyring key
    QComboBox *m_source;
    QLabel *m_hostLabel;
    QComboBox *m_hosts;
    QToolButton *m_menu;
    quint64 m_generation = 0; // a keyring answer for an older choice is dropped
};

} // namespace bs::gui
