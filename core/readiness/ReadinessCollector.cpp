#include "ReadinessCollector.h"

#include "ReadinessInspector.h"
#include "ReadinessPacer.h"
#include "common/Logging.h"
#include "monitor/MonitoredHost.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace bs {

namespace {

constexpr int MaxObservationsPerGuest = 600;

} // namespace

ReadinessCollector::ReadinessCollector(MonitoredHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_deadline(new QTimer(this)) {
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] { evaluate(true); });
    if (m_host)
        connect(m_host->worker(), &HostMonitor::cycleReady, this, &ReadinessCollector::onCycle);
}

ReadinessCollector::~ReadinessCollector() = default;

void ReadinessCollector::start(const ReadinessRequest &request) {
    cancel();
    m_request = request;
    m_running = true;
    for (const MemorySample &s : std::as_const(m_request.recentSamples))
        addObservation(s.uuid, StatsObservation::fromSample(s));
    // Released, not cleared: clear() on a list shared with the caller's request allocates an
    // empty one of the same capacity (every guest's recent samples: MiBs per host).
    m_request.recentSamples = {};

    if (!m_host) {
        m_running = false;
        Q_EMIT failed(Error::unsupported(tr("The host is gone.")));
        return;
    }
    m_relay = std::shared_ptr<detail::FactsRelay>(new detail::FactsRelay,
                                                  [](detail::FactsRelay *r) { r->deleteLater(); });
    connect(m_relay.get(), &detail::FactsRelay::factsReady, this, &ReadinessCollector::onFacts);
    connect(m_relay.get(), &detail::FactsRelay::factsFailed, this,
            &ReadinessCollector::onFactsFailed);

    GuestFactsRequest job{m_request.guests, m_request.agentChecks, m_request.agentOptions,
                          m_xmlCache};
    std::shared_ptr<detail::FactsRelay> relay = m_relay;
    m_host->submit([relay, job](Connection *connection) {
        if (!connection) {
            Q_EMIT relay->factsFailed(Error::unsupported(
                tr("Not connected to the host: the readiness check needs a connection.")));
            return;
        }
        auto facts = GuestFactsReader::read(connection->get(), job);
        if (facts)
            Q_EMIT relay->factsReady(*facts);
        else
            Q_EMIT relay->factsFailed(facts.error());
    });
}

void ReadinessCollector::cancel() {
    if (m_relay)
        m_relay->disconnect(this);
    m_relay.reset();
    m_deadline->stop();
    ReadinessPacer::ofThisThread()->withdraw(this);
    m_running = false;
    m_final = false;
    // A collector lives as long as its host and runs every few minutes: between runs it holds
    // nothing but m_xmlCache (each guest's observations are ~280 bytes apiece, the facts hold
    // parsed XML).
    m_facts = {};
    m_observations = {};
    m_done = {};
}

void ReadinessCollector::onFactsFailed(const Error &error) {
    if (!m_running)
        return;
    cancel();
    Q_EMIT failed(error);
}

void ReadinessCollector::onFacts(const QList<GuestFacts> &facts) {
    if (!m_running)
        return;
    m_facts = facts;
    for (const GuestFacts &f : std::as_const(m_facts)) {
        if (f.reading)
            addObservation(f.uuid, *f.reading);
    }
    m_deadlineMs = QDateTime::currentMSecsSinceEpoch() + qint64(m_request.maxWaitSeconds) * 1000;
    if (m_request.maxWaitSeconds > 0)
        m_deadline->start(m_request.maxWaitSeconds * 1000);
    evaluate(m_request.maxWaitSeconds <= 0);
}

void ReadinessCollector::onCycle(const PollCycle &cycle) {
    if (!m_running)
        return;
    for (const MemorySample &s : cycle.samples)
        addObservation(s.uuid, StatsObservation::fromSample(s));
    if (!m_facts.isEmpty())
        evaluate(false);
}

qsizetype ReadinessCollector::heldObservations() const {
    qsizetype n = 0;
    for (const QList<StatsObservation> &list : m_observations)
        n += list.size();
    return n;
}

void ReadinessCollector::addObservation(const QString &uuid, const StatsObservation &observation) {
    QList<StatsObservation> &list = m_observations[uuid];
    list.append(observation);
    if (list.size() > MaxObservationsPerGuest)
        list.remove(0, list.size() - MaxObservationsPerGuest);
}

GuestEvidence ReadinessCollector::evidenceFor(const GuestFacts &f) const {
    GuestEvidence e;
    e.hostId = m_host ? m_host->hostId() : QString();
    e.uuid = f.uuid;
    e.name = f.name;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.host.uri = e.hostId;
    e.host.name = f.name;
    e.host.state = f.state;
    e.host.live = f.live;
    e.host.persistentConfig = f.persistentConfig;
    e.host.persistent = f.persistent;
    e.host.observations = m_observations.value(f.uuid);
    e.host.nowMs = e.timeMs;
    if (m_host)
        e.host.pollIntervalSeconds = m_host->config().intervalSeconds;
    e.agentRequested = m_request.agentChecks;
    e.agent = f.agent;
    e.agentNotRunReason = f.agentNotRunReason;
    e.agentTimeoutSeconds = m_request.agentOptions.commandTimeoutSeconds;
    return e;
}

ReadinessReport ReadinessCollector::reportFor(const GuestFacts &f, const GuestEvidence &e) const {
    ReadinessReport report = ReadinessInspector::inspect(e);
    if (f.error) {
        // Nothing was read: no checklist, only why.
        report.verdict = Verdict::Unknown;
        report.reason = f.error->message;
        report.nextStep = tr("Check the guest's name and the connection, then run the check "
                             "again.");
        report.fix = FixKind::None;
        report.fixCommands.clear();
        report.decidingCheck.reset();
        report.checks.clear();
    }
    return report;
}

void ReadinessCollector::evaluate(bool final) {
    if (!m_running)
        return;
    m_final = m_final || final;
    ReadinessPacer::ofThisThread()->ask(this, [this] { evaluatePass(); });
}

void ReadinessCollector::evaluatePass() {
    if (!m_running)
        return;
    int left = 0;
    int emitted = 0;
    double secondsToGo = 0;
    // A copy (shared, not copied): a receiver of reportReady may cancel the run.
    const QList<GuestFacts> facts = m_facts;
    for (const GuestFacts &f : facts) {
        const QString key = f.uuid.isEmpty() ? f.name : f.uuid;
        if (m_done.contains(key))
            continue;
        if (emitted == m_reportsPerPass) {
            evaluate(false); // the rest in a later turn
            return;
        }
        const GuestEvidence e = evidenceFor(f);
        if (!m_final && !f.error) {
            const HostAssessment a = HostSideInspector::inspect(e.host);
            if (a.reporting == ReportingState::Undecided) {
                ++left;
                secondsToGo = std::max(secondsToGo, a.neededSeconds - a.observedSeconds);
                continue;
            }
        }
        const ReadinessReport report = reportFor(f, e);
        m_done.insert(key, report);
        ++emitted;
        Q_EMIT reportReady(report);
        if (!m_running)
            return;
    }
    if (left == 0) {
        finish();
        return;
    }
    const double capLeft =
        double(qMax<qint64>(0, m_deadlineMs - QDateTime::currentMSecsSinceEpoch())) / 1000.0;
    Q_EMIT watching(int(std::ceil(std::min(secondsToGo, capLeft))), left);
}

void ReadinessCollector::finish() {
    QList<ReadinessReport> reports;
    for (const GuestFacts &f : std::as_const(m_facts))
        reports.append(m_done.value(f.uuid.isEmpty() ? f.name : f.uuid));
    cancel();
    Q_EMIT finished(reports);
}

} // namespace bs
