#include "BalloonFeature.h"

#include "BalloonTargetDialog.h"
#include "ChangeMarkers.h"
#include "FreePageReportingDialog.h"
#include "NextBootDialog.h"
#include "StatsPeriodDialog.h"
#include "app/HostRegistry.h"
#include "ballooncontrol/BalloonControls.h"
#include "common/Units.h"
#include "guests/GuestTableModel.h"
#include "hosts/HostFreshness.h"
#include "libvirt/ConnectionUri.h"
#include "workbench/Workbench.h"

#include <QAction>

namespace bs::gui {

namespace {

QString keyOf(const QString &hostId, const QString &uuid) {
    return hostId + QLatin1Char('\n') + uuid;
}

} // namespace

BalloonFeature::BalloonFeature(Workbench *bench)
    : QObject(bench)
    , m_bench(bench)
    , m_periodAction(new QAction(tr("&Stats period…"), this))
    , m_targetAction(new QAction(tr("&Balloon target…"), this))
    , m_freePagesAction(new QAction(tr("&Free page reporting…"), this))
    , m_markers(new ChangeMarkers(bench->liveChart(), this)) {
    m_periodAction->setObjectName(QStringLiteral("statsPeriodAction"));
    m_targetAction->setObjectName(QStringLiteral("balloonTargetAction"));
    bench->addGuestAction(m_periodAction);
    bench->addGuestAction(m_targetAction);
    m_freePagesAction->setObjectName(QStringLiteral("freePageReportingAction"));
    bench->addGuestAction(m_freePagesAction);
    connect(m_freePagesAction, &QAction::triggered, this, [this] {
        QHash<QString, QStringList> uuids; // one dialog per host
        for (const auto &[hostId, uuid] : m_bench->selectedGuests())
            uuids[hostId] << uuid;
        for (auto it = uuids.cbegin(); it != uuids.cend(); ++it)
            openFreePageReporting(it.key(), it.value());
    });
    connect(m_periodAction, &QAction::triggered, this, &BalloonFeature::openSelectedStatsPeriod);
    connect(m_targetAction, &QAction::triggered, this, &BalloonFeature::openSelectedTarget);

    connect(bench, &Workbench::guestSelectionChanged, this, &BalloonFeature::updateActions);
    connect(bench->registry(), &HostRegistry::statusChanged, this, &BalloonFeature::updateActions);
    connect(bench->freshness(), &HostFreshness::changed, this, &BalloonFeature::updateActions);
    connect(bench->registry(), &HostRegistry::hostAboutToBeRemoved, this,
            &BalloonFeature::onHostAboutToBeRemoved);

    connect(this, &BalloonFeature::changeRecorded, m_markers, &ChangeMarkers::add);
    connect(bench, &Workbench::currentGuestChanged, m_markers, &ChangeMarkers::showGuest);
    connect(bench->registry(), &HostRegistry::guestsRemoved, m_markers,
            &ChangeMarkers::removeGuests);
    updateActions();
}

BalloonFeature::~BalloonFeature() = default;

QString BalloonFeature::hostName(const QString &hostId) const {
    const GuestTableModel *guests = m_bench->guestModel();
    for (int row = 0; row < guests->rowCount(); ++row) {
        const GuestTableModel::Row *r = guests->rowAt(row);
        if (r->hostId == hostId && !r->hostName.isEmpty())
            return r->hostName;
    }
    return hostDisplayName(hostId);
}

void BalloonFeature::updateActions() {
    const auto selected = m_bench->selectedGuests();
    QString problem;
    if (selected.isEmpty())
        problem = tr("Select one or more guests first.");
    for (const auto &[hostId, uuid] : selected) {
        if (!m_bench->registry()->contains(hostId)) {
            problem = tr("%1 is not watched any more.").arg(hostName(hostId));
            break;
        }
        if (m_bench->freshness()->isStale(hostId)) {
            problem = tr("%1 Changes wait until the host answers again.")
                          .arg(m_bench->freshness()->reason(hostId));
            break;
        }
        if (m_bench->isReadOnly(hostId)) {
            problem = tr("The connection to %1 is read-only: reconnect with write access to "
                         "change guests.")
                          .arg(hostName(hostId));
            break;
        }
    }
    const auto set = [](QAction *action, bool enabled, const QString &tip) {
        action->setEnabled(enabled);
        action->setToolTip(tip);
        action->setStatusTip(enabled ? QString() : tip);
    };
    set(m_periodAction, problem.isEmpty(),
        problem.isEmpty() ? tr("Turn the balloon statistics of the selected guests on or off.")
                          : problem);
    set(m_freePagesAction, problem.isEmpty(),
        problem.isEmpty() ? tr("Turn free page reporting on for the selected guests from their "
                               "next boot, so that memory they free goes back to the host.")
                          : problem);
    const bool one = selected.size() == 1;
    set(m_targetAction, problem.isEmpty() && one,
        !problem.isEmpty() ? problem
        : one              ? tr("Give the selected guest more or less memory through its balloon.")
                           : tr("Select exactly one guest to set its balloon target."));
}

BalloonControls *BalloonFeature::controlsFor(const QString &hostId) {
    if (const auto it = m_controls.find(hostId); it != m_controls.end())
        return it->second;
    MonitoredHost *host = m_bench->registry()->host(hostId);
    if (!host)
        return nullptr;
    auto *controls = new BalloonControls(host, this);
    connect(controls, &BalloonControls::changeRecorded, this, &BalloonFeature::changeRecorded);
    m_controls.emplace(hostId, controls);
    return controls;
}

void BalloonFeature::openSelectedStatsPeriod() {
    // One dialog per host: each host applies with its own connection.
    QStringList hosts;
    QHash<QString, QStringList> uuids;
    for (const auto &[hostId, uuid] : m_bench->selectedGuests()) {
        if (!hosts.contains(hostId))
            hosts << hostId;
        uuids[hostId] << uuid;
    }
    for (const QString &hostId : std::as_const(hosts))
        openStatsPeriod(hostId, uuids.value(hostId));
}

StatsPeriodDialog *BalloonFeature::openStatsPeriod(const QString &hostId,
                                                   const QStringList &uuids) {
    MonitoredHost *host = m_bench->registry()->host(hostId);
    if (!host || uuids.isEmpty())
        return nullptr;
    auto *dialog = new StatsPeriodDialog(host, controlsFor(hostId), uuids, m_bench->dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHostName(hostName(hostId));
    dialog->setDefaultPeriod(m_bench->preferences().defaultStatsPeriod);
    connect(dialog, &StatsPeriodDialog::readinessRequested, this,
            &BalloonFeature::readinessRequested);
    m_periodDialogs.removeAll(nullptr);
    m_periodDialogs.append(dialog);
    dialog->show();
    return dialog;
}

void BalloonFeature::openSelectedTarget() {
    const auto selected = m_bench->selectedGuests();
    if (selected.size() == 1)
        openBalloonTarget(selected.constFirst().first, selected.constFirst().second);
}

BalloonTargetDialog *BalloonFeature::openBalloonTarget(const QString &hostId, const QString &uuid) {
    const QString key = keyOf(hostId, uuid);
    if (BalloonTargetDialog *open = m_targetDialogs.value(key)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    MonitoredHost *host = m_bench->registry()->host(hostId);
    if (!host)
        return nullptr;
    auto *dialog =
        new BalloonTargetDialog(host, controlsFor(hostId), uuid, m_bench->dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHostName(hostName(hostId));
    BalloonTargetPolicy policy;
    policy.margin = m_bench->preferences().usedMarginPercent / 100.0;
    dialog->setPolicy(policy);
    m_targetDialogs.insert(key, dialog);
    connect(dialog, &QObject::destroyed, this, [this, key] { m_targetDialogs.remove(key); });
    dialog->show();
    return dialog;
}

void BalloonFeature::openRecommendedTargets(const QString &hostId,
                                            const QHash<QString, qint64> &targetsKiB) {
    for (auto it = targetsKiB.cbegin(); it != targetsKiB.cend(); ++it) {
        if (BalloonTargetDialog *dialog = openBalloonTarget(hostId, it.key())) {
            dialog->presetTargetMiB(int(it.value() / 1024),
                                    tr("The Sizing page recommends %1 for this guest.")
                                        .arg(units::formatKiB(quint64(it.value()))));
        }
    }
}

FreePageReportingDialog *BalloonFeature::openFreePageReporting(const QString &hostId,
                                                               const QStringList &uuids) {
    if (uuids.isEmpty() || !m_bench->registry()->host(hostId))
        return nullptr;
    auto *dialog = new FreePageReportingDialog(controlsFor(hostId), hostName(hostId), uuids,
                                               m_bench->dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

NextBootDialog *BalloonFeature::openNextBootMemory(const QString &hostId,
                                                   const QHash<QString, qint64> &memoryKiB) {
    if (memoryKiB.isEmpty() || !m_bench->registry()->host(hostId))
        return nullptr;
    auto *dialog = new NextBootDialog(controlsFor(hostId), hostName(hostId), memoryKiB,
                                      m_bench->dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void BalloonFeature::onHostAboutToBeRemoved(const QString &hostId) {
    for (const auto &dialog : std::as_const(m_periodDialogs)) {
        if (dialog && dialog->hostId() == hostId)
            dialog->hostGone();
    }
    for (const auto &dialog : std::as_const(m_targetDialogs)) {
        if (dialog && dialog->hostId() == hostId)
            dialog->hostGone();
    }
    if (const auto it = m_controls.find(hostId); it != m_controls.end()) {
        delete it->second;
        m_controls.erase(it);
    }
    updateActions();
}

} // namespace bs::gui
