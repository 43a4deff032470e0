#pragma once

#include "Backoff.h"
#include "HostStatus.h"
#include "MemorySample.h"
#include "ReportTracker.h"
#include "StatsCollector.h"
#include "libvirt/Connection.h"
#include "libvirt/ConnectionEvents.h"
#include "process/ProcessFiguresSource.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <atomic>
#include <functional>
#include <memory>

class QTimer;

namespace bs {

struct MonitorConfig {
    QString uri;
    bool readOnly = false;
    int intervalSeconds = 5; // 1..3600
    // Guests that do not report get their live XML re-read this often, to notice a period set
    // from outside (virsh dommemstat --period) without a round trip per guest per poll.
    int configRefreshSeconds = 30;
    // A qemu+ssh host's owner allowed reading each guest's swap and memory pressure through a
    // fixed read-only command over SSH (ProcessFiguresSource).
    bool sshProcessFigures = false;
    // The worker thread runs at a lower CPU priority (nice +10): the window's monitors, so that
    // when many hosts work at once (50 hosts reading their guests' XML after connecting) the GUI
    // thread is served first. The headless recorder keeps normal priority.
    bool background = false;
};

// Work to run on the host's thread with its connection (null when not connected).
using ConnectionJob = std::function<void(Connection *connection)>;

// One host's worker: lives on its own thread (see MonitoredHost), owns the connection, polls on
// a timer, reconnects with backoff and turns libvirt's callbacks into signals. Every slot runs on
// the worker thread; every signal carries plain values.
class HostMonitor final : public QObject, public ConnectionEventSink {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostMonitor)

public:
    HostMonitor(MonitorConfig config, std::shared_ptr<CredentialProvider> credentials,
                QObject *parent = nullptr);
    ~HostMonitor() override;

    // Thread-safe: from now on the worker emits nothing and drops what a blocked call returns.
    // Used by the owner when it cannot wait for a hung host.
    void abandon() { m_abandoned = true; }

    // ConnectionEventSink: called on libvirt's event thread; only posts to this thread.
    void connectionClosed(int reason) override;
    void domainLifecycle(const QString &uuid, const QString &name, int event, int detail) override;

    static constexpr int MinInterval = 1;
    static constexpr int MaxInterval = 3600;

public Q_SLOTS:
    void start();
    void stop();
    void pollNow();
    void setIntervalSeconds(int seconds);
    // Re-read this guest's XML at the next poll (after we changed its period, say).
    void invalidateGuest(const QString &uuid);
    void runJob(const bs::ConnectionJob &job);

Q_SIGNALS:
    void statusChanged(const bs::HostStatus &status);
    void cycleReady(const bs::PollCycle &cycle);
    void guestsRemoved(const QString &hostId, const QStringList &uuids);
    void lifecycleEvent(const bs::LifecycleEvent &event);

private:
    struct GuestConfig {
        BalloonConfig balloon;
        bool persistent = true;
        qint64 readMonoMs = -1;
        bool dirty = true;
        DomainState lastState = DomainState::Unknown;
    };

    void connectNow();
    void poll();
    void scheduleNextPoll(int delayMs);
    // The next poll at the host's first slot (PollSchedule) half an interval after `afterMs`.
    void scheduleNextSlot(qint64 afterMs);
    void handleFailure(const Error &error);
    void dropConnection();
    void scheduleReconnect(const QString &reason, const QString &detail);
    void publishStatus(HostStatus::State state, const QString &reason = {},
                       const QString &detail = {}, qint64 nextRetryMs = 0);
    void refreshConfigs(const QList<CollectedGuest> &guests, int &calls);
    bool needsConfigRead(const GuestConfig &config, DomainState state, qint64 nowMono) const;
    void addProcessFigures(PollCycle &cycle);

    void onClosed(int reason);
    void onLifecycle(const QString &uuid, const QString &name, int event, int detail);

    MonitorConfig m_config;
    std::shared_ptr<CredentialProvider> m_credentials;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<ConnectionEvents> m_events;
    QTimer *m_pollTimer;
    QTimer *m_reconnectTimer;
    QElapsedTimer m_mono;
    Backoff m_backoff;
    ReportTracker m_tracker;
    GuestInfoCache m_infoCache; // the per-guest fallback's maxima
    ProcessFiguresSource m_process;
    QHash<QString, GuestConfig> m_configs;
    QSet<QString> m_lastUuids;
    HostStatus m_status;
    bool m_running = false;
    bool m_lowered = false; // the thread's priority, once (MonitorConfig::background)
    std::atomic_bool m_abandoned{false};
};

} // namespace bs
