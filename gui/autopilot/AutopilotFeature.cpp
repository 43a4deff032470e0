#include "AutopilotFeature.h"

#include "AutopilotPage.h"
#include "app/HostRegistry.h"
#include "autopilot/AutopilotRunner.h"
#include "ballooncontrol/BalloonControls.h"
#include "history/HistoryStore.h"
#include "host/HostOverviewHub.h"
#include "libvirt/Connection.h"
#include "libvirt/ConnectionUri.h"
#include "monitor/MonitoredHost.h"
#include "workbench/Workbench.h"

namespace bs::gui {

AutopilotFeature::AutopilotFeature(Workbench *bench, HistoryStore *history)
    : QObject(bench)
    , m_bench(bench)
    , m_history(history)
    , m_page(new AutopilotPage(this)) {
    bench->addPage(m_page, tr("Autopilot"));
    connect(bench, &Workbench::currentHostChanged, this, &AutopilotFeature::updateHost);
    // Before the host's feed and connection go: nothing may run on them after.
    connect(bench->registry(), &HostRegistry::hostAboutToBeRemoved, this, &AutopilotFeature::drop);
    // The page's host (re)connected: its guests, as they are now.
    connect(bench->registry(), &HostRegistry::statusChanged, this, [this](const HostStatus &s) {
        if (s.state == HostStatus::State::Connected && s.hostId == m_page->hostId())
            readGuests(s.hostId);
    });
    updateHost();
}

AutopilotFeature::~AutopilotFeature() {
    for (const QString &hostId : m_pilots.keys())
        drop(hostId);
    delete m_page; // ours until the window deletes it (it does so first, when there is one)
}

AutopilotPage *AutopilotFeature::page() const {
    return m_page;
}

void AutopilotFeature::updateHost() {
    const QString hostId = m_bench->currentHostId();
    m_page->setHost(hostId, hostId.isEmpty() ? QString() : hostDisplayName(hostId));
}

bool AutopilotFeature::isRunning(const QString &hostId) const {
    const auto it = m_pilots.constFind(hostId);
    return it != m_pilots.cend() && it->runner->isRunning();
}

void AutopilotFeature::start(const QString &hostId, const AutopilotConfig &config) {
    drop(hostId);
    MonitoredHost *host = m_bench->registry()->host(hostId);
    HostOverviewFeed *feed = m_bench->hostHub()->feed(hostId);
    if (!host || !feed)
        return;
    Pilot p;
    p.controls = new BalloonControls(host, this);
    p.runner = new AutopilotRunner(host, feed, p.controls, config, this);
    p.runner->setHistory(m_history);
    connect(p.runner, &AutopilotRunner::decided, this,
            [this, hostId](const QList<AutopilotAction> &actions, bool dryRun) {
                Q_EMIT decided(hostId, actions, dryRun);
            });
    connect(p.runner, &AutopilotRunner::settingsRead, this,
            [this, hostId](int enabled) { Q_EMIT settingsRead(hostId, enabled); });
    m_pilots.insert(hostId, p);
    p.runner->start();
    Q_EMIT stateChanged(hostId);
}

void AutopilotFeature::stop(const QString &hostId, bool giveBack) {
    const auto it = m_pilots.constFind(hostId);
    if (it == m_pilots.cend())
        return;
    it->runner->stop(giveBack); // no decision from here on; the give-back runs on the host
    Q_EMIT stateChanged(hostId);
}

void AutopilotFeature::drop(const QString &hostId) {
    const Pilot p = m_pilots.take(hostId);
    if (!p.runner)
        return;
    p.runner->stop(false);
    delete p.runner;
    delete p.controls;
    Q_EMIT stateChanged(hostId);
}

void AutopilotFeature::readGuests(const QString &hostId) {
    MonitoredHost *host = m_bench->registry()->host(hostId);
    if (!host) {
        Q_EMIT guestsRead(hostId, GuestPolicyList{{}, tr("The host is not watched.")});
        return;
    }
    QPointer<AutopilotFeature> self(this);
    host->submit([self, hostId](Connection *connection) {
        GuestPolicyList list;
        if (connection)
            list = readGuestPolicies(connection->get());
        else
            list.error = tr("The host is not connected.");
        QMetaObject::invokeMethod(
            self.data(),
            [self, hostId, list] {
                if (self)
                    Q_EMIT self->guestsRead(hostId, list);
            },
            Qt::QueuedConnection);
    });
}

void AutopilotFeature::writeGuest(const QString &hostId, const QString &uuid,
                                  const std::optional<GuestPolicySettings> &settings) {
    MonitoredHost *host = m_bench->registry()->host(hostId);
    if (!host) {
        Q_EMIT guestWritten(hostId, uuid, tr("The host is not watched."));
        return;
    }
    QPointer<AutopilotFeature> self(this);
    host->submit([self, hostId, uuid, settings](Connection *connection) {
        QString error;
        if (!connection)
            error = tr("The host is not connected.");
        else if (const Status s = writeGuestPolicy(connection->get(), uuid, settings); !s)
            error = s.error().message;
        QMetaObject::invokeMethod(
            self.data(),
            [self, hostId, uuid, error] {
                if (self)
                    Q_EMIT self->guestWritten(hostId, uuid, error);
            },
            Qt::QueuedConnection);
    });
}

} // namespace bs::gui
