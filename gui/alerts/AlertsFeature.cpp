#include "AlertsFeature.h"

#include "AlertNotifier.h"
#include "AlertRulesDialog.h"
#include "AlertsModel.h"
#include "AlertsPage.h"
#include "app/HostRegistry.h"
#include "balloon/BalloonChangeEvent.h"
#include "charts/LiveChart.h"
#include "history/HistoryService.h"
#include "host/HostOverviewHub.h"
#include "libvirt/ConnectionUri.h"
#include "workbench/Workbench.h"

#include <QSettings>

#include <limits>

namespace bs::gui {

namespace {

const QString RulesKey = QStringLiteral("alerts/rules");
const QString NotifyKey = QStringLiteral("alerts/notifications");

} // namespace

AlertsFeature::AlertsFeature(Workbench *bench, HistoryService *history, QDBusConnection bus)
    : QObject(bench)
    , m_bench(bench)
    , m_history(history)
    , m_watch(new HealthWatch(this))
    , m_model(new AlertsModel(this))
    , m_notifier(new AlertNotifier(std::move(bus), this))
    , m_page(new AlertsPage(m_model)) {
    QSettings &settings = bench->settings();
    m_watch->setThresholds(HealthThresholds::fromSpecs(settings.value(RulesKey).toStringList()));
    const bool notify = settings.value(NotifyKey, true).toBool();
    m_notifier->setEnabled(notify);
    m_page->setNotificationsEnabled(notify);
    bench->addPage(m_page, tr("Alerts"));

    HostRegistry *registry = bench->registry();
    connect(registry, &HostRegistry::cycleReady, m_watch, &HealthWatch::addCycle);
    connect(registry, &HostRegistry::cycleReady, this, [this](const PollCycle &cycle) {
        m_bench->liveChart()->setProcessNote(cycle.hostId, cycle.processFigures.note);
    });
    connect(registry, &HostRegistry::hostRemoved, this, [this](const QString &hostId) {
        m_watch->removeHost(hostId);
        m_model->removeHost(hostId);
        m_hostNames.remove(hostId);
    });
    connect(bench->hostHub(), &HostOverviewHub::sampleReady, m_watch, &HealthWatch::setHostSample);
    connect(m_watch, &HealthWatch::alertsChanged, this, &AlertsFeature::onAlerts);
    // Each evaluation brings the host's rows up to date (their figures move without an alert
    // changing); the model announces only what differs, and leaves the other hosts' rows be.
    connect(m_watch, &HealthWatch::evaluated, this, [this](const QString &hostId) {
        m_model->setAlerts(hostId, hostName(hostId), m_watch->alerts(hostId));
        if (hostId == m_chartHost)
            updatePressure();
    });
    connect(bench, &Workbench::currentGuestChanged, this,
            [this](const QString &hostId, const QString &uuid) {
                m_chartHost = hostId;
                m_chartUuid = uuid;
                updatePressure();
            });
    connect(m_watch, &HealthWatch::verdictChanged, this, &AlertsFeature::onVerdict);
    connect(m_page, &AlertsPage::rulesRequested, this, &AlertsFeature::openRules);
    connect(m_page, &AlertsPage::notificationsToggled, this,
            &AlertsFeature::setNotificationsEnabled);
}

AlertsFeature::~AlertsFeature() {
    delete m_page; // ours until the window deletes it (it does so first, when there is one)
}

AlertsPage *AlertsFeature::page() const {
    return m_page;
}

void AlertsFeature::updatePressure() {
    QList<PressureLanePoint> points = m_watch->pressureLane(m_chartHost, m_chartUuid);
    const bool any = std::any_of(points.cbegin(), points.cend(), [](const PressureLanePoint &p) {
        return p.hasRate() || p.hasPsi();
    });
    if (!any)
        points.clear(); // a guest without the counters and without PSI: no lane
    m_bench->liveChart()->setPressure(m_chartHost, m_chartUuid, points);
}

void AlertsFeature::setThresholds(const HealthThresholds &thresholds) {
    m_watch->setThresholds(thresholds);
    m_bench->settings().setValue(RulesKey, thresholds.toSpecs());
}

void AlertsFeature::setNotificationsEnabled(bool on) {
    m_notifier->setEnabled(on);
    if (m_page)
        m_page->setNotificationsEnabled(on);
    m_bench->settings().setValue(NotifyKey, on);
}

void AlertsFeature::openRules() {
    AlertRulesDialog dialog(m_watch->thresholds(), m_bench->dialogParent());
    if (dialog.exec() == QDialog::Accepted)
        setThresholds(dialog.thresholds());
}

void AlertsFeature::balloonChanged(const BalloonChangeEvent &change) {
    if (change.kind == BalloonChangeEvent::Kind::BalloonTarget && change.live && change.after)
        m_watch->setTarget(change.hostId, change.uuid, BalloonTarget{*change.after, change.timeMs});
}

const QString &AlertsFeature::hostName(const QString &hostId) {
    auto it = m_hostNames.find(hostId);
    if (it == m_hostNames.end())
        it = m_hostNames.insert(hostId, hostDisplayName(hostId));
    return *it;
}

// The changes only: the model follows `evaluated` (and a removed host, `hostRemoved`).
void AlertsFeature::onAlerts(const QString &hostId, const QList<AlertChange> &changes) {
    m_notifier->notify(hostName(hostId), changes);
    if (!m_history)
        return;
    for (const AlertChange &c : changes) {
        const HealthFinding &f = c.finding;
        if (f.severity < Severity::Warning || c.timeMs <= 0)
            continue; // notes are not markers; a host that went is not an event
        HistoryEvent e;
        e.timeMs = c.timeMs;
        e.hostId = hostId;
        e.uuid = f.uuid;
        e.kind = HistoryEvent::Kind::Note;
        e.source = QStringLiteral("health");
        switch (c.kind) {
        case AlertChange::Kind::Raised:
        case AlertChange::Kind::Escalated:
        case AlertChange::Kind::Eased:
            e.text = tr("Alert (%1): %2: %3")
                         .arg(severityName(f.severity), healthRuleTitle(f.rule), f.message);
            break;
        case AlertChange::Kind::Cleared:
            e.text = tr("Alert cleared: %1").arg(healthRuleTitle(f.rule));
            break;
        }
        m_history->recordEvent(e);
    }
}

void AlertsFeature::onVerdict(const QString &hostId, const QString &uuid, const QString &,
                              Verdict from, Verdict to, qint64 timeMs) {
    if (!m_history)
        return;
    HistoryEvent e;
    e.timeMs = timeMs;
    e.hostId = hostId;
    e.uuid = uuid;
    e.kind = HistoryEvent::Kind::Note;
    e.source = QStringLiteral("health");
    e.text = tr("Readiness: %1 → %2").arg(verdictName(from), verdictName(to));
    m_history->recordEvent(e);
}

} // namespace bs::gui
