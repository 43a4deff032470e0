#pragma once

#include "HistoryNotice.h"
#include "history/HistoryStore.h"
#include "settings/Preferences.h"

#include <QHash>
#include <QObject>

namespace bs {
struct BalloonChangeEvent;
}

namespace bs::gui {

class HostRegistry;
class HostOverviewHub;

// The window's history: owns the HistoryStore (one SQLite worker thread, HISTORY.md), records
// every poll cycle and lifecycle event of the watched hosts, every host sample, and the app's
// own actions, and turns the store's state into notices for the window. Queries go to store()
// directly: the answers are plain values, no SQLite on this thread.
//
//   auto *history = new HistoryService(options, this);
//   history->watch(bench->registry());
//   history->watchHostSamples(bench->hostHub());
//   connect(features.balloon, &BalloonFeature::changeRecorded,
//           history, &HistoryService::recordBalloonChange);   // markers for the app's actions
class HistoryService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryService)

public:
    // Opens the database at once (options.path empty: the XDG data dir).
    explicit HistoryService(HistoryOptions options, QObject *parent = nullptr);
    ~HistoryService() override;

    HistoryStore *store() const { return m_store; }
    const HistoryStatus &status() const { return m_store->status(); }

    // Records the registry's poll cycles and lifecycle events from now on.
    void watch(HostRegistry *registry);
    // Records the hosts' own figures (HostSample) and their memory size (for the host total).
    void watchHostSamples(HostOverviewHub *hub);

    static RetentionPolicy retentionFrom(const Preferences &preferences);
    void setRetention(const RetentionPolicy &policy);

    // Notices to show, most severe first.
    QList<HistoryNotice> notices() const;
    void dismissNotice(const QString &key);
    // A query of the history failed (the History page's charts then show older figures): a
    // notice with the reason until a later query succeeds (clearReadFailure).
    void reportReadFailure(const Error &error);
    void clearReadFailure();
    // Hosts a recorder (or another window) writes; this window only reads them.
    QHash<QString, HostLease> coveredHosts() const { return m_covered; }

public Q_SLOTS:
    // A poll cycle to record (watch() connects the registry's): live charts hear of it.
    void recordCycle(const bs::PollCycle &cycle);
    // The app's own actions, as markers: source "app", always written (even while a recorder
    // covers the host: the recorder does not know what this window did).
    void recordEvent(const bs::HistoryEvent &event);
    // BalloonFeature::changeRecorded: a balloon target or stats period change libvirt accepted.
    void recordBalloonChange(const bs::BalloonChangeEvent &change);

Q_SIGNALS:
    void noticesChanged();
    // A poll cycle was handed to the store (written, or left to a recorder that covers the
    // host): live charts re-read soon.
    void cycleQueued(const bs::PollCycle &cycle);
    // An event was handed to the store.
    void eventQueued(const bs::HistoryEvent &event);

private:
    void onStatus(const HistoryStatus &status);
    void onWriteFailed(const Error &error);
    void onReplaced(const QString &movedTo, const QString &reason);
    void onWriteState(const HostWriteState &state);
    void onOverview(HostOverviewHub *hub, const QString &hostId);
    void setNotice(const HistoryNotice &notice);
    void removeNotice(const QString &key);

    HistoryStore *m_store;
    QList<HistoryNotice> m_notices;
    QHash<QString, HostLease> m_covered;
    QHash<QString, quint64> m_nodeMemory; // last host size recorded per host, KiB
};

} // namespace bs::gui
