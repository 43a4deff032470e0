#pragma once

#include "demo/DemoTypes.h"
#include "settings/SavedConnection.h"

#include <QObject>

#include <memory>

class QSettings;

namespace bs {
class DemoHost;
class RecentSeries;
} // namespace bs

namespace bs::gui {

class GuestTableModel;
class HostListModel;
class HostRegistry;

// The one owner of the window's connections: the saved list, the hosts being watched and their
// rows. Adding, editing, connecting, disconnecting and forgetting a connection all go through
// here, so the saved list, the registry and the models never disagree. Also runs the embedded
// demo host (--demo), whose guests stop when this goes.
class Connections final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connections)

public:
    Connections(QSettings &settings, HostRegistry *registry, HostListModel *hosts,
                GuestTableModel *guests, RecentSeries *recent, QObject *parent = nullptr);
    ~Connections() override; // stops watching the demo host, then stops its guests

    QList<SavedConnection> saved() const { return m_store.load(); }
    // The saved connection of this URI, else one with only the URI set.
    SavedConnection savedOrNew(const QString &uri) const;
    // Lists every saved connection (not connected).
    void listSaved();
    // Connects the saved connections marked "connect at start".
    void connectSaved();
    // Connects a URI for this session only (command line).
    void connectTemporary(const QString &uri, bool readOnly);

    // Saves and connects.
    void add(const SavedConnection &connection);
    // Saves the edited connection in place of `uri`'s; reconnects when the URI or the access
    // changed.
    void edit(const QString &uri, const SavedConnection &edited);
    // Stops watching the host and forgets its connection.
    void forget(const QString &uri);
    // (Re)connects a listed host, read-only as saved.
    void connectHost(const QString &uri);
    void disconnectHost(const QString &uri);

    // Starts the embedded demo host and watches it when it is up. `config` is injectable for
    // tests.
    void startDemo(const DemoConfig &config = {});

Q_SIGNALS:
    // A host was added or reconnected on the user's request: the window selects it.
    void hostShown(const QString &uri);
    // What the demo host is doing (empty: nothing to say).
    void demoNotice(const QString &text);

private:
    void addRow(const QString &uri, bool demo = false);
    void removeRows(const QString &uri);
    void start(const QString &uri, bool readOnly);

    SavedConnectionStore m_store;
    HostRegistry *m_registry;
    HostListModel *m_hosts;
    GuestTableModel *m_guests;
    RecentSeries *m_recent;
    std::unique_ptr<DemoHost> m_demo;
};

} // namespace bs::gui
