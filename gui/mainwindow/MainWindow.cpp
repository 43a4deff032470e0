#include "MainWindow.h"

#include "app/GuiCredentialProvider.h"
#include "app/HostRegistry.h"
#include "app/KeyringStore.h"
#include "connection/ConnectionActions.h"
#include "connection/Connections.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "guests/GuestsPage.h"
#include "host/HostOverviewPage.h"
#include "hosts/HostListModel.h"
#include "hosts/HostPanel.h"
#include "libvirt/ConnectionUri.h"
#include "monitor/MemorySample.h"
#include "settings/PreferencesDialog.h"
#include "workbench/Workbench.h"

#include <QAction>
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
#include <QToolBar>
#include <qcustomplot.h>

#include <libvirt/libvirt.h>

namespace bs::gui {

MainWindow::MainWindow(QSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_keyring(new KeyringStore(QStringLiteral("balloonscope"), this))
    , m_credentials(new GuiCredentialProvider(m_keyring))
    , m_bench(new Workbench(settings, std::shared_ptr<GuiCredentialProvider>(m_credentials), this))
    , m_connectionActions(new ConnectionActions(m_bench, this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_pages(new QTabWidget(this))
    , m_hostPage(new HostOverviewPage(m_bench->hostHub(), this))
    , m_statusLabel(new QLabel(this))
    , m_interval(new QSpinBox(this)) {
    setWindowTitle(tr("Balloonscope"));
    setObjectName(QStringLiteral("MainWindow"));
    m_bench->setDialogParent(this);
    m_credentials->setDialogParent(this);
    connect(m_credentials, &GuiCredentialProvider::keyringError, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    // Pages to the right of the host list: "Guests" (table + live chart) and "Host" first; the
    // features add theirs.
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_bench->guestsPage(), tr("Guests"));
    m_pages->addTab(m_hostPage, tr("Host"));
    m_mainSplitter->addWidget(m_bench->hostPanel());
    m_mainSplitter->addWidget(m_pages);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({260, 1020});
    setCentralWidget(m_mainSplitter);
    statusBar()->addWidget(m_statusLabel, 1);

    createActions();
    createMenus();
    placeFeatures();

    HostRegistry *registry = m_bench->registry();
    connect(registry, &HostRegistry::statusChanged, this, &MainWindow::onStatus);
    // The status line follows every host's cycles (ten a second with 50 hosts at 5 s): redone
    // at most four times a second.
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(250);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatusBar);
    connect(m_bench, &Workbench::liveStateChanged, this, [this] {
        if (!m_statusTimer.isActive())
            m_statusTimer.start();
    });
    const auto showHost = [this](const QString &hostId) {
        m_hostPage->setHost(hostId, hostId.isEmpty() ? QString() : hostDisplayName(hostId));
    };
    connect(m_bench, &Workbench::currentHostChanged, this, showHost);
    showHost(m_bench->currentHostId());
    connect(m_bench, &Workbench::preferencesChanged, this, [this] {
        if (m_interval->value() != m_bench->preferences().pollIntervalSeconds)
            m_interval->setValue(m_bench->preferences().pollIntervalSeconds);
    });

    resize(1280, 800);
    restoreGeometry(m_settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(m_settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(
        m_settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_bench->guestsPage()->restoreState(
        m_settings.value(QStringLiteral("window/rightSplitter")).toByteArray());

    m_features = installFeatures(m_bench);
    updateStatusBar();
}

MainWindow::~MainWindow() {
    m_credentials->cancelAll();
    // The pages go before the features that fill them (as children of the workbench, those go
    // with it, after this).
    delete m_mainSplitter;
}

void MainWindow::placeFeatures() {
    connect(m_bench, &Workbench::pageAdded, this,
            [this](QWidget *page, const QString &title) { m_pages->addTab(page, title); });
    connect(m_bench, &Workbench::pageRequested, m_pages, &QTabWidget::setCurrentWidget);
    connect(m_bench, &Workbench::guestActionAdded, this, [this](QAction *action) {
        m_guestMenu->addAction(action);
        m_guestMenu->setToolTipsVisible(true); // a disabled action's tooltip says why
        m_guestMenu->menuAction()->setVisible(true);
    });
    connect(m_bench, &Workbench::fileActionsAdded, this, [this](const QList<QAction *> &actions) {
        // Above the separator before Quit.
        QAction *before =
            m_fileMenu->actions().value(m_fileMenu->actions().indexOf(m_quitAction) - 1);
        m_fileMenu->insertActions(before, actions);
        m_fileMenu->insertSeparator(before);
    });
    connect(m_bench, &Workbench::statusWidgetAdded, this,
            [this](QWidget *widget) { statusBar()->addPermanentWidget(widget); });
}

void MainWindow::createActions() {
    m_refreshAction =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, m_bench->registry(), &HostRegistry::refreshAll);

    m_findAction = new QAction(tr("&Find Guest"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, m_bench->guestPanel(), &GuestPanel::focusFilter);

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
}

void MainWindow::createMenus() {
    const ConnectionActions *c = m_connectionActions;
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->addAction(c->newAction());
    file->addAction(c->editAction());
    file->addAction(c->removeAction());
    file->addSeparator();
    file->addAction(c->connectAction());
    file->addAction(c->disconnectAction());
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
    bar->addAction(c->newAction());
    bar->addAction(c->connectAction());
    bar->addAction(c->disconnectAction());
    bar->addSeparator();
    bar->addAction(m_refreshAction);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Poll every "), this));
    m_interval->setRange(1, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(m_bench->preferences().pollIntervalSeconds);
    m_interval->setToolTip(
        tr("How often each host is asked for its guests' statistics (1–3600 s)."));
    bar->addWidget(m_interval);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int seconds) {
        if (seconds == m_bench->preferences().pollIntervalSeconds)
            return;
        Preferences preferences = m_bench->preferences();
        preferences.pollIntervalSeconds = seconds;
        m_bench->setPreferences(preferences);
    });
}

void MainWindow::connectSaved() {
    m_bench->connections()->connectSaved();
}

void MainWindow::connectTemporary(const QString &uri, bool readOnly) {
    m_bench->connections()->connectTemporary(uri, readOnly);
}

void MainWindow::startDemo(const DemoConfig &config) {
    m_bench->connections()->startDemo(config);
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

void MainWindow::showPreferences() {
    PreferencesDialog dialog(m_bench->preferences(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_bench->setPreferences(dialog.preferences());
}

void MainWindow::onStatus(const HostStatus &status) {
    if (status.state == HostStatus::State::AuthFailed)
        m_credentials->forget(status.hostId); // a remembered answer that failed is no use
}

void MainWindow::updateStatusBar() {
    const HostListModel *hosts = m_bench->hostModel();
    const int connected = hosts->countInState(HostStatus::State::Connected);
    QString text = tr("%1 of %n host(s) connected", nullptr, hosts->rowCount()).arg(connected) +
                   tr(", %n guest(s)", nullptr, m_bench->guestModel()->rowCount());
    if (const qint64 last = m_bench->lastCycleMs(); last > 0)
        text += tr(" · last poll %1")
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(last).time(),
                                            QLocale::ShortFormat));
    m_statusLabel->setText(text);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    m_settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings.setValue(QStringLiteral("window/state"), saveState());
    m_settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    m_settings.setValue(QStringLiteral("window/rightSplitter"), m_bench->guestsPage()->saveState());
    m_credentials->cancelAll();
    event->accept();
}

} // namespace bs::gui
