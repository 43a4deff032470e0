#include "Workbench.h"

#include "app/HostRegistry.h"
#include "charts/LiveChart.h"
#include "connection/Connections.h"
#include "guests/GuestColumns.h"
#include "guests/GuestFilterProxy.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "guests/GuestsPage.h"
#include "host/HostOverviewHub.h"
#include "hosts/HostFreshness.h"
#include "hosts/HostListModel.h"
#include "hosts/HostPanel.h"
#include "monitor/MemorySample.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QTableView>
#include <QTreeView>

namespace bs::gui {

Workbench::Workbench(QSettings &settings, std::shared_ptr<CredentialProvider> credentials,
                     QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_prefs(Preferences::load(settings))
    , m_registry(new HostRegistry(std::move(credentials), this))
    , m_hostModel(new HostListModel(this))
    , m_guestModel(new GuestTableModel(this))
    , m_hostHub(new HostOverviewHub(m_registry, this))
    , m_freshness(new HostFreshness(
          m_registry, [this](const QString &hostId) { return m_hostModel->displayNameOf(hostId); },
          this))
    , m_connections(
          new Connections(settings, m_registry, m_hostModel, m_guestModel, &m_recent, this))
    , m_hostPanel(new HostPanel(m_hostModel))
    , m_guestsPage(new GuestsPage(m_guestModel, &m_recent, &settings)) {
    connect(m_registry, &HostRegistry::statusChanged, this, &Workbench::onStatus);
    connect(m_registry, &HostRegistry::cycleReady, this, &Workbench::onCycle);
    connect(m_registry, &HostRegistry::guestsRemoved, this, &Workbench::onGuestsRemoved);
    for (const auto signal : {&HostRegistry::hostAdded, &HostRegistry::hostRemoved})
        connect(m_registry, signal, this, &Workbench::onHostsChanged);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_hostModel, signal, this, &Workbench::onHostsChanged);
    connect(m_hostPanel, &HostPanel::currentHostChanged, this, [this](const QString &hostId) {
        guestPanel()->proxy()->setHostFilter(hostId);
        Q_EMIT hostSelected(hostId);
        onHostsChanged();
    });

    GuestPanel *guests = guestPanel();
    connect(guests->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &Workbench::guestSelectionChanged);
    connect(guests, &GuestPanel::currentGuestChanged, this, &Workbench::currentGuestChanged);
    connect(guests->view(), &QTableView::activated, this, &Workbench::guestActivated);
    connect(m_freshness, &HostFreshness::changed, this, [this](const QString &hostId) {
        const QString reason = m_freshness->reason(hostId);
        m_guestModel->setHostStale(hostId, reason, m_freshness->asOfShort(hostId));
        m_hostModel->setStaleReason(hostId, reason);
        m_guestsPage->setHostStale(hostId, reason);
    });
    connect(m_connections, &Connections::demoNotice, m_hostPanel, &HostPanel::setNotice);
    connect(m_connections, &Connections::hostShown, this, [this](const QString &uri) {
        m_hostPanel->view()->setCurrentIndex(m_hostModel->index(m_hostModel->rowOf(uri), 0));
    });

    m_connections->listSaved();
    m_currentHost = currentHostId();
    applyPreferences();
}

Workbench::~Workbench() {
    delete m_hostHub; // its feeds read from the registry's hosts: go first
    m_hostHub = nullptr;
    delete m_connections; // stops the demo host's guests
    m_connections = nullptr;
    // Placed widgets belong to the window; unplaced ones to us.
    if (m_hostPanel && !m_hostPanel->parent())
        delete m_hostPanel;
    if (m_guestsPage && !m_guestsPage->parent())
        delete m_guestsPage;
}

GuestPanel *Workbench::guestPanel() const {
    return m_guestsPage->panel();
}

LiveChart *Workbench::liveChart() const {
    return m_guestsPage->chart();
}

void Workbench::setPreferences(const Preferences &preferences) {
    m_prefs = preferences;
    m_prefs.save(m_settings);
    applyPreferences();
}

void Workbench::applyPreferences() {
    m_registry->setIntervalSeconds(m_prefs.pollIntervalSeconds);
    m_guestModel->setUnit(m_prefs.unit);
    liveChart()->setUnit(m_prefs.unit);
    Q_EMIT preferencesChanged();
}

QList<Workbench::GuestRef> Workbench::selectedGuests() const {
    return guestPanel()->selectedGuests();
}

QString Workbench::selectedHostId() const {
    return m_hostPanel->currentHostId();
}

QString Workbench::currentHostId() const {
    const QString selected = selectedHostId();
    if (!selected.isEmpty() || m_hostModel->rowCount() == 0)
        return selected;
    return m_hostModel->hostIdAt(0);
}

bool Workbench::isReadOnly(const QString &hostId) const {
    return m_hostModel->statusOf(hostId).readOnly;
}

void Workbench::addPage(QWidget *page, const QString &title) {
    m_pages.append(page);
    Q_EMIT pageAdded(page, title);
}

void Workbench::showPage(QWidget *page) {
    Q_EMIT pageRequested(page);
}

void Workbench::addGuestAction(QAction *action) {
    // The handler reads selectedGuests().
    QTableView *view = guestPanel()->view();
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(action);
    m_guestActions.append(action);
    Q_EMIT guestActionAdded(action);
}

void Workbench::addFileActions(const QList<QAction *> &actions) {
    m_fileActions.append(actions);
    Q_EMIT fileActionsAdded(actions);
}

void Workbench::addStatusWidget(QWidget *widget) {
    m_statusWidgets.append(widget);
    Q_EMIT statusWidgetAdded(widget);
}

void Workbench::onStatus(const HostStatus &status) {
    m_hostModel->updateStatus(status);
    if (status.state == HostStatus::State::Stopped ||
        status.state == HostStatus::State::AuthFailed) {
        // Keep the host's guests listed but show them as unknown until it returns.
        m_hostModel->setGuestCount(status.hostId, 0);
    }
    Q_EMIT liveStateChanged();
}

void Workbench::onCycle(const PollCycle &cycle) {
    m_lastCycleMs = cycle.timeMs;
    m_guestModel->applyCycle(cycle);
    m_recent.add(cycle, m_registry->intervalSeconds());
    m_hostModel->setGuestCount(cycle.hostId, m_guestModel->guestCount(cycle.hostId));
    m_guestsPage->cycleApplied(cycle);
    Q_EMIT liveStateChanged();
}

void Workbench::onGuestsRemoved(const QString &hostId, const QStringList &uuids) {
    m_guestModel->removeGuests(hostId, uuids);
    for (const QString &uuid : uuids)
        m_recent.remove(hostId, uuid);
    m_hostModel->setGuestCount(hostId, m_guestModel->guestCount(hostId));
    m_guestsPage->guestsRemoved(hostId, uuids);
    Q_EMIT liveStateChanged();
}

void Workbench::onHostsChanged() {
    guestPanel()->columns()->setWatchedHosts(int(m_registry->hostIds().size()));
    const QString current = currentHostId();
    if (current != m_currentHost) {
        m_currentHost = current;
        Q_EMIT currentHostChanged(current);
    }
    Q_EMIT liveStateChanged();
}

} // namespace bs::gui
