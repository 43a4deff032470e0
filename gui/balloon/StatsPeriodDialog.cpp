#include "StatsPeriodDialog.h"

#include "InlineMessage.h"
#include "MemballoonDiffView.h"
#include "PeriodChooser.h"
#include "PlanText.h"
#include "ScopeChooser.h"
#include "StatsPeriodModel.h"
#include "balloon/StatsPeriodPlanner.h"
#include "ballooncontrol/BalloonControls.h"
#include "ballooncontrol/StatsFlowWatch.h"
#include "monitor/MonitoredHost.h"
#include "readiness/WrappedTextDelegate.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

QString noBalloonWords(BalloonModel model) {
    return model == BalloonModel::None ? QStringLiteral("<memballoon model='none'/>")
                                       : StatsPeriodDialog::tr("no <memballoon> element");
}

} // namespace

StatsPeriodDialog::StatsPeriodDialog(MonitoredHost *host, BalloonControls *controls,
                                     const QStringList &uuids, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_controls(controls)
    , m_hostId(host ? host->hostId() : QString())
    , m_hostName(m_hostId)
    , m_uuids(uuids)
    , m_banner(new InlineMessage(this))
    , m_period(new PeriodChooser(this))
    , m_scope(new ScopeChooser(this))
    , m_virtio(new QCheckBox(this))
    , m_scopeMessage(new InlineMessage(this))
    , m_model(new StatsPeriodModel(this))
    , m_view(new QTableView(this))
    , m_previewTitle(new QLabel(this))
    , m_preview(new MemballoonDiffView(this))
    , m_readiness(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_close(new QPushButton(tr("&Close"), this)) {
    setObjectName(QStringLiteral("StatsPeriodDialog"));
    auto *layout = new QVBoxLayout(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    layout->addWidget(m_banner);
    auto *intro = new QLabel(tr("A guest reports its own memory use only while its balloon "
                                "driver has a stats period. Choose the period and where it "
                                "applies; the table shows what that means for each guest."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    buildControls(layout);

    m_view->setObjectName(QStringLiteral("guestView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new WrappedTextDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(StatsPeriodModel::Plan, QHeaderView::Stretch);
    const int widths[] = {120, 90, 100, 80, 90, 0, 150, 200};
    for (int c = 0; c < StatsPeriodModel::ColumnCount; ++c) {
        if (widths[c] > 0) // never narrower than the (translated) header
            m_view->setColumnWidth(c, std::max(widths[c], columns->sectionSizeHint(c)));
    }
    layout->addWidget(m_view, 3);
    connect(columns, &QHeaderView::sectionResized, m_view,
            [this] { QTimer::singleShot(0, m_view, &QTableView::resizeRowsToContents); });

    m_previewTitle->setObjectName(QStringLiteral("previewTitle"));
    layout->addWidget(m_previewTitle);
    m_preview->setObjectName(QStringLiteral("preview"));
    // The element is a few lines long: room for those, not more.
    m_preview->setMinimumHeight(m_preview->fontMetrics().lineSpacing() * 4);
    m_preview->setMaximumHeight(m_preview->fontMetrics().lineSpacing() * 9);
    layout->addWidget(m_preview, 1);

    auto *bottom = new QHBoxLayout;
    m_readiness->setObjectName(QStringLiteral("readinessButton"));
    m_readiness->setToolTip(tr("Why the selected guest does or does not report, in detail."));
    bottom->addWidget(m_readiness);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    bottom->addWidget(m_progress);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    bottom->addWidget(m_status, 1);
    auto *buttons = new QDialogButtonBox(this);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_apply, &QPushButton::clicked, this, &StatsPeriodDialog::apply);
    connect(m_close, &QPushButton::clicked, this, &StatsPeriodDialog::reject);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StatsPeriodDialog::updatePreview);
    connect(m_readiness, &QPushButton::clicked, this, [this] {
        if (const QString uuid = currentUuid(); !uuid.isEmpty())
            Q_EMIT readinessRequested(m_hostId, uuid);
    });
    if (m_controls) {
        connect(m_controls, &BalloonControls::inspected, this, &StatsPeriodDialog::onInspected);
        connect(m_controls, &BalloonControls::inspectFailed, this,
                &StatsPeriodDialog::onInspectFailed);
        connect(m_controls, &BalloonControls::progress, this, &StatsPeriodDialog::onProgress);
        connect(m_controls, &BalloonControls::guestApplied, this,
                &StatsPeriodDialog::onGuestApplied);
        connect(m_controls, &BalloonControls::finished, this, &StatsPeriodDialog::onFinished);
    }
    if (m_host) {
        m_watch = new StatsFlowWatch(m_host, this);
        connect(m_watch, &StatsFlowWatch::verdict, m_model, &StatsPeriodModel::setFlow);
        connect(m_watch, &StatsFlowWatch::verdict, this, &StatsPeriodDialog::updatePreview);
    }

    setHostName(m_hostName);
    resize(1200, 560);
    updateReadOnly();
    inspect();
}

StatsPeriodDialog::~StatsPeriodDialog() = default;

void StatsPeriodDialog::buildControls(QLayout *layout) {
    auto *form = new QFormLayout;
    form->addRow(tr("Stats period:"), m_period);
    form->addRow(tr("Apply to:"), m_scope);
    m_virtio->setObjectName(QStringLiteral("virtioSwitch"));
    m_virtio->setText(tr("&Switch to virtio in the persistent configuration of guests without "
                         "a balloon device (takes effect after their next shutdown and start)"));
    m_virtio->setToolTip(tr("Adds or changes <memballoon> to model='virtio' with the period "
                            "above. A running guest cannot get a balloon device: it keeps running "
                            "without one until it is shut down and started again."));
    m_virtio->hide(); // offered only where it helps
    form->addRow(QString(), m_virtio);
    m_scopeMessage->setObjectName(QStringLiteral("scopeMessage"));
    form->addRow(QString(), m_scopeMessage);
    static_cast<QVBoxLayout *>(layout)->addLayout(form);

    connect(m_period, &PeriodChooser::changed, this, &StatsPeriodDialog::replan);
    connect(m_scope, &ScopeChooser::changed, this, [this] {
        if (!m_scope->persistent() && m_virtio->isChecked())
            m_virtio->setChecked(false); // the switch is a persistent change
        replan();
    });
    connect(m_virtio, &QCheckBox::toggled, this, [this](bool on) {
        if (on && !m_scope->persistent())
            m_scope->persistentBox()->setChecked(true); // visibly: the switch needs it
        replan();
    });
}

void StatsPeriodDialog::setHostName(const QString &name) {
    m_hostName = name.isEmpty() ? m_hostId : name;
    const int count = int(m_uuids.size());
    if (count == 1 && m_model->rowCount() == 1)
        setWindowTitle(
            tr("Stats period of %1 on %2")
                .arg(m_model->index(0, StatsPeriodModel::Guest).data().toString(), m_hostName));
    else
        setWindowTitle(count == 1
                           ? tr("Stats period of %1 on %2").arg(m_uuids.constFirst(), m_hostName)
                           : tr("Stats period of %1 guests on %2").arg(count).arg(m_hostName));
    updateReadOnly();
}

void StatsPeriodDialog::setDefaultPeriod(int seconds) {
    if (StatsPeriodSetting::seconds(seconds))
        m_period->setSeconds(seconds);
}

void StatsPeriodDialog::inspect() {
    if (!m_controls) {
        m_banner->setMessage(InlineMessage::Kind::Error, tr("The host is no longer watched."));
        setEditable(false);
        return;
    }
    if (!m_read) // a re-read after applying keeps the summary in view
        m_status->setText(tr("Reading the guests' settings…"));
    m_inspectOp = m_controls->inspect({m_uuids, false});
}

void StatsPeriodDialog::onInspected(quint64 operation, const QList<GuestBalloonInfo> &guests) {
    if (operation != m_inspectOp)
        return;
    m_inspectOp = 0;
    const QString current = currentUuid();
    QList<GuestBalloonInfo> read = guests;
    for (GuestBalloonInfo &guest : read) {
        if (guest.uuid.isEmpty() && m_uuids.contains(guest.name))
            guest.uuid = guest.name; // gone: asked by UUID, keep its row (and its result)
    }
    m_model->setGuests(read);
    if (!m_read)
        m_status->clear();
    m_read = true;
    setHostName(m_hostName); // the title names a single guest now
    replan();
    const int row = std::max(0, m_model->rowOf(current));
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    updatePreview();
    Q_EMIT guestsRead();
}

void StatsPeriodDialog::onInspectFailed(quint64 operation, const Error &error) {
    if (operation != m_inspectOp)
        return;
    m_inspectOp = 0;
    m_status->clear();
    m_banner->setMessage(InlineMessage::Kind::Error,
                         tr("The guests could not be read: %1").arg(error.message));
    updateApply();
}

void StatsPeriodDialog::replan() {
    if (isApplying())
        return;
    const auto setting = m_period->setting();
    const auto scope = m_scope->scope();
    bool offered = false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const GuestBalloonInfo &guest = m_model->row(row).info;
        GuestPlan plan;
        plan.hostId = guest.hostId;
        plan.uuid = guest.uuid;
        plan.name = guest.name;
        if (setting && scope) {
            plan = planStatsPeriod(guest, {*setting, *scope, m_virtio->isChecked()});
            // The planner's sentence names the CLI option; here the choice is the check box.
            for (StepRefusal &refusal : plan.refusals) {
                if (plan.offerVirtioSwitch && refusal.part == StepRefusal::Part::Persistent)
                    refusal.reason =
                        tr("The persistent configuration has no balloon device (%1). Tick "
                           "\"Switch to virtio\" above to add one; it takes effect after the "
                           "guest's next shutdown and start.")
                            .arg(noBalloonWords(guest.persistentBalloon.model));
            }
        }
        offered |= plan.offerVirtioSwitch;
        const QString context = !setting ? tr("No valid period chosen yet.")
                                : !scope ? tr("Not planned: choose where the period applies.")
                                         : m_scope->skippedFor(guest);
        m_model->setPlan(row, plan, context);
    }
    m_virtio->setVisible(offered || m_virtio->isChecked());
    m_scopeMessage->setMessage(InlineMessage::Kind::Error,
                               scope ? QString()
                                     : tr("Choose where the period applies: the running guest, "
                                          "its persistent configuration, or both."));
    m_view->resizeRowsToContents();
    updatePreview();
    updateApply();
}

void StatsPeriodDialog::updatePreview() {
    const int row = m_view->currentIndex().row();
    m_readiness->setEnabled(row >= 0);
    if (row < 0 || row >= m_model->rowCount()) {
        m_readiness->setText(tr("Open &readiness…"));
        m_previewTitle->setText(tr("Persistent configuration"));
        m_preview->setMessage(tr("Select a guest to see how its configuration changes."));
        return;
    }
    const StatsPeriodModel::Row &r = m_model->row(row);
    const QString name = r.info.name.isEmpty() ? r.info.uuid : r.info.name;
    m_readiness->setText(tr("Open &readiness of %1…").arg(name));
    m_previewTitle->setText(tr("Persistent <memballoon> of %1:").arg(name));
    if (!r.plan.preview.diff.isEmpty() && r.plan.preview.changed)
        m_preview->setPreview(r.plan.preview);
    else if (!r.plan.preview.diff.isEmpty())
        m_preview->setMessage(tr("No change: the persistent configuration already says this."));
    else if (!r.info.persistent)
        m_preview->setMessage(tr("No persistent configuration: the guest is transient."));
    else
        m_preview->setMessage(tr("The persistent configuration does not change."));
}

void StatsPeriodDialog::updateReadOnly() {
    bool readOnly = m_host && m_host->config().readOnly;
    for (int row = 0; row < m_model->rowCount(); ++row)
        readOnly |= m_model->row(row).info.readOnly;
    m_readOnly = readOnly;
    if (readOnly)
        m_banner->setMessage(
            InlineMessage::Kind::Error,
            tr("The connection to %1 is read-only: the guests' balloon settings can be seen here "
               "but not changed. To change them, edit the connection (File → Edit Connection…), "
               "clear \"Read-only\" and connect again.")
                .arg(m_hostName));
    setEditable(!isApplying());
}

void StatsPeriodDialog::setEditable(bool editable) {
    const bool canChange = editable && !m_readOnly && m_controls;
    m_period->setEnabled(canChange);
    m_scope->setEnabled(canChange);
    m_virtio->setEnabled(canChange);
    updateApply();
}

void StatsPeriodDialog::updateApply() {
    bool work = false;
    for (int row = 0; row < m_model->rowCount(); ++row)
        work |= m_model->row(row).plan.hasWork();
    const bool ready = m_read && !m_readOnly && m_controls && m_host && !isApplying() &&
                       m_inspectOp == 0 && m_period->setting() && m_scope->any();
    m_apply->setEnabled(ready && work);
    m_apply->setToolTip(ready && !work ? tr("Nothing to change: every guest already has this "
                                            "setting, or cannot have it (see the table).")
                                       : QString());
}

void StatsPeriodDialog::apply() {
    if (!m_apply->isEnabled())
        return;
    QList<GuestPlan> plans = m_model->plans();
    if (m_period->setting()->isOff()) {
        if (!m_confirm(this, tr("Turn the statistics off?"),
                       tr("The guests stop reporting their memory use; Balloonscope then shows "
                          "only the host's figures for them (actual, RSS).")))
            return;
    }
    QStringList warnings;
    for (const GuestPlan &plan : std::as_const(plans)) {
        for (const QString &warning : plan.warnings)
            warnings << QStringLiteral("%1: %2").arg(plan.name, warning);
    }
    if (!warnings.isEmpty()) {
        if (!m_confirm(this, tr("Apply despite the warnings?"), warnings.join(u'\n')))
            return;
        for (GuestPlan &plan : plans)
            plan.warningsAccepted = true;
    }
    for (const GuestPlan &plan : std::as_const(plans))
        m_model->setPhase(plan.uuid, StatsPeriodModel::Phase::Queued);
    m_applyDone = 0;
    m_progress->setRange(0, int(plans.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_banner->clear();
    m_applyOp = m_controls->apply(plans);
    m_close->setText(tr("&Stop"));
    m_close->setToolTip(tr("Stop after the guest being changed now; the others stay as they are."));
    setEditable(false);
}

void StatsPeriodDialog::onProgress(const ApplyProgress &progress) {
    if (progress.operation != m_applyOp)
        return;
    m_model->setPhase(progress.uuid, StatsPeriodModel::Phase::Applying);
    m_status->setText(tr("Applying %1 of %2: %3…")
                          .arg(progress.index + 1)
                          .arg(progress.total)
                          .arg(progress.name));
}

void StatsPeriodDialog::onGuestApplied(const GuestApplyResult &result) {
    if (result.operation != m_applyOp)
        return;
    m_model->setResult(result);
    m_progress->setValue(++m_applyDone);
    if (m_watch)
        m_watch->watchResult(result);
    m_view->resizeRowsToContents();
}

void StatsPeriodDialog::onFinished(const ApplySummary &summary) {
    if (summary.operation != m_applyOp)
        return;
    m_applyOp = 0;
    m_close->setText(tr("&Close"));
    m_close->setToolTip({});
    m_status->setText(PlanText::summaryLine(summary));
    setEditable(true);
    inspect(); // show the periods as they are now
}

void StatsPeriodDialog::hostGone() {
    m_model->markUnfinishedLost(
        tr("the connection was closed before the result arrived; check the guest"));
    if (isApplying()) {
        m_applyOp = 0;
        m_status->setText(tr("The connection was closed while applying."));
    }
    m_close->setText(tr("&Close"));
    m_controls = nullptr;
    m_banner->setMessage(
        InlineMessage::Kind::Error,
        tr("%1 is no longer watched: nothing more can be changed here.").arg(m_hostName));
    setEditable(false);
}

void StatsPeriodDialog::reject() {
    if (isApplying()) {
        // Never leave with changes under way and unreported: stop at the next guest instead.
        if (m_controls)
            m_controls->cancel(m_applyOp);
        m_status->setText(tr("Stopping after the guest being changed now…"));
        m_close->setEnabled(false);
        connect(
            m_controls, &BalloonControls::finished, m_close, [this] { m_close->setEnabled(true); },
            Qt::SingleShotConnection);
        return;
    }
    QDialog::reject();
}

QString StatsPeriodDialog::currentUuid() const {
    return m_view->currentIndex().data(StatsPeriodModel::UuidRole).toString();
}

} // namespace bs::gui
