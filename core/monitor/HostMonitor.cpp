#include "HostMonitor.h"

#include "PollSchedule.h"
#include "StatsCollector.h"
#include "common/Logging.h"
#include "common/ThreadPriority.h"
#include "libvirt/LibvirtError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace bs {

namespace {

constexpr int BackgroundNice = 15; // MonitorConfig::background

// Tells the host list that a prompt is open, then asks the real provider.
class PromptingProvider final : public CredentialProvider {
public:
    PromptingProvider(CredentialProvider *inner, std::function<void()> onAsk)
        : m_inner(inner)
        , m_onAsk(std::move(onAsk)) {}
    std::optional<QStringList> answer(const CredentialRequest &request) override {
        if (!m_inner)
            return std::nullopt;
        m_onAsk();
        return m_inner->answer(request);
    }

private:
    CredentialProvider *m_inner;
    std::function<void()> m_onAsk;
};

qint64 wallNowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

HostMonitor::HostMonitor(MonitorConfig config, std::shared_ptr<CredentialProvider> credentials,
                         QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_credentials(std::move(credentials))
    , m_pollTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
    , m_process(m_config.uri, m_config.sshProcessFigures) {
    m_config.intervalSeconds = qBound(MinInterval, m_config.intervalSeconds, MaxInterval);
    m_pollTimer->setSingleShot(true);
    // Each poll at its slot: a coarse timer may move it by 5 % and round it to the same
    // boundaries for every host, which lines the hosts' polls up again.
    m_pollTimer->setTimerType(Qt::PreciseTimer);
    m_reconnectTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &HostMonitor::poll);
    connect(m_reconnectTimer, &QTimer::timeout, this, &HostMonitor::connectNow);
    m_tracker.setPollInterval(m_config.intervalSeconds);
    m_status.hostId = m_config.uri;
    m_status.readOnly = m_config.readOnly;
}

HostMonitor::~HostMonitor() {
    m_events.reset();
    m_connection.reset();
}

void HostMonitor::start() {
    if (m_running)
        return;
    m_running = true;
    if (m_config.background && !m_lowered) {
        lowerThisThreadPriority(BackgroundNice);
        m_lowered = true;
    }
    m_mono.start();
    m_backoff.reset();
    connectNow();
}

void HostMonitor::stop() {
    m_running = false;
    m_pollTimer->stop();
    m_reconnectTimer->stop();
    dropConnection();
    publishStatus(HostStatus::State::Stopped);
}

void HostMonitor::pollNow() {
    if (m_connection)
        scheduleNextPoll(0);
}

void HostMonitor::setIntervalSeconds(int seconds) {
    m_config.intervalSeconds = qBound(MinInterval, seconds, MaxInterval);
    m_tracker.setPollInterval(m_config.intervalSeconds);
    if (m_connection)
        scheduleNextSlot(PollSchedule::clockMs());
}

void HostMonitor::invalidateGuest(const QString &uuid) {
    if (auto it = m_configs.find(uuid); it != m_configs.end())
        it->dirty = true;
}

void HostMonitor::runJob(const ConnectionJob &job) {
    job(m_connection.get());
}

void HostMonitor::connectNow() {
    if (!m_running)
        return;
    publishStatus(HostStatus::State::Connecting);
    bool askedUser = false;
    PromptingProvider prompting(m_credentials.get(), [this, &askedUser] {
        askedUser = true;
        publishStatus(HostStatus::State::NeedsCredentials);
    });
    OpenOptions options;
    options.readOnly = m_config.readOnly;
    auto opened = Connection::open(m_config.uri, options, &prompting);
    if (!m_running || m_abandoned)
        return; // stopped while the open blocked
    if (!opened) {
        const Error &error = opened.error();
        if (error.kind == Error::Kind::Cancelled || isAuthFailure(error) || askedUser) {
            // The user was asked (a password, a host key they refused) or the credentials were
            // refused: asking again by itself would only nag. Wait for the user to reconnect.
            publishStatus(HostStatus::State::AuthFailed, error.message, error.technicalDetail());
            m_running = false;
            return;
        }
        scheduleReconnect(error.message, error.technicalDetail());
        return;
    }
    m_connection = std::move(opened).value();
    m_events = std::make_unique<ConnectionEvents>(m_connection->get(),
                                                  static_cast<ConnectionEventSink *>(this));
    m_backoff.reset();

    virConnectPtr conn = m_connection->get();
    LibvirtString hostname(virConnectGetHostname(conn));
    if (!hostname)
        virResetLastError();
    m_status.hostname = hostname ? QString::fromUtf8(hostname.get()) : QString();
    const char *type = virConnectGetType(conn);
    m_status.driver = QString::fromUtf8(type ? type : "");
    unsigned long version = 0;
    if (virConnectGetLibVersion(conn, &version) == 0)
        m_status.libvirtVersion = version;
    else
        virResetLastError();
    publishStatus(HostStatus::State::Connected);
    m_tracker.clear();
    for (GuestConfig &config : m_configs)
        config.dirty = true;
    poll();
}

void HostMonitor::poll() {
    if (!m_connection || !m_running)
        return;
    const qint64 startedMs = PollSchedule::clockMs();
    auto collected = collectGuests(m_connection->get(), &m_infoCache);
    if (m_abandoned)
        return;
    if (!collected) {
        handleFailure(collected.error());
        return;
    }

    PollCycle cycle;
    cycle.hostId = m_config.uri;
    cycle.timeMs = wallNowMs();
    cycle.intervalSeconds = m_config.intervalSeconds;
    cycle.libvirtCalls = collected->libvirtCalls;
    cycle.usedFallback = collected->usedFallback;
    refreshConfigs(collected->guests, cycle.libvirtCalls);

    const qint64 nowMono = m_mono.elapsed();
    QSet<QString> seen;
    cycle.samples.reserve(collected->guests.size());
    for (const CollectedGuest &guest : collected->guests) {
        seen.insert(guest.uuid);
        const GuestConfig &config = m_configs[guest.uuid];
        MemorySample sample;
        sample.hostId = m_config.uri;
        sample.uuid = guest.uuid;
        sample.name = guest.name;
        sample.timeMs = cycle.timeMs;
        sample.state = guest.state;
        sample.stats = guest.stats;
        sample.balloon = config.balloon;
        sample.persistent = config.persistent;
        const auto verdict = m_tracker.observe(guest.uuid, guest.state, guest.stats, config.balloon,
                                               nowMono, cycle.timeMs);
        sample.freshReport = verdict.fresh;
        sample.statsState = verdict.state;
        if (!verdict.fresh)
            sample.stats.clearGuestFields();
        cycle.samples.append(std::move(sample));
    }

    QStringList removed;
    for (const QString &uuid : std::as_const(m_lastUuids)) {
        if (!seen.contains(uuid)) {
            removed.append(uuid);
            m_tracker.forget(uuid);
            m_configs.remove(uuid);
        }
    }
    m_lastUuids = seen;
    addProcessFigures(cycle);
    if (m_abandoned)
        return;
    if (!removed.isEmpty())
        Q_EMIT guestsRemoved(m_config.uri, removed);
    Q_EMIT cycleReady(cycle);

    // Keep the rhythm: the next poll is one interval after this one started, at the host's phase.
    scheduleNextSlot(startedMs);
}

void HostMonitor::addProcessFigures(PollCycle &cycle) {
    QStringList running;
    for (const MemorySample &s : std::as_const(cycle.samples)) {
        if (isActive(s.state))
            running.append(s.uuid);
    }
    const ProcessFiguresMap figures = m_process.read(running);
    cycle.processFigures = m_process.status();
    for (MemorySample &s : cycle.samples) {
        const auto f = figures.constFind(s.uuid.toLower());
        if (f == figures.constEnd())
            continue;
        s.stats.vmSwap = f->vmSwapKiB;
        s.stats.psiSome = f->psiSome;
        s.stats.psiFull = f->psiFull;
    }
}

bool HostMonitor::needsConfigRead(const GuestConfig &config, DomainState state,
                                  qint64 nowMono) const {
    if (config.dirty || config.readMonoMs < 0 || config.lastState != state)
        return true;
    // Reporting guests show their period by reporting; the others are re-read now and then.
    const bool quiet = isActive(state) && !config.balloon.statsEnabled();
    return quiet && nowMono - config.readMonoMs >= m_config.configRefreshSeconds * 1000LL;
}

void HostMonitor::refreshConfigs(const QList<CollectedGuest> &guests, int &calls) {
    const qint64 nowMono = m_mono.elapsed();
    for (const CollectedGuest &guest : guests) {
        GuestConfig &config = m_configs[guest.uuid];
        // A guest that stopped reporting may have lost its period: look again.
        const bool stalled = isActive(guest.state) && config.balloon.statsEnabled() &&
                             !guest.stats.hasGuestFields() && config.readMonoMs >= 0 &&
                             nowMono - config.readMonoMs >= m_config.configRefreshSeconds * 1000LL;
        if (!guest.domain || (!needsConfigRead(config, guest.state, nowMono) && !stalled))
            continue;
        // The live XML holds the live period; an inactive guest has only its persistent one.
        const unsigned flags = isActive(guest.state) ? 0 : VIR_DOMAIN_XML_INACTIVE;
        ++calls;
        LibvirtString xml(virDomainGetXMLDesc(guest.domain.get(), flags));
        if (!xml) {
            qCDebug(lcMonitor) << "XML of" << guest.name << lastLibvirtError().technicalDetail();
            continue;
        }
        config.balloon = parseBalloonConfig(QString::fromUtf8(xml.get()));
        ++calls;
        const int persistent = virDomainIsPersistent(guest.domain.get());
        if (persistent < 0)
            virResetLastError();
        config.persistent = persistent != 0;
        config.readMonoMs = nowMono;
        config.dirty = false;
        config.lastState = guest.state;
    }
}

void HostMonitor::scheduleNextPoll(int delayMs) {
    m_pollTimer->start(delayMs);
}

void HostMonitor::scheduleNextSlot(qint64 afterMs) {
    const qint64 intervalMs = m_config.intervalSeconds * 1000LL;
    const qint64 slot = PollSchedule::slotAfterPoll(
        afterMs, PollSchedule::phaseMs(m_config.uri, intervalMs), intervalMs);
    scheduleNextPoll(int(qBound<qint64>(0, slot - PollSchedule::clockMs(), intervalMs * 2)));
}

void HostMonitor::handleFailure(const Error &error) {
    if (m_connection && !isConnectionLost(error) && m_connection->isAlive()) {
        // A passing error on a live connection: report it and try again next time.
        qCWarning(lcMonitor) << m_config.uri << error.technicalDetail();
        scheduleNextSlot(PollSchedule::clockMs());
        return;
    }
    dropConnection();
    scheduleReconnect(error.message, error.technicalDetail());
}

void HostMonitor::dropConnection() {
    m_events.reset();
    m_connection.reset();
}

void HostMonitor::scheduleReconnect(const QString &reason, const QString &detail) {
    if (!m_running)
        return;
    m_pollTimer->stop();
    const int delay = m_backoff.nextDelayMs();
    publishStatus(HostStatus::State::Disconnected, reason, detail, wallNowMs() + delay);
    m_reconnectTimer->start(delay);
}

void HostMonitor::publishStatus(HostStatus::State state, const QString &reason,
                                const QString &detail, qint64 nextRetryMs) {
    m_status.state = state;
    m_status.reason = reason;
    m_status.detail = detail;
    m_status.nextRetryMs = nextRetryMs;
    if (!m_abandoned)
        Q_EMIT statusChanged(m_status);
}

void HostMonitor::connectionClosed(int reason) {
    QMetaObject::invokeMethod(
        this, [this, reason] { onClosed(reason); }, Qt::QueuedConnection);
}

void HostMonitor::domainLifecycle(const QString &uuid, const QString &name, int event, int detail) {
    QMetaObject::invokeMethod(
        this, [this, uuid, name, event, detail] { onLifecycle(uuid, name, event, detail); },
        Qt::QueuedConnection);
}

void HostMonitor::onClosed(int reason) {
    if (!m_connection)
        return;
    qCInfo(lcMonitor) << m_config.uri << "connection closed:" << describeCloseReason(reason);
    dropConnection();
    scheduleReconnect(describeCloseReason(reason), {});
}

void HostMonitor::onLifecycle(const QString &uuid, const QString &name, int event, int detail) {
    invalidateGuest(uuid);
    LifecycleEvent ev;
    ev.hostId = m_config.uri;
    ev.uuid = uuid;
    ev.name = name;
    ev.event = event;
    ev.detail = detail;
    ev.timeMs = wallNowMs();
    Q_EMIT lifecycleEvent(ev);
    // Show the change now rather than at the next poll; a short delay merges bursts.
    if (m_connection && (!m_pollTimer->isActive() || m_pollTimer->remainingTime() > 200))
        scheduleNextPoll(200);
}

} // namespace bs
