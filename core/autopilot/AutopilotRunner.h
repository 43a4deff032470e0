#pragma once

#include "AutopilotEngine.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace bs {

class BalloonControls;
class HistoryStore;
class HostOverviewFeed;
class MonitoredHost;
struct BalloonChangeEvent;
struct HostWriteState;

// Runs the autopilot live on one host: pairs each poll of the guests (HostMonitor::cycleReady)
// with the host's own figures of the same poll (HostOverviewFeed::sampleReady), asks the
// AutopilotEngine, and applies its moves as live balloon targets through the balloon controls
// (each one a history marker with its reason; in a dry run a marker saying what it would have
// done, and nothing changed). The guests' opt-in is read from their <metadata> on the host's
// thread when the runner starts and every minute. It decides nothing while the host is not
// connected, and while another recorder holds the host's history lease (one autopilot per host).
// stop() takes effect at once: no decision is made after it.
class AutopilotRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutopilotRunner)

public:
    // `host`, `feed` and `controls` must outlive the runner.
    AutopilotRunner(MonitoredHost *host, HostOverviewFeed *feed, BalloonControls *controls,
                    const AutopilotConfig &config, QObject *parent = nullptr);
    ~AutopilotRunner() override;

    // Markers go to this history, and its lease decides whether this runner may act.
    void setHistory(HistoryStore *store);
    void start();
    // Stops deciding now; with `giveBack`, every enabled guest gets its maximum back.
    void stop(bool giveBack);
    bool isRunning() const { return m_running; }
    const AutopilotEngine &engine() const { return m_engine; }

    static constexpr int SettingsRefreshMs = 60000;

Q_SIGNALS:
    // The moves of one poll (made, or in a dry run only said).
    void decided(const QList<bs::AutopilotAction> &actions, bool dryRun);
    // The guests' settings were read: how many guests have the autopilot enabled.
    void settingsRead(int enabledGuests);
    void settingsFailed(const QString &message);

private:
    void readSettings();
    void onCycle(const PollCycle &cycle);
    void onHostSample(const HostSample &sample);
    void apply(const QList<AutopilotAction> &actions);
    void onChange(const BalloonChangeEvent &change);
    void onWriteState(const HostWriteState &state);

    MonitoredHost *m_host;
    BalloonControls *m_controls;
    QPointer<HistoryStore> m_store;
    AutopilotEngine m_engine;
    std::optional<PollCycle> m_pending;         // the last poll, waiting for the host's figures
    QHash<QString, AutopilotAction> m_applying; // uuid → the move being applied (its reason)
    QTimer m_settingsTimer;
    bool m_running = false;
    bool m_connected = false;
    bool m_leaseElsewhere = false;
};

} // namespace bs
