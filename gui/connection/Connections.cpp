#include "Connections.h"

#include "app/HostRegistry.h"
#include "demo/DemoHost.h"
#include "guests/GuestTableModel.h"
#include "hosts/HostListModel.h"
#include "libvirt/ConnectionUri.h"
#include "monitor/RecentSeries.h"

namespace bs::gui {

Connections::Connections(QSettings &settings, HostRegistry *registry, HostListModel *hosts,
                         GuestTableModel *guests, RecentSeries *recent, QObject *parent)
    : QObject(parent)
    , m_store(settings)
    , m_registry(registry)
    , m_hosts(hosts)
    , m_guests(guests)
    , m_recent(recent) {}

Connections::~Connections() {
    // Stop watching the demo, then stop its guests (the embedded driver has no autodestroy).
    for (const QString &id : m_registry->hostIds()) {
        if (id.startsWith(QLatin1String("qemu:///embed")))
            m_registry->removeHost(id);
    }
    m_demo.reset();
}

SavedConnection Connections::savedOrNew(const QString &uri) const {
    for (const SavedConnection &c : m_store.load()) {
        if (c.uri == uri)
            return c;
    }
    SavedConnection c;
    c.uri = uri;
    return c;
}

void Connections::listSaved() {
    for (const SavedConnection &c : m_store.load())
        addRow(c.uri);
}

void Connections::connectSaved() {
    for (const SavedConnection &c : m_store.load()) {
        if (c.autoConnect)
            start(c.uri, c.readOnly);
    }
}

void Connections::connectTemporary(const QString &uri, bool readOnly) {
    start(uri, readOnly);
}

void Connections::add(const SavedConnection &connection) {
    m_store.upsert(connection);
    start(connection.uri, connection.readOnly);
    Q_EMIT hostShown(connection.uri);
}

void Connections::edit(const QString &uri, const SavedConnection &edited) {
    const SavedConnection before = savedOrNew(uri);
    m_store.upsert(edited, uri);
    if (edited.uri == uri && edited.readOnly == before.readOnly &&
        edited.sshProcessFigures == before.sshProcessFigures)
        return;
    removeRows(uri);
    start(edited.uri, edited.readOnly);
    Q_EMIT hostShown(edited.uri);
}

void Connections::forget(const QString &uri) {
    m_store.remove(uri);
    removeRows(uri);
}

void Connections::connectHost(const QString &uri) {
    bool readOnly = m_hosts->statusOf(uri).readOnly;
    for (const SavedConnection &c : m_store.load()) {
        if (c.uri == uri)
            readOnly = c.readOnly;
    }
    start(uri, readOnly);
}

void Connections::disconnectHost(const QString &uri) {
    m_registry->disconnectHost(uri);
}

void Connections::startDemo(const DemoConfig &config) {
    if (m_demo)
        return;
    m_demo = std::make_unique<DemoHost>(config);
    Q_EMIT demoNotice(tr("Starting the demo host…"));
    connect(m_demo.get(), &DemoHost::progress, this, [this](const DemoProgress &p) {
        Q_EMIT demoNotice(
            p.steps > 0 ? tr("Demo host: %1 (%2 of %3)").arg(p.message).arg(p.step).arg(p.steps)
                        : tr("Demo host: %1").arg(p.message));
    });
    connect(m_demo.get(), &DemoHost::ready, this, [this](const DemoResult &result) {
        Q_EMIT demoNotice(
            result.fallback
                ? tr("The demo host is not available: %1 Showing the libvirt test driver instead.")
                      .arg(result.reason)
                : QString());
        addRow(result.uri, !result.fallback);
        start(result.uri, false);
        Q_EMIT hostShown(result.uri);
    });
    m_demo->start();
}

void Connections::addRow(const QString &uri, bool demo) {
    if (m_hosts->rowOf(uri) >= 0)
        return; // listed already (the demo's row is named before it connects)
    const QString name = demo ? tr("embedded QEMU") : hostDisplayName(uri);
    m_hosts->addHost(uri, name, demo);
    m_guests->setHostName(uri, name);
}

void Connections::removeRows(const QString &uri) {
    m_registry->removeHost(uri);
    m_hosts->removeHost(uri);
    m_guests->removeHost(uri);
    m_recent->removeHost(uri);
}

void Connections::start(const QString &uri, bool readOnly) {
    addRow(uri);
    if (m_registry->contains(uri)) {
        m_registry->reconnect(uri);
        return;
    }
    MonitorConfig config;
    config.uri = uri;
    config.readOnly = readOnly;
    config.sshProcessFigures = savedOrNew(uri).sshProcessFigures;
    m_registry->addHost(config);
}

} // namespace bs::gui
