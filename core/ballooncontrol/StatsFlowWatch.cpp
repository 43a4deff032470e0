#include "StatsFlowWatch.h"

#include "balloon/BalloonText.h"
#include "model/ReportTiming.h"
#include "monitor/MonitoredHost.h"

#include <QDateTime>
#include <QTimer>

namespace bs {

StatsFlowWatch::StatsFlowWatch(MonitoredHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host) {
    connect(host->worker(), &HostMonitor::cycleReady, this, &StatsFlowWatch::observe);
    connect(host->worker(), &HostMonitor::guestsRemoved, this, &StatsFlowWatch::guestsRemoved);
}

StatsFlowWatch::~StatsFlowWatch() = default;

int StatsFlowWatch::deadlineSeconds(int periodSeconds, int pollIntervalSeconds) {
    // The table's rule (ReportTiming), counted from the change instead of from the first poll
    // that sees the new period, which comes at most one poll later (the watch asks for a poll
    // at once). The verdicts themselves are the monitor's stats states: this is the backstop.
    return ReportTiming::graceSeconds(periodSeconds, pollIntervalSeconds) +
           std::max(1, pollIntervalSeconds);
}

void StatsFlowWatch::watch(const QString &uuid, const QString &name, int periodSeconds) {
    if (!m_host) {
        StatsFlowVerdict gone;
        gone.uuid = uuid;
        gone.name = name;
        gone.kind = StatsFlowVerdict::Kind::NotFlowing;
        gone.final = true;
        gone.timeMs = QDateTime::currentMSecsSinceEpoch();
        gone.message = BalloonText::tr("No poll of the host arrived in time.");
        Q_EMIT verdict(gone);
        return;
    }
    Watch w;
    w.name = name;
    w.period = periodSeconds;
    w.startMs = QDateTime::currentMSecsSinceEpoch();
    w.generation = ++m_generation;
    m_watches.insert(uuid, w);
    const int seconds = deadlineSeconds(periodSeconds, m_host->config().intervalSeconds);
    QTimer::singleShot(seconds * 1000, this,
                       [this, uuid, generation = w.generation] { deadline(uuid, generation); });
    m_host->invalidateGuest(uuid);
    m_host->pollNow();

    StatsFlowVerdict waiting;
    waiting.hostId = m_host->hostId();
    waiting.uuid = uuid;
    waiting.name = name;
    waiting.timeMs = w.startMs;
    waiting.message =
        BalloonText::tr("Waiting up to %1 s for the guest's next report.").arg(seconds);
    Q_EMIT verdict(waiting);
}

void StatsFlowWatch::watchResult(const GuestApplyResult &result) {
    for (const StepResult &step : result.steps) {
        if (step.outcome == StepResult::Outcome::Done &&
            step.step.kind == BalloonStep::Kind::LivePeriod && step.step.period > 0) {
            watch(result.uuid, result.name, step.step.period);
            return;
        }
    }
}

void StatsFlowWatch::observe(const PollCycle &cycle) {
    for (const MemorySample &sample : cycle.samples) {
        auto it = m_watches.find(sample.uuid);
        if (it == m_watches.end() || sample.timeMs < it->startMs)
            continue;
        it->sawSample = true;
        const StatsState state = sample.statsState;
        if (state == StatsState::Reporting && sample.freshReport) {
            const QString at = sample.stats.lastUpdate
                                   ? QDateTime::fromSecsSinceEpoch(*sample.stats.lastUpdate)
                                         .toString(QStringLiteral("HH:mm:ss"))
                                   : QDateTime::fromMSecsSinceEpoch(sample.timeMs)
                                         .toString(QStringLiteral("HH:mm:ss"));
            settle(sample.uuid, StatsFlowVerdict::Kind::Flowing, state,
                   BalloonText::tr("Stats are flowing: the guest reported at %1.").arg(at));
            continue;
        }
        if (state == StatsState::NoBalloon || state == StatsState::Inactive ||
            state == StatsState::NoDriver) {
            settle(sample.uuid, StatsFlowVerdict::Kind::NotFlowing, state,
                   statsStateExplanation(state));
            continue;
        }
        if (state != it->last) {
            it->last = state;
            StatsFlowVerdict waiting;
            waiting.hostId = cycle.hostId;
            waiting.uuid = sample.uuid;
            waiting.name = it->name;
            waiting.state = state;
            waiting.timeMs = sample.timeMs;
            waiting.message = statsStateExplanation(state);
            Q_EMIT verdict(waiting);
        }
    }
}

void StatsFlowWatch::guestsRemoved(const QString &, const QStringList &uuids) {
    for (const QString &uuid : uuids) {
        if (m_watches.contains(uuid)) {
            settle(uuid, StatsFlowVerdict::Kind::NotFlowing, StatsState::Inactive,
                   BalloonText::tr("The guest stopped or disappeared before it reported."));
        }
    }
}

void StatsFlowWatch::deadline(const QString &uuid, quint64 generation) {
    const auto it = m_watches.constFind(uuid);
    if (it == m_watches.constEnd() || it->generation != generation)
        return;
    QString message;
    switch (it->last) {
    case StatsState::Off:
        message = BalloonText::tr("The live configuration still shows no stats period.");
        break;
    case StatsState::Waiting:
        message = BalloonText::tr("No report within two periods: %1")
                      .arg(statsStateExplanation(StatsState::NoDriver));
        break;
    case StatsState::Unknown:
        message = it->sawSample ? statsStateExplanation(StatsState::Unknown)
                                : BalloonText::tr("No poll of the host arrived in time.");
        break;
    default:
        message = statsStateExplanation(it->last);
        break;
    }
    settle(uuid, StatsFlowVerdict::Kind::NotFlowing, it->last, message);
}

void StatsFlowWatch::settle(const QString &uuid, StatsFlowVerdict::Kind kind, StatsState state,
                            const QString &message) {
    const auto it = m_watches.constFind(uuid);
    if (it == m_watches.constEnd())
        return;
    StatsFlowVerdict v;
    v.hostId = m_host ? m_host->hostId() : QString();
    v.uuid = uuid;
    v.name = it->name;
    v.kind = kind;
    v.state = state;
    v.message = message;
    v.final = true;
    v.timeMs = QDateTime::currentMSecsSinceEpoch();
    m_watches.erase(it);
    Q_EMIT verdict(v);
    if (m_watches.isEmpty())
        Q_EMIT allSettled();
}

} // namespace bs
