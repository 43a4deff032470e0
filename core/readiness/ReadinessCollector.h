#pragma once

#include "GuestFactsReader.h"
#include "ReadinessInspector.h"
#include "ReadinessTypes.h"
#include "monitor/MemorySample.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <algorithm>
#include <memory>

class QTimer;

namespace bs {

class MonitoredHost;

struct ReadinessRequest {
    QStringList guests;       // names or UUIDs; empty = every guest of the host
    bool agentChecks = false; // opt-in: show agentTaintWarning() before setting it
    AgentOptions agentOptions;
    // 0: decide at once from recentSamples plus one fresh reading (the GUI's badge column).
    // > 0: keep watching the monitor's polls, up to this long, until last_update has either
    // moved or stood still for two periods (the CLI; the GUI's "check again").
    int maxWaitSeconds = 0;
    // Samples the caller already has (the GUI's recent history), any guests, any order.
    QList<MemorySample> recentSamples;
};

namespace detail {
// Carries a job's result from the host's thread back to the collector's. Owned by the job
// and the collector together, so neither outliving the other leaves a dangling pointer.
class FactsRelay final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FactsRelay)

public:
    FactsRelay() = default;

Q_SIGNALS:
    void factsReady(const QList<bs::GuestFacts> &facts);
    void factsFailed(const bs::Error &error);
};
} // namespace detail

// Produces readiness reports for one host's guests. Lives on the GUI (or CLI main) thread;
// libvirt work runs on the host's worker thread through MonitoredHost::submit; the monitor's
// poll cycles provide the readings over time. Everything it emits is a plain value.
class ReadinessCollector final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessCollector)

public:
    // `host` is not owned and must outlive the collector; it must be started (connected).
    explicit ReadinessCollector(MonitoredHost *host, QObject *parent = nullptr);
    ~ReadinessCollector() override;

    // Starts a run; a run already going is cancelled first.
    void start(const ReadinessRequest &request);
    // Stops watching; reports not emitted yet are dropped and finished() is not emitted.
    void cancel();
    bool isRunning() const { return m_running; }
    // Readings held for the run (tests: none once it ended).
    qsizetype heldObservations() const;
    // At most this many reports are worked out and emitted in one turn; the rest follow in
    // later turns, which the runs of all hosts take one per pass of the event loop
    // (ReadinessPacer). Tests make it small.
    void setReportsPerPass(int reports) { m_reportsPerPass = std::max(1, reports); }

Q_SIGNALS:
    // One per guest, as soon as its verdict no longer depends on more watching.
    void reportReady(const bs::ReadinessReport &report);
    // After the last reportReady of a run, with every report of the run in request order.
    void finished(const QList<bs::ReadinessReport> &reports);
    // The run could not start (no connection, the guest list failed). No finished() follows.
    void failed(const bs::Error &error);
    // While guests still need watching: about how many seconds more (two periods), and for
    // how many guests.
    void watching(int secondsLeft, int guestsLeft);

private:
    void onFacts(const QList<GuestFacts> &facts);
    void onFactsFailed(const Error &error);
    void onCycle(const PollCycle &cycle);
    void addObservation(const QString &uuid, const StatsObservation &observation);
    // Asks for a turn (ReadinessPacer) to decide what can be decided.
    void evaluate(bool final);
    void evaluatePass();
    GuestEvidence evidenceFor(const GuestFacts &facts) const;
    ReadinessReport reportFor(const GuestFacts &facts, const GuestEvidence &evidence) const;
    void finish();

    QPointer<MonitoredHost> m_host;
    ReadinessRequest m_request;
    std::shared_ptr<detail::FactsRelay> m_relay;
    // Kept between runs, unlike everything else here: the guests' parsed XML facts (a few
    // hundred bytes a guest), so that a re-check parses only the XMLs that changed.
    std::shared_ptr<XmlFactsCache> m_xmlCache = std::make_shared<XmlFactsCache>();
    QTimer *m_deadline;
    QList<GuestFacts> m_facts;
    QHash<QString, QList<StatsObservation>> m_observations;
    QHash<QString, ReadinessReport> m_done;
    qint64 m_deadlineMs = 0;
    int m_reportsPerPass = 16;
    bool m_running = false;
    bool m_final = false; // the run decides every guest now (no more watching)
};

} // namespace bs
