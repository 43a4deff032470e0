#pragma once

#include "guests/GuestsPage.h"
#include "hosts/HostPanel.h"
#include "monitor/RecentSeries.h"
#include "settings/Preferences.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <memory>

class QAction;
class QModelIndex;
class QSettings;
class QWidget;

namespace bs {
class CredentialProvider;
struct HostStatus;
struct PollCycle;
} // namespace bs

namespace bs::gui {

class Connections;
class GuestPanel;
class GuestTableModel;
class HostFreshness;
class HostListModel;
class HostOverviewHub;
class HostRegistry;
class LiveChart;

// What the window's features plug into, without the window: the watched hosts and their live
// state (registry, host and guest models, recent series, host figures), the connections, the
// selection, the preferences, and the extension points (pages, guest actions, file actions,
// status-bar widgets). MainWindow lays the parts out and places what features add; a feature
// test builds a Workbench alone: no window, no keyring.
//
//   Workbench bench(settings, std::make_shared<NoCredentials>());
//   BalloonFeature balloon(&bench);
//   bench.connections()->connectTemporary(QStringLiteral("test:///default"), false);
class Workbench final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workbench)

public:
    using GuestRef = QPair<QString, QString>; // host id, uuid

    Workbench(QSettings &settings, std::shared_ptr<CredentialProvider> credentials,
              QObject *parent = nullptr);
    ~Workbench() override; // the host figures' feeds, then the demo, then the hosts

    QSettings &settings() const { return m_settings; }
    const Preferences &preferences() const { return m_prefs; }
    // Saves and applies them (poll interval, unit), then says preferencesChanged.
    void setPreferences(const Preferences &preferences);

    HostRegistry *registry() const { return m_registry; }
    Connections *connections() const { return m_connections; }
    HostListModel *hostModel() const { return m_hostModel; }
    GuestTableModel *guestModel() const { return m_guestModel; }
    const RecentSeries &recentSeries() const { return m_recent; }
    HostOverviewHub *hostHub() const { return m_hostHub; }
    // Whether each host answers: the guest rows, the chart and the features say when not.
    HostFreshness *freshness() const { return m_freshness; }
    // The parts every window shows: the host list, and the Guests page (the guest table over the
    // live chart). Parentless until the window places them; deleted with the workbench if never
    // placed.
    HostPanel *hostPanel() const { return m_hostPanel; }
    GuestsPage *guestsPage() const { return m_guestsPage; }
    GuestPanel *guestPanel() const;
    LiveChart *liveChart() const;

    // The selected guests in view order.
    QList<GuestRef> selectedGuests() const;
    // The host selected in the host list; empty when none is (the guest table then shows every
    // host's guests).
    QString selectedHostId() const;
    // The host in focus: the selected one, else the first listed; empty without hosts.
    QString currentHostId() const;
    bool isReadOnly(const QString &hostId) const;
    // When the newest poll was taken (ms since the epoch; 0 before the first).
    qint64 lastCycleMs() const { return m_lastCycleMs; }

    // Extension points: a page beside "Guests" and "Host"; an action on the selected guests
    // (the guest table's context menu and the Guest menu); actions in the File menu above Quit;
    // a widget at the right of the status bar.
    void addPage(QWidget *page, const QString &title);
    void showPage(QWidget *page);
    void addGuestAction(QAction *action);
    void addFileActions(const QList<QAction *> &actions);
    void addStatusWidget(QWidget *widget);
    QList<QWidget *> pages() const { return m_pages; }
    QList<QAction *> guestActions() const { return m_guestActions; }
    QList<QAction *> fileActions() const { return m_fileActions; }
    QList<QWidget *> statusWidgets() const { return m_statusWidgets; }
    // The parent of the features' dialogs: the window, once there is one.
    QWidget *dialogParent() const { return m_dialogParent; }
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }

Q_SIGNALS:
    void pageAdded(QWidget *page, const QString &title);
    void pageRequested(QWidget *page);
    void guestActionAdded(QAction *action);
    void fileActionsAdded(const QList<QAction *> &actions);
    void statusWidgetAdded(QWidget *widget);
    void preferencesChanged();
    // The host list's selection changed (empty: none).
    void hostSelected(const QString &hostId);
    // currentHostId() changed: the selection, or hosts added or removed.
    void currentHostChanged(const QString &hostId);
    void guestSelectionChanged();
    void currentGuestChanged(const QString &hostId, const QString &uuid);
    // Double-click or Enter on a cell of the guest table.
    void guestActivated(const QModelIndex &index);
    // A poll or a host's status reached the models (the window's status bar).
    void liveStateChanged();

private:
    void onStatus(const HostStatus &status);
    void onCycle(const PollCycle &cycle);
    void onGuestsRemoved(const QString &hostId, const QStringList &uuids);
    void onHostsChanged();
    void applyPreferences();

    QSettings &m_settings;
    Preferences m_prefs;
    HostRegistry *m_registry;
    HostListModel *m_hostModel;
    GuestTableModel *m_guestModel;
    RecentSeries m_recent;
    HostOverviewHub *m_hostHub;
    HostFreshness *m_freshness;
    Connections *m_connections;
    QPointer<HostPanel> m_hostPanel; // the window may delete them first
    QPointer<GuestsPage> m_guestsPage;
    QString m_currentHost;
    qint64 m_lastCycleMs = 0;
    QList<QWidget *> m_pages;
    QList<QAction *> m_guestActions;
    QList<QAction *> m_fileActions;
    QList<QWidget *> m_statusWidgets;
    QWidget *m_dialogParent = nullptr;
};

} // namespace bs::gui
