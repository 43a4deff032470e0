#include "ReadinessFeature.h"

#include "AgentOptIn.h"
#include "ReadinessDialog.h"
#include "ReadinessPage.h"
#include "ReadinessTableModel.h"
#include "ReadinessTracker.h"
#include "app/HostRegistry.h"
#include "guests/GuestTableModel.h"
#include "hosts/HostFreshness.h"
#include "libvirt/ConnectionUri.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QMetaMethod>

namespace bs::gui {

namespace {

constexpr int MaxDialogsAtOnce = 8;

QString keyOf(const QString &hostId, const QString &uuid) {
    return hostId + QLatin1Char('\n') + uuid;
}

} // namespace

ReadinessFeature::ReadinessFeature(Workbench *bench)
    : QObject(bench)
    , m_bench(bench)
    , m_optIn(new AgentOptIn(bench->settings(), this))
    , m_tracker(new ReadinessTracker(bench->registry(), m_optIn, this))
    , m_table(new ReadinessTableModel(this))
    , m_page(new ReadinessPage(m_table))
    , m_action(new QAction(tr("&Readiness…"), this)) {
    m_table->setHostNames([this](const QString &hostId) { return hostName(hostId); });
    bench->addPage(m_page, tr("Readiness"));
    m_action->setToolTip(tr("Will the selected guests report their memory, and if not, why?"));
    bench->addGuestAction(m_action);

    connect(m_tracker, &ReadinessTracker::reportChanged, this, &ReadinessFeature::onReport);
    connect(m_tracker, &ReadinessTracker::reportsRemoved, this, &ReadinessFeature::onRemoved);
    connect(m_tracker, &ReadinessTracker::inspectionStarted, this, &ReadinessFeature::onStarted);
    connect(m_tracker, &ReadinessTracker::inspectionFinished, this, &ReadinessFeature::onFinished);
    connect(m_tracker, &ReadinessTracker::inspectionFailed, this, &ReadinessFeature::onFailed);
    connect(m_tracker, &ReadinessTracker::watching, this, &ReadinessFeature::onWatching);

    connect(m_action, &QAction::triggered, this, &ReadinessFeature::openSelected);
    connect(m_page, &ReadinessPage::inspectAllRequested, this, &ReadinessFeature::inspectAll);
    connect(m_page, &ReadinessPage::guestActivated, this,
            [this](const QString &hostId, const QString &uuid) { openDialog(hostId, uuid); });
    connect(bench->freshness(), &HostFreshness::changed, this, [this](const QString &hostId) {
        m_table->setHostAsOf(hostId, m_bench->freshness()->asOf(hostId));
    });
    connect(bench, &Workbench::hostSelected, this,
            [this](const QString &hostId) { m_page->setHostFilter(hostId, hostName(hostId)); });
    // Double-click (or Enter) on a guest's readiness badge opens its dialog.
    connect(bench, &Workbench::guestActivated, this, [this](const QModelIndex &index) {
        if (index.column() == GuestTableModel::Readiness)
            openDialog(index.data(GuestTableModel::HostIdRole).toString(),
                       index.data(GuestTableModel::UuidRole).toString());
    });
}

ReadinessFeature::~ReadinessFeature() {
    delete m_page; // ours until the window deletes it (it does so first, when there is one)
}

QString ReadinessFeature::hostName(const QString &hostId) const {
    return hostDisplayName(hostId);
}

void ReadinessFeature::openSelected() {
    const auto guests = m_bench->selectedGuests();
    for (int i = 0; i < guests.size() && i < MaxDialogsAtOnce; ++i)
        openDialog(guests.at(i).first, guests.at(i).second);
}

ReadinessDialog *ReadinessFeature::openDialog(const QString &hostId, const QString &uuid) {
    if (hostId.isEmpty() || uuid.isEmpty())
        return nullptr;
    const QString key = keyOf(hostId, uuid);
    if (ReadinessDialog *open = m_dialogs.value(key)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new ReadinessDialog(hostId, uuid, m_bench->dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const GuestTableModel *guests = m_bench->guestModel();
    const GuestTableModel::Row *row = guests->rowAt(guests->rowOf(hostId, uuid));
    dialog->setNames(row ? row->name : uuid, hostName(hostId));
    dialog->setAgentOptIn(m_optIn);
    dialog->setStatsPeriodAvailable(
        isSignalConnected(QMetaMethod::fromSignal(&ReadinessFeature::statsPeriodRequested)));
    connect(dialog, &ReadinessDialog::statsPeriodRequested, this,
            &ReadinessFeature::statsPeriodRequested);
    connect(dialog, &ReadinessDialog::checkAgainRequested, this,
            [this](const QString &host, const QString &guest) {
                m_tracker->checkNow(host, {guest}, true);
            });
    m_dialogs.insert(key, dialog);
    connect(dialog, &QObject::destroyed, this, [this, key] { m_dialogs.remove(key); });
    if (const ReadinessReport *report = m_tracker->report(hostId, uuid))
        dialog->setReport(*report);
    if (m_userRuns.value(hostId))
        dialog->setChecking(true);
    dialog->show();
    if (!m_tracker->report(hostId, uuid)) // nothing to show yet: decide from what was seen
        m_tracker->checkNow(hostId, {uuid}, false);
    return dialog;
}

QList<ReadinessDialog *> ReadinessFeature::dialogsOf(const QString &hostId) const {
    QList<ReadinessDialog *> out;
    for (const auto &dialog : m_dialogs) {
        if (dialog && dialog->hostId() == hostId)
            out.append(dialog);
    }
    return out;
}

void ReadinessFeature::onReport(const ReadinessReport &report) {
    m_table->setReport(report);
    m_bench->guestModel()->setReadiness(report.hostId, report.uuid, ReadinessSummary::from(report));
    if (ReadinessDialog *dialog = m_dialogs.value(keyOf(report.hostId, report.uuid)))
        dialog->setReport(report);
}

void ReadinessFeature::onRemoved(const QString &hostId, const QStringList &uuids) {
    m_table->removeReports(hostId, uuids);
    m_bench->guestModel()->clearReadiness(hostId, uuids);
}

void ReadinessFeature::onStarted(const QString &hostId, bool agentChecks, bool byUser) {
    m_userRuns.insert(hostId, byUser);
    if (!byUser)
        return; // automatic checks are instant and quiet
    for (ReadinessDialog *dialog : dialogsOf(hostId))
        dialog->setChecking(true, agentChecks);
    setProgress(hostId, agentChecks ? tr("Checking %1, with the guest agent…").arg(hostName(hostId))
                                    : tr("Checking %1…").arg(hostName(hostId)));
}

void ReadinessFeature::onFinished(const QString &hostId) {
    if (!m_userRuns.take(hostId))
        return;
    for (ReadinessDialog *dialog : dialogsOf(hostId))
        dialog->setChecking(false);
    setProgress(hostId, {});
}

void ReadinessFeature::onFailed(const QString &hostId, const QString &message) {
    if (!m_userRuns.value(hostId))
        return; // an automatic check that failed is tried again later; the host list says why
    for (ReadinessDialog *dialog : dialogsOf(hostId))
        dialog->setFailed(message);
    setProgress(hostId, tr("%1: the check failed: %2").arg(hostName(hostId), message));
    m_userRuns.remove(hostId);
}

void ReadinessFeature::onWatching(const QString &hostId, int secondsLeft, int guestsLeft) {
    if (!m_userRuns.value(hostId))
        return;
    for (ReadinessDialog *dialog : dialogsOf(hostId))
        dialog->setWatching(secondsLeft, guestsLeft);
    setProgress(hostId, tr("%1: watching %n guest(s), about %2 s left", nullptr, guestsLeft)
                            .arg(hostName(hostId))
                            .arg(secondsLeft));
}

void ReadinessFeature::setProgress(const QString &hostId, const QString &text) {
    if (text.isEmpty())
        m_progress.remove(hostId);
    else
        m_progress.insert(hostId, text);
    m_page->setProgress(
        QStringList(m_progress.cbegin(), m_progress.cend()).join(QStringLiteral(" · ")));
}

void ReadinessFeature::inspectAll() {
    const QString only = m_page->hostFilter();
    for (const QString &hostId : m_bench->registry()->hostIds()) {
        if (only.isEmpty() || only == hostId)
            m_tracker->checkNow(hostId, {}, false);
    }
}

} // namespace bs::gui
