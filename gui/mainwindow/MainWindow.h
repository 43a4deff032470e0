#pragma once

#include "Features.h"
#include "demo/DemoTypes.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QMenu;
class QSettings;
class QSpinBox;
class QSplitter;
class QTabWidget;

namespace bs {
struct HostStatus;
} // namespace bs

namespace bs::gui {

class ConnectionActions;
class GuiCredentialProvider;
class HostOverviewPage;
class KeyringStore;
class Workbench;

// The window: lays out the workbench's parts (host list, Guests and Host pages, the pages the
// features add), the menus, toolbar and status bar, and asks for credentials. What the window
// shows lives in the Workbench; the features plug into that (Features.cpp registers them).
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects the saved connections marked "connect at start".
    void connectSaved();
    // Connects a URI for this session only (command line).
    void connectTemporary(const QString &uri, bool readOnly);
    // Starts the embedded demo host (--demo) and watches it when it is up; its guests stop when
    // the window goes. `config` is injectable for tests.
    void startDemo(const DemoConfig &config = {});

    Workbench *workbench() const { return m_bench; }
    const Features &features() const { return m_features; }
    ConnectionActions *connectionActions() const { return m_connectionActions; }
    HostOverviewPage *hostPage() const { return m_hostPage; }
    QTabWidget *pages() const { return m_pages; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void placeFeatures();
    void showAbout();
    void showPreferences();
    void onStatus(const HostStatus &status);
    void updateStatusBar();

    QSettings &m_settings;
    KeyringStore *m_keyring;
    GuiCredentialProvider *m_credentials;
    Workbench *m_bench;
    ConnectionActions *m_connectionActions;
    Features m_features;
    QSplitter *m_mainSplitter;
    QTabWidget *m_pages;
    HostOverviewPage *m_hostPage;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_guestMenu = nullptr;
    QLabel *m_statusLabel;
    QTimer m_statusTimer;
    QSpinBox *m_interval;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_preferencesAction = nullptr;
};

} // namespace bs::gui
