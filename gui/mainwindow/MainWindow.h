#pragma once

#include "demo/DemoTypes.h"
#include "monitor/RecentSeries.h"
#include "settings/Preferences.h"
#include "settings/SavedConnection.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QSettings;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QMenu;

namespace bs {
class DemoHost;
struct HostStatus;
struct PollCycle;
struct LifecycleEvent;
} // namespace bs

namespace bs::gui {

class BalloonFeature;
class GuestPanel;
class GuestTableModel;
class GuiCredentialProvider;
class HistoryFeature;
class HostListModel;
class HostOverviewHub;
class HostOverviewPage;
class HostPanel;
class HostRegistry;
class KeyringStore;
class LiveChart;
class ReadinessFeature;
class ReportFeature;

// Assembles the panels, menus and status bar; the work happens in the panels and in core.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects the saved connections marked "connect at start".
    void connectSaved();
    // Connects a URI for this session only (command line).
    void connectTemporary(const QString &uri, bool readOnly);
    // Starts the embedded demo host (--demo) and watches it when it is up; its guests stop when
    // the window goes. `config` is injectable for tests.
    void startDemo(const DemoConfig &config = {});

    HostRegistry *registry() const { return m_registry; }
    GuestTableModel *guestModel() const { return m_guestModel; }
    HostListModel *hostModel() const { return m_hostModel; }
    GuestPanel *guestPanel() const { return m_guestPanel; }
    HostPanel *hostPanel() const { return m_hostPanel; }
    LiveChart *chart() const { return m_chart; }
    HostOverviewHub *hostHub() const { return m_hostHub; }
    HostOverviewPage *hostPage() const { return m_hostPage; }
    ReadinessFeature *readiness() const { return m_readiness; }
    ReportFeature *report() const { return m_report; }
    BalloonFeature *balloon() const { return m_balloon; }
    HistoryFeature *history() const { return m_history; }
    const Preferences &preferences() const { return m_prefs; }
    const RecentSeries &recentSeries() const { return m_recent; }
    QSettings &settings() const { return m_settings; }

    // Extension points for feature panels: a page next to "Guests", and an action on the
    // selected guests (context menu of the guest table and the Guest menu).
    void addPage(QWidget *page, const QString &title);
    void showPage(QWidget *page);
    void addGuestAction(QAction *action);
    // Actions in the File menu, above Quit (exports, reports).
    void addFileActions(const QList<QAction *> &actions);

Q_SIGNALS:
    // The preferences were changed and applied (retention, unit, ...).
    void preferencesChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void addHostRow(const QString &uri, bool demo = false);
    void startHost(const QString &uri, bool readOnly);

    void newConnection();
    void editConnection();
    void removeConnection();
    void connectSelected();
    void disconnectSelected();
    void showAbout();
    void showPreferences();
    void applyPreferences();

    void onStatus(const HostStatus &status);
    void onCycle(const PollCycle &cycle);
    void onGuestsRemoved(const QString &hostId, const QStringList &uuids);
    void onCurrentGuest(const QString &hostId, const QString &uuid);
    void updateChartNotice();
    void updateActions();
    void updateStatusBar();
    void updateHostPage();

    QSettings &m_settings;
    SavedConnectionStore m_store;
    Preferences m_prefs;
    KeyringStore *m_keyring;
    GuiCredentialProvider *m_credentials;
    std::shared_ptr<GuiCredentialProvider> m_credentialsShared;
    HostRegistry *m_registry;
    HostListModel *m_hostModel;
    GuestTableModel *m_guestModel;
    RecentSeries m_recent;
    HostPanel *m_hostPanel;
    GuestPanel *m_guestPanel;
    LiveChart *m_chart;
    QSplitter *m_mainSplitter;
    QSplitter *m_rightSplitter;
    QTabWidget *m_pages;
    HostOverviewHub *m_hostHub = nullptr;
    std::unique_ptr<DemoHost> m_demo;
    HostOverviewPage *m_hostPage = nullptr;
    QMenu *m_guestMenu = nullptr;
    ReadinessFeature *m_readiness = nullptr;
    ReportFeature *m_report = nullptr;
    QMenu *m_fileMenu = nullptr;
    BalloonFeature *m_balloon = nullptr;
    HistoryFeature *m_history = nullptr;
    QLabel *m_statusLabel;
    QSpinBox *m_interval;

    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_preferencesAction = nullptr;

    QString m_chartHost;
    QString m_chartUuid;
    qint64 m_lastCycleMs = 0;
};

} // namespace bs::gui
