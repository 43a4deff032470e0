#include "AutopilotRunner.h"

#include "ballooncontrol/BalloonControls.h"
#include "common/Logging.h"
#include "common/Units.h"
#include "history/HistoryStore.h"
#include "host/HostOverviewFeed.h"
#include "libvirt/Connection.h"
#include "libvirt/LibvirtError.h"
#include "libvirt/LibvirtHandles.h"
#include "monitor/MonitoredHost.h"

#include <QCoreApplication>
#include <QDateTime>

#include <libvirt/libvirt.h>

namespace bs {

namespace {

QString size(qint64 kib) {
    return units::formatKiB(quint64(qMax<qint64>(0, kib)));
}

} // namespace

AutopilotRunner::AutopilotRunner(MonitoredHost *host, HostOverviewFeed *feed,
                                 BalloonControls *controls, const AutopilotConfig &config,
                                 QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_controls(controls)
    , m_engine(config) {
    connect(host->worker(), &HostMonitor::cycleReady, this, &AutopilotRunner::onCycle);
    connect(host->worker(), &HostMonitor::statusChanged, this, [this](const HostStatus &status) {
        const bool connected = status.state == HostStatus::State::Connected;
        if (!connected && m_connected) {
            m_engine.onDisconnected();
            m_pending.reset(); // a poll of the old connection: never decided on
        }
        if (connected && !m_connected && m_running)
            readSettings(); // the guests may have changed while it was away
        m_connected = connected;
    });
    connect(feed, &HostOverviewFeed::sampleReady, this, &AutopilotRunner::onHostSample);
    connect(controls, &BalloonControls::changeRecorded, this, &AutopilotRunner::onChange);
    m_settingsTimer.setInterval(SettingsRefreshMs);
    connect(&m_settingsTimer, &QTimer::timeout, this, &AutopilotRunner::readSettings);
}

AutopilotRunner::~AutopilotRunner() = default;

void AutopilotRunner::setHistory(HistoryStore *store) {
    m_store = store;
    if (store)
        connect(store, &HistoryStore::hostWriteStateChanged, this, &AutopilotRunner::onWriteState);
}

void AutopilotRunner::onWriteState(const HostWriteState &state) {
    if (state.hostId == m_host->hostId())
        m_leaseElsewhere = !state.recording;
}

void AutopilotRunner::start() {
    m_running = true;
    m_settingsTimer.start();
    readSettings();
}

void AutopilotRunner::stop(bool giveBack) {
    m_running = false;
    m_settingsTimer.stop();
    m_pending.reset();
    m_engine.stop();
    if (giveBack)
        apply(m_engine.giveBackMaximum());
}

void AutopilotRunner::readSettings() {
    QPointer<AutopilotRunner> self(this);
    m_host->submit([self](Connection *connection) {
        QHash<QString, GuestPolicySettings> settings;
        QString failure;
        if (!connection) {
            failure =
                QCoreApplication::translate("bs::AutopilotRunner", "The host is not connected.");
        } else {
            const GuestPolicyList list = readGuestPolicies(connection->get());
            failure = list.error;
            for (const GuestPolicyEntry &e : list.guests) {
                settings.insert(e.uuid, e.settings); // unreadable: off
                if (!e.error.isEmpty())
                    failure = e.error; // that guest stays off; said once
            }
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, settings, failure] {
                if (!self)
                    return;
                self->m_engine.setGuestSettings(settings);
                if (!failure.isEmpty())
                    Q_EMIT self->settingsFailed(failure);
                int enabled = 0;
                for (const GuestPolicySettings &s : settings)
                    enabled += s.enabled ? 1 : 0;
                Q_EMIT self->settingsRead(enabled);
            },
            Qt::QueuedConnection);
    });
}

void AutopilotRunner::onCycle(const PollCycle &cycle) {
    if (m_running)
        m_pending = cycle;
}

void AutopilotRunner::onHostSample(const HostSample &sample) {
    // The host's figures of the poll waiting for them (the feed reads them after the guests).
    if (!m_running || !m_pending || sample.timeMs != m_pending->timeMs) {
        qCDebug(lcAutopilot) << "host figures of" << sample.timeMs << "match no poll waiting"
                             << (m_pending ? m_pending->timeMs : -1);
        return;
    }
    const PollCycle cycle = *m_pending;
    m_pending.reset();
    if (m_leaseElsewhere || !m_connected) {
        qCDebug(lcAutopilot) << "not deciding: lease elsewhere" << m_leaseElsewhere << "connected"
                             << m_connected;
        return;
    }
    const QList<AutopilotAction> actions = m_engine.onCycle(cycle, sample);
    qCDebug(lcAutopilot) << "poll" << cycle.timeMs << "guests" << cycle.samples.size() << "moves"
                         << actions.size();
    if (!actions.isEmpty())
        apply(actions);
}

void AutopilotRunner::apply(const QList<AutopilotAction> &actions) {
    if (actions.isEmpty())
        return;
    const bool dryRun = m_engine.config().dryRun;
    Q_EMIT decided(actions, dryRun);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (dryRun) {
        for (const AutopilotAction &a : actions) {
            if (!m_store)
                continue;
            HistoryEvent e;
            e.timeMs = now;
            e.hostId = m_host->hostId();
            e.uuid = a.uuid;
            e.name = a.name;
            e.kind = HistoryEvent::Kind::Note;
            e.value = a.toKiB;
            e.text = QCoreApplication::translate("bs::AutopilotRunner",
                                                 "Autopilot (dry run) would set the balloon "
                                                 "%1 → %2: %3")
                         .arg(size(a.fromKiB), size(a.toKiB), decisionReasonText(a.reason));
            e.source = QStringLiteral("autopilot");
            m_store->recordEvent(e);
        }
        return;
    }
    QList<GuestPlan> plans;
    for (const AutopilotAction &a : actions) {
        GuestPlan plan;
        plan.hostId = m_host->hostId();
        plan.uuid = a.uuid;
        plan.name = a.name;
        BalloonStep step;
        step.kind = BalloonStep::Kind::LiveTarget;
        step.targetKiB = quint64(a.toKiB);
        step.before = a.fromKiB;
        plan.steps.append(step);
        plan.warningsAccepted = true; // the engine's guard is the check
        plans.append(plan);
        m_applying.insert(a.uuid, a);
    }
    m_controls->apply(plans);
}

void AutopilotRunner::onChange(const BalloonChangeEvent &change) {
    const auto it = m_applying.constFind(change.uuid);
    if (it == m_applying.cend())
        return; // someone else's change (a dialog): its own marker
    const AutopilotAction a = *it;
    m_applying.erase(it);
    if (!m_store)
        return;
    HistoryEvent e = HistoryEvent::fromBalloonChange(change);
    e.source = QStringLiteral("autopilot");
    e.text = QCoreApplication::translate("bs::AutopilotRunner", "Autopilot: %1 %2")
                 .arg(change.description(), decisionReasonText(a.reason));
    m_store->recordEvent(e);
}

} // namespace bs
