#include "MainWindow.h"

#include "app/GuiCredentialProvider.h"
#include "app/HostRegistry.h"
#include "app/KeyringStore.h"
#include "balloon/BalloonFeature.h"
#include "charts/LiveChart.h"
#include "connection/ConnectionDialog.h"
#include "demo/DemoHost.h"
#include "guests/GuestColumns.h"
#include "guests/GuestFilterProxy.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "history/EnvelopeChart.h"
#include "history/HistoryFeature.h"
#include "history/HistoryPage.h"
#include "history/HistoryService.h"
#include "host/HostOverviewHub.h"
#include "host/HostOverviewPage.h"
#include "hosts/HostListModel.h"
#include "hosts/HostPanel.h"
#include "libvirt/ConnectionUri.h"
#include "monitor/MemorySample.h"
#include "readiness/ReadinessFeature.h"
#include "report/ReportFeature.h"
#include "settings/PreferencesDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <qcustomplot.h>

#include <libvirt/libvirt.h>

namespace bs::gui {

namespace {

QString displayNameOf(const QString &uri) {
    const auto parsed = ConnectionUri::parse(uri);
    if (const auto *u = std::get_if<ConnectionUri>(&parsed))
        return u->displayName();
    return uri;
}

} // namespace

MainWindow::MainWindow(QSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_store(settings)
    , m_prefs(Preferences::load(settings))
    , m_keyring(new KeyringStore(QStringLiteral("balloonscope"), this))
    , m_credentials(new GuiCredentialProvider(m_keyring))
    , m_credentialsShared(m_credentials)
    , m_registry(new HostRegistry(m_credentialsShared, this))
    , m_hostModel(new HostListModel(this))
    , m_guestModel(new GuestTableModel(this))
    , m_hostPanel(new HostPanel(m_hostModel, this))
    , m_guestPanel(new GuestPanel(m_guestModel, &settings, this))
    , m_chart(new LiveChart(&m_recent, this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_rightSplitter(new QSplitter(Qt::Vertical, this))
    , m_pages(new QTabWidget(this))
    , m_statusLabel(new QLabel(this))
    , m_interval(new QSpinBox(this)) {
    setWindowTitle(tr("Balloonscope"));
    setObjectName(QStringLiteral("MainWindow"));
    m_credentials->setDialogParent(this);
    connect(m_credentials, &GuiCredentialProvider::keyringError, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    m_rightSplitter->addWidget(m_guestPanel);
    m_rightSplitter->addWidget(m_chart);
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 3);
    // Pages to the right of the host list: "Guests" (table + live chart) first; features add
    // their own pages with addPage().
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_rightSplitter, tr("Guests"));
    m_hostHub = new HostOverviewHub(m_registry, this);
    m_hostPage = new HostOverviewPage(m_hostHub, this);
    m_pages->addTab(m_hostPage, tr("Host"));
    m_mainSplitter->addWidget(m_hostPanel);
    m_mainSplitter->addWidget(m_pages);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({260, 1020});
    setCentralWidget(m_mainSplitter);
    statusBar()->addWidget(m_statusLabel, 1);

    createActions();
    createMenus();

    connect(m_registry, &HostRegistry::statusChanged, this, &MainWindow::onStatus);
    connect(m_registry, &HostRegistry::cycleReady, this, &MainWindow::onCycle);
    connect(m_registry, &HostRegistry::guestsRemoved, this, &MainWindow::onGuestsRemoved);
    connect(m_hostPanel, &HostPanel::currentHostChanged, this, [this](const QString &hostId) {
        m_guestPanel->proxy()->setHostFilter(hostId);
        updateActions();
        updateHostPage();
    });
    connect(m_registry, &HostRegistry::hostAdded, this, &MainWindow::updateHostPage);
    connect(m_registry, &HostRegistry::hostRemoved, this, &MainWindow::updateHostPage);
    for (const auto signal : {&HostRegistry::hostAdded, &HostRegistry::hostRemoved})
        connect(m_registry, signal, this, [this] {
            m_guestPanel->columns()->setWatchedHosts(int(m_registry->hostIds().size()));
        });
    connect(m_hostPanel, &HostPanel::addRequested, this, &MainWindow::newConnection);
    connect(m_guestPanel, &GuestPanel::currentGuestChanged, this, &MainWindow::onCurrentGuest);

    resize(1280, 800);
    restoreGeometry(m_settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(m_settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(
        m_settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(
        m_settings.value(QStringLiteral("window/rightSplitter")).toByteArray());

    // Readiness: the guest table's badge column, the Readiness page, the "Readiness…" guest
    // action and the per-guest dialogs. Its statsPeriodRequested(hostId, uuids) is for the
    // stats-period dialog to connect to.
    m_readiness = new ReadinessFeature(this);
    // Reports and exports: File → Export Chart…, Export Chart Data…, Copy Chart, Report…, and the
    // chart actions in the live chart's context menu.
    m_report = new ReportFeature(this);
    // Balloon controls: "Stats period…" and "Balloon target…" on the selected guests, their
    // dialogs and the change markers on the live chart. The readiness dialog's "Set stats
    // period…" opens the same stats-period dialog. balloon()->changeRecorded(event) is for the
    // history's event markers.
    m_balloon = new BalloonFeature(this);
    connect(m_readiness, &ReadinessFeature::statsPeriodRequested, m_balloon,
            &BalloonFeature::openStatsPeriod);
    // History: records every watched host (polls, host figures, lifecycle events) into the
    // history database and adds the "History" page. Its service's recordEvent() and
    // recordBalloonChange() take the app's own actions as chart markers.
    m_history = new HistoryFeature(this);
    connect(m_balloon, &BalloonFeature::changeRecorded, m_history->service(),
            &HistoryService::recordBalloonChange);
    // Reports read the history the window records, not a second read-only store on the file.
    m_report->setHistoryStore(m_history->service()->store());
    for (EnvelopeChart *chart : {m_history->page()->guestChart(), m_history->page()->hostChart()})
        m_report->addChart(chart, chart); // File → Export Chart… and the charts' context menu

    for (const SavedConnection &c : m_store.load())
        addHostRow(c.uri);
    applyPreferences();
    updateActions();
    updateStatusBar();
}

MainWindow::~MainWindow() {
    m_credentials->cancelAll();
    delete m_hostHub; // its feeds read from the registry's hosts: go first
    m_hostHub = nullptr;
    // Stop watching the demo, then stop its guests (the embedded driver has no autodestroy).
    for (const QString &id : m_registry->hostIds()) {
        if (id.startsWith(QLatin1String("qemu:///embed")))
            m_registry->removeHost(id);
    }
    m_demo.reset();
}

void MainWindow::createActions() {
    m_newAction =
        new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&New Connection…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newConnection);

    m_editAction = new QAction(QIcon::fromTheme(QStringLiteral("document-edit")),
                               tr("&Edit Connection…"), this);
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editConnection);

    m_removeAction = new QAction(QIcon::fromTheme(QStringLiteral("list-remove")),
                                 tr("&Remove Connection"), this);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeConnection);

    m_connectAction =
        new QAction(QIcon::fromTheme(QStringLiteral("network-connect")), tr("&Connect"), this);
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::connectSelected);

    m_disconnectAction = new QAction(QIcon::fromTheme(QStringLiteral("network-disconnect")),
                                     tr("&Disconnect"), this);
    connect(m_disconnectAction, &QAction::triggered, this, &MainWindow::disconnectSelected);

    m_refreshAction =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, m_registry, &HostRegistry::refreshAll);

    m_findAction = new QAction(tr("&Find Guest"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, m_guestPanel, &GuestPanel::focusFilter);

    m_quitAction =
        new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcuts(QKeySequence::Quit);
    if (m_quitAction->shortcuts().isEmpty()) // platforms whose key bindings have no Quit
        m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_preferencesAction =
        new QAction(QIcon::fromTheme(QStringLiteral("configure")), tr("&Preferences…"), this);
    m_preferencesAction->setShortcut(QKeySequence::Preferences);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_aboutAction = new QAction(tr("&About Balloonscope"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    QTreeView *hostView = m_hostPanel->view();
    hostView->addActions({m_connectAction, m_disconnectAction, m_editAction, m_removeAction});
}

void MainWindow::createMenus() {
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_editAction);
    file->addAction(m_removeAction);
    file->addSeparator();
    file->addAction(m_connectAction);
    file->addAction(m_disconnectAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_findAction);

    m_guestMenu = menuBar()->addMenu(tr("&Guest"));
    m_guestMenu->menuAction()->setVisible(false); // until a feature adds a guest action

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->addAction(m_preferencesAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_newAction);
    bar->addAction(m_connectAction);
    bar->addAction(m_disconnectAction);
    bar->addSeparator();
    bar->addAction(m_refreshAction);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Poll every "), this));
    m_interval->setRange(1, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(m_prefs.pollIntervalSeconds);
    m_interval->setToolTip(
        tr("How often each host is asked for its guests' statistics (1–3600 s)."));
    m_registry->setIntervalSeconds(m_interval->value());
    bar->addWidget(m_interval);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int seconds) {
        m_prefs.pollIntervalSeconds = seconds;
        m_prefs.save(m_settings);
        m_registry->setIntervalSeconds(seconds);
    });
}

void MainWindow::addHostRow(const QString &uri, bool demo) {
    const QString name = demo ? tr("embedded QEMU") : displayNameOf(uri);
    m_hostModel->addHost(uri, name, demo);
    m_guestModel->setHostName(uri, name);
}

void MainWindow::startHost(const QString &uri, bool readOnly) {
    addHostRow(uri);
    if (m_registry->contains(uri)) {
        m_registry->reconnect(uri);
        return;
    }
    MonitorConfig config;
    config.uri = uri;
    config.readOnly = readOnly;
    m_registry->addHost(config);
}

void MainWindow::connectSaved() {
    for (const SavedConnection &c : m_store.load()) {
        if (c.autoConnect)
            startHost(c.uri, c.readOnly);
    }
}

void MainWindow::connectTemporary(const QString &uri, bool readOnly) {
    startHost(uri, readOnly);
}

void MainWindow::startDemo(const DemoConfig &config) {
    if (m_demo)
        return;
    m_demo = std::make_unique<DemoHost>(config);
    m_hostPanel->setNotice(tr("Starting the demo host…"));
    connect(m_demo.get(), &DemoHost::progress, this, [this](const DemoProgress &p) {
        m_hostPanel->setNotice(
            p.steps > 0 ? tr("Demo host: %1 (%2 of %3)").arg(p.message).arg(p.step).arg(p.steps)
                        : tr("Demo host: %1").arg(p.message));
    });
    connect(m_demo.get(), &DemoHost::ready, this, [this](const DemoResult &result) {
        if (result.fallback) {
            m_hostPanel->setNotice(
                tr("The demo host is not available: %1 Showing the libvirt test driver instead.")
                    .arg(result.reason));
        } else {
            m_hostPanel->setNotice({});
        }
        addHostRow(result.uri, !result.fallback);
        startHost(result.uri, false);
        m_hostPanel->view()->setCurrentIndex(m_hostModel->index(m_hostModel->rowOf(result.uri), 0));
    });
    m_demo->start();
}

void MainWindow::newConnection() {
    ConnectionDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SavedConnection c = dialog.connection();
    m_store.upsert(c);
    startHost(c.uri, c.readOnly);
    m_hostPanel->view()->setCurrentIndex(m_hostModel->index(m_hostModel->rowOf(c.uri), 0));
}

void MainWindow::editConnection() {
    const QString uri = m_hostPanel->currentHostId();
    if (uri.isEmpty())
        return;
    SavedConnection current;
    current.uri = uri;
    for (const SavedConnection &c : m_store.load()) {
        if (c.uri == uri)
            current = c;
    }
    ConnectionDialog dialog(this);
    dialog.setConnection(current);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SavedConnection edited = dialog.connection();
    m_store.upsert(edited, uri);
    if (edited.uri != uri || edited.readOnly != current.readOnly) {
        m_registry->removeHost(uri);
        m_hostModel->removeHost(uri);
        m_guestModel->removeHost(uri);
        m_recent.removeHost(uri);
        startHost(edited.uri, edited.readOnly);
    }
}

void MainWindow::removeConnection() {
    const QString uri = m_hostPanel->currentHostId();
    if (uri.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove connection"),
        tr("Stop watching %1 and forget this connection?").arg(displayNameOf(uri)));
    if (answer != QMessageBox::Yes)
        return;
    m_store.remove(uri);
    m_registry->removeHost(uri);
    m_hostModel->removeHost(uri);
    m_guestModel->removeHost(uri);
    m_recent.removeHost(uri);
    updateStatusBar();
}

void MainWindow::connectSelected() {
    const QString uri = m_hostPanel->currentHostId();
    if (uri.isEmpty())
        return;
    bool readOnly = m_hostModel->statusOf(uri).readOnly;
    for (const SavedConnection &c : m_store.load()) {
        if (c.uri == uri)
            readOnly = c.readOnly;
    }
    startHost(uri, readOnly);
}

void MainWindow::disconnectSelected() {
    const QString uri = m_hostPanel->currentHostId();
    if (!uri.isEmpty())
        m_registry->disconnectHost(uri);
}

void MainWindow::showAbout() {
    unsigned long libvirtVersion = 0;
    virGetVersion(&libvirtVersion, nullptr, nullptr);
    const QString libvirt = QStringLiteral("%1.%2.%3")
                                .arg(libvirtVersion / 1000000)
                                .arg((libvirtVersion / 1000) % 1000)
                                .arg(libvirtVersion % 1000);
    QMessageBox::about(
        this, tr("About Balloonscope"),
        tr("<h3>Balloonscope %1</h3>"
           "<p>Shows what the guests on KVM/libvirt hosts really do with their memory, from the "
           "virtio-balloon statistics.</p>"
           "<p>Qt %2 · libvirt %3 · QCustomPlot %4</p>")
            .arg(QStringLiteral(BALLOONSCOPE_VERSION), QString::fromLatin1(qVersion()), libvirt,
                 QStringLiteral(QCUSTOMPLOT_VERSION_STR)));
}

void MainWindow::addPage(QWidget *page, const QString &title) {
    m_pages->addTab(page, title);
}

void MainWindow::showPage(QWidget *page) {
    m_pages->setCurrentWidget(page);
}

void MainWindow::addGuestAction(QAction *action) {
    // Shown in the guest table's context menu and the Guest menu; the action's handler reads
    // guestPanel()->selectedGuests().
    QTableView *view = m_guestPanel->view();
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(action);
    m_guestMenu->addAction(action);
    m_guestMenu->setToolTipsVisible(true); // a disabled action's tooltip says why
    m_guestMenu->menuAction()->setVisible(true);
}

void MainWindow::addFileActions(const QList<QAction *> &actions) {
    // Above the separator before Quit.
    QAction *before = m_fileMenu->actions().value(m_fileMenu->actions().indexOf(m_quitAction) - 1);
    m_fileMenu->insertActions(before, actions);
    m_fileMenu->insertSeparator(before);
}

void MainWindow::updateHostPage() {
    // The selected host, else the only (or first) one.
    QString hostId = m_hostPanel->currentHostId();
    if (hostId.isEmpty() && m_hostModel->rowCount() > 0)
        hostId = m_hostModel->hostIdAt(0);
    if (hostId != m_hostPage->hostId())
        m_hostPage->setHost(hostId, hostId.isEmpty() ? QString() : displayNameOf(hostId));
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(m_prefs, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_prefs = dialog.preferences();
    m_prefs.save(m_settings);
    applyPreferences();
}

void MainWindow::applyPreferences() {
    if (m_interval->value() != m_prefs.pollIntervalSeconds)
        m_interval->setValue(m_prefs.pollIntervalSeconds); // also tells the registry
    m_registry->setIntervalSeconds(m_prefs.pollIntervalSeconds);
    m_guestModel->setUnit(m_prefs.unit);
    m_chart->setUnit(m_prefs.unit);
    Q_EMIT preferencesChanged();
}

void MainWindow::onStatus(const HostStatus &status) {
    m_hostModel->updateStatus(status);
    if (status.state == HostStatus::State::AuthFailed)
        m_credentials->forget(status.hostId); // a remembered answer that failed is no use
    if (status.state == HostStatus::State::Stopped ||
        status.state == HostStatus::State::AuthFailed) {
        // Keep the host's guests listed but show them as unknown until it returns.
        m_hostModel->setGuestCount(status.hostId, 0);
    }
    updateActions();
    updateStatusBar();
}

void MainWindow::onCycle(const PollCycle &cycle) {
    m_guestModel->applyCycle(cycle);
    m_recent.add(cycle, m_registry->intervalSeconds());
    m_hostModel->setGuestCount(cycle.hostId, m_guestModel->guestCount(cycle.hostId));
    m_chart->dataArrived(cycle.hostId);
    m_lastCycleMs = cycle.timeMs;
    if (cycle.hostId == m_chartHost)
        updateChartNotice();
    // Chart something from the start, until the user picks a guest: the first one that reports,
    // else the first one.
    QTableView *view = m_guestPanel->view();
    const QAbstractItemModel *shown = view->model();
    if (m_chartUuid.isEmpty() && shown->rowCount() > 0 && !view->currentIndex().isValid()) {
        int pick = 0;
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(GuestTableModel::StatsStateRole).toInt() ==
                int(StatsState::Reporting)) {
                pick = row;
                break;
            }
        }
        view->setCurrentIndex(shown->index(pick, 0));
    }
    updateStatusBar();
}

void MainWindow::onGuestsRemoved(const QString &hostId, const QStringList &uuids) {
    m_guestModel->removeGuests(hostId, uuids);
    for (const QString &uuid : uuids)
        m_recent.remove(hostId, uuid);
    m_hostModel->setGuestCount(hostId, m_guestModel->guestCount(hostId));
    if (hostId == m_chartHost && uuids.contains(m_chartUuid)) {
        m_chartHost.clear();
        m_chartUuid.clear();
        m_chart->clearGuest();
    }
}

void MainWindow::onCurrentGuest(const QString &hostId, const QString &uuid) {
    m_chartHost = hostId;
    m_chartUuid = uuid;
    const int row = m_guestModel->rowOf(hostId, uuid);
    const GuestTableModel::Row *r = m_guestModel->rowAt(row);
    if (!r) {
        m_chart->clearGuest();
        return;
    }
    m_chart->showGuest(hostId, uuid, r->name);
    updateChartNotice();
}

void MainWindow::updateChartNotice() {
    const GuestTableModel::Row *r =
        m_guestModel->rowAt(m_guestModel->rowOf(m_chartHost, m_chartUuid));
    if (!r || r->statsState == StatsState::Reporting) {
        m_chart->setNotice({});
        return;
    }
    m_chart->setNotice(tr("<b>%1:</b> %2 Only host-side figures (actual, RSS) are charted.")
                           .arg(statsStateName(r->statsState).toHtmlEscaped(),
                                statsStateExplanation(r->statsState).toHtmlEscaped()));
}

void MainWindow::updateActions() {
    const QString uri = m_hostPanel->currentHostId();
    const bool selected = !uri.isEmpty();
    const auto state = m_hostModel->statusOf(uri).state;
    const bool running = m_registry->contains(uri) && state != HostStatus::State::Stopped &&
                         state != HostStatus::State::AuthFailed && state != HostStatus::State::Idle;
    m_editAction->setEnabled(selected);
    m_removeAction->setEnabled(selected);
    m_connectAction->setEnabled(selected && !running);
    m_disconnectAction->setEnabled(selected && running);
}

void MainWindow::updateStatusBar() {
    int connected = 0;
    for (int i = 0; i < m_hostModel->rowCount(); ++i) {
        if (m_hostModel->statusOf(m_hostModel->hostIdAt(i)).state == HostStatus::State::Connected)
            ++connected;
    }
    QString text =
        tr("%1 of %n host(s) connected", nullptr, m_hostModel->rowCount()).arg(connected) +
        tr(", %n guest(s)", nullptr, m_guestModel->rowCount());
    if (m_lastCycleMs > 0)
        text += tr(" · last poll %1")
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_lastCycleMs).time(),
                                            QLocale::ShortFormat));
    m_statusLabel->setText(text);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    m_settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings.setValue(QStringLiteral("window/state"), saveState());
    m_settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    m_settings.setValue(QStringLiteral("window/rightSplitter"), m_rightSplitter->saveState());
    m_credentials->cancelAll();
    event->accept();
}

} // namespace bs::gui
