#pragma once

#include "RecentSampleBuffer.h"
#include "readiness/ReadinessTypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

namespace bs {
class ReadinessCollector;
struct Error;
struct HostStatus;
} // namespace bs

namespace bs::gui {

class AgentOptIn;
class HostRegistry;

// Keeps the latest readiness report of every guest of every watched host, on the GUI thread.
// Inspects a host's guests at once (ReadinessCollector, maxWaitSeconds = 0) from the samples the
// window has seen: after the host connects, a few seconds after lifecycle events or a change in
// a guest's balloon or stats state, and every few minutes. A guest not watched long enough yet
// is looked at again once it has been. At most one collector runs per host; a check the user
// asks for goes first, automatic ones wait and are merged. The periodic re-check takes the hosts
// one after another, not all at once. Agent checks run only on hosts the user opted in
// (AgentOptIn).
class ReadinessTracker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessTracker)

public:
    ReadinessTracker(HostRegistry *registry, AgentOptIn *agentOptIn, QObject *parent = nullptr);
    ~ReadinessTracker() override;

    const ReadinessReport *report(const QString &hostId, const QString &uuid) const;
    QList<ReadinessReport> reports() const;
    bool isInspecting(const QString &hostId) const;
    const RecentSampleBuffer &recentSamples() const { return m_samples; }

    // Instant, host-wide, as the automatic checks are; waits for a run in progress.
    void inspectHost(const QString &hostId);
    // The user asks. `uuids` empty = every guest. `fresh`: ignore the samples seen so far and
    // watch the reports anew (after the user changed something in the guest). Watches up to
    // watchSecondsFor() for guests the samples do not decide.
    void checkNow(const QString &hostId, const QStringList &uuids, bool fresh);
    // Two stats periods plus two polls for the slowest of these guests (every guest when empty),
    // at least 5 s and at most 10 min: how long a "check again" watches.
    int watchSecondsFor(const QString &hostId, const QStringList &uuids) const;

    // Seams for tests.
    void setRefreshIntervalMs(int ms);
    void setDebounceMs(int ms) { m_debounceMs = ms; }

Q_SIGNALS:
    void reportChanged(const bs::ReadinessReport &report);
    // Reports dropped because the guests or the host went away; empty uuids = the whole host.
    void reportsRemoved(const QString &hostId, const QStringList &uuids);
    // One finished per started, also for a run cut short by a newer one or a lost connection.
    void inspectionStarted(const QString &hostId, bool agentChecks, bool byUser);
    void inspectionFinished(const QString &hostId);
    void inspectionFailed(const QString &hostId, const QString &message);
    // While a check watches the reports: about how many seconds are left, for how many guests.
    void watching(const QString &hostId, int secondsLeft, int guestsLeft);

private:
    struct Run {
        QStringList uuids; // empty = every guest
        bool byUser = false;
        bool fresh = false;
        int maxWaitSeconds = 0;
        static Run merged(const Run &a, const Run &b);
    };
    struct HostSlot {
        std::unique_ptr<ReadinessCollector> collector;
        std::optional<Run> current;
        std::optional<Run> pending;
        QTimer debounce;
        QTimer followUp;
        QStringList debounceGuests;
        bool connected = false;
        bool awaitingFirstCycle = false;
    };

    HostSlot *slot(const QString &hostId);
    HostSlot *ensureSlot(const QString &hostId);
    void request(const QString &hostId, const Run &run);
    void start(const QString &hostId, HostSlot &s, const Run &run);
    void runEnded(const QString &hostId, const QList<ReadinessReport> &reports);
    void scheduleFollowUp(const QString &hostId, const QList<ReadinessReport> &reports);
    void scheduleGuests(const QString &hostId, const QStringList &uuids);
    void store(const ReadinessReport &report);
    void refreshAll();
    void refreshNext();

    void onHostAdded(const QString &hostId);
    void onHostRemoved(const QString &hostId);
    void onStatus(const HostStatus &status);
    void onCycle(const PollCycle &cycle);
    void onLifecycle(const LifecycleEvent &event);
    void onGuestsRemoved(const QString &hostId, const QStringList &uuids);

    HostRegistry *m_registry;
    AgentOptIn *m_agentOptIn;
    RecentSampleBuffer m_samples;
    std::map<QString, std::unique_ptr<HostSlot>> m_slots;
    QHash<QString, QHash<QString, ReadinessReport>> m_reports;
    QTimer m_refresh;
    // The periodic re-check goes one host at a time, spread over half the refresh interval:
    // 50 hosts checked at once answered together and held the GUI thread for 2 s (issue 18).
    QTimer m_refreshStep;
    QStringList m_refreshQueue;
    int m_debounceMs = 3000;
};

} // namespace bs::gui
