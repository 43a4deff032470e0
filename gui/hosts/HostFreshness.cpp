#include "HostFreshness.h"

#include "app/HostRegistry.h"
#include "model/ReportTiming.h"
#include "monitor/MemorySample.h"

#include <QDateTime>

#include <algorithm>

namespace bs::gui {

namespace {

QString clockTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).time().toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

HostFreshness::HostFreshness(HostRegistry *registry,
                             std::function<QString(const QString &)> hostName, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_hostName(std::move(hostName))
    , m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    connect(registry, &HostRegistry::statusChanged, this, &HostFreshness::onStatus);
    connect(registry, &HostRegistry::cycleReady, this, &HostFreshness::onCycle);
    connect(registry, &HostRegistry::hostRemoved, this, [this](const QString &hostId) {
        // Forgotten: whoever showed it stale hears that it is not (a host added again under the
        // same URI starts afresh).
        const bool wasStale = isStale(hostId);
        m_hosts.remove(hostId);
        if (wasStale)
            Q_EMIT changed(hostId);
    });
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, qOverload<>(&HostFreshness::evaluate));
    m_timer.start();
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, qOverload<>(&HostFreshness::evaluate));
}

bool HostFreshness::isStale(const QString &hostId) const {
    const auto it = m_hosts.constFind(hostId);
    return it != m_hosts.constEnd() && !it->reason.isEmpty();
}

QString HostFreshness::reason(const QString &hostId) const {
    return m_hosts.value(hostId).reason;
}

QString HostFreshness::asOf(const QString &hostId) const {
    return m_hosts.value(hostId).asOf;
}

QString HostFreshness::asOfShort(const QString &hostId) const {
    return m_hosts.value(hostId).asOfShort;
}

qint64 HostFreshness::lastAnswerMs(const QString &hostId) const {
    return m_hosts.value(hostId).lastAnswerMs;
}

void HostFreshness::onStatus(const HostStatus &status) {
    Host &host = m_hosts[status.hostId];
    if (status.state == HostStatus::State::Connected &&
        host.status.state != HostStatus::State::Connected)
        host.lastAnswerMs = std::max(host.lastAnswerMs, m_nowMs()); // it answered: connected
    host.status = status;
    evaluate(status.hostId, host);
    armDeadline();
}

void HostFreshness::onCycle(const PollCycle &cycle) {
    Host &host = m_hosts[cycle.hostId];
    host.lastAnswerMs = std::max(host.lastAnswerMs, cycle.timeMs);
    evaluate(cycle.hostId, host);
    armDeadline();
}

void HostFreshness::armDeadline() {
    // Stale the moment it is overdue, not up to a second later at the next tick.
    const qint64 poll = 2000LL * std::max(1, m_registry->intervalSeconds());
    qint64 first = 0;
    for (const Host &host : std::as_const(m_hosts)) {
        if (host.status.state == HostStatus::State::Connected && host.reason.isEmpty() &&
            host.lastAnswerMs > 0 && (first == 0 || host.lastAnswerMs + poll < first))
            first = host.lastAnswerMs + poll;
    }
    if (first == 0)
        return;
    m_deadline.start(int(std::clamp<qint64>(first + 1 - m_nowMs(), 0, 24 * 3600 * 1000)));
}

void HostFreshness::evaluate() {
    for (auto it = m_hosts.begin(); it != m_hosts.end(); ++it)
        evaluate(it.key(), it.value());
}

void HostFreshness::evaluate(const QString &hostId, Host &host) {
    using State = HostStatus::State;
    const qint64 now = m_nowMs();
    const State state = host.status.state;
    QString reason;
    QString asOf;
    QString asOfShort;
    const QString name = m_hostName(hostId);
    if (state == State::Connected) {
        if (ReportTiming::hostOverdue(host.lastAnswerMs, now, m_registry->intervalSeconds()))
            reason = tr("No answer from %1 since %2.").arg(name, clockTime(host.lastAnswerMs));
    } else if (state != State::Idle || host.lastAnswerMs > 0) {
        // Not connected (lost, retrying, refused, stopped by the user): what is shown is what
        // the host said last.
        const QString status = host.status.summary(now);
        reason = host.lastAnswerMs > 0 ? tr("No answer from %1 since %2 (%3).")
                                             .arg(name, clockTime(host.lastAnswerMs), status)
                                       : tr("No answer from %1 yet (%2).").arg(name, status);
    }
    if (!reason.isEmpty()) {
        asOf = host.lastAnswerMs > 0
                   ? tr("as of %1, host not answering").arg(clockTime(host.lastAnswerMs))
                   : tr("host not answering");
        asOfShort = host.lastAnswerMs > 0 ? tr("as of %1").arg(clockTime(host.lastAnswerMs))
                                          : tr("host not answering");
    }
    // (A disconnected host's reason counts its retry down: a change a second at most.)
    if (reason == host.reason)
        return;
    host.reason = reason;
    host.asOf = asOf;
    host.asOfShort = asOfShort;
    Q_EMIT changed(hostId);
}

} // namespace bs::gui
