#include "FreePageReportingDialog.h"

#include "balloon/BalloonResult.h"
#include "balloon/FreePageReportingPlanner.h"
#include "ballooncontrol/BalloonControls.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bs::gui {

FreePageReportingDialog::FreePageReportingDialog(BalloonControls *controls, const QString &hostName,
                                                 const QStringList &uuids, QWidget *parent)
    : QDialog(parent)
    , m_controls(controls)
    , m_autodeflate(new QCheckBox(tr("Also turn on autodeflate (under memory pressure the guest "
                                     "may take balloon pages back)"),
                                  this))
    , m_preview(new QPlainTextEdit(this))
    , m_result(new QLabel(this))
    , m_apply(new QPushButton(tr("Apply"), this)) {
    setWindowTitle(tr("Free Page Reporting — %1").arg(hostName));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Without free page reporting, every page a guest ever touched stays with it on the "
           "host, however much it frees. This turns it on in each guest's persistent "
           "configuration: only the <memballoon> line below changes, and it takes effect after "
           "the guest's next shutdown and start."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_autodeflate->setChecked(true);
    layout->addWidget(m_autodeflate);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setPlainText(tr("Reading the guests…"));
    layout->addWidget(m_preview, 1);
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    layout->addWidget(buttons);
    m_apply->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &FreePageReportingDialog::apply);
    connect(m_autodeflate, &QCheckBox::toggled, this, &FreePageReportingDialog::replan);
    resize(680, 440);

    connect(m_controls, &BalloonControls::inspected, this, &FreePageReportingDialog::onInspected);
    connect(m_controls, &BalloonControls::inspectFailed, this,
            &FreePageReportingDialog::onInspectFailed);
    connect(m_controls, &BalloonControls::guestApplied, this,
            &FreePageReportingDialog::onGuestApplied);
    connect(m_controls, &BalloonControls::finished, this, &FreePageReportingDialog::onFinished);
    GuestSelection selection;
    selection.guests = uuids;
    m_inspectOp = m_controls->inspect(selection);
}

FreePageReportingDialog::~FreePageReportingDialog() = default;

void FreePageReportingDialog::onInspected(quint64 operation,
                                          const QList<GuestBalloonInfo> &guests) {
    if (operation != m_inspectOp)
        return;
    m_inspectOp = 0;
    m_guests = guests;
    replan();
    Q_EMIT planned();
}

void FreePageReportingDialog::replan() {
    if (m_applyOp != 0)
        return;
    m_plans.clear();
    QStringList text;
    bool work = false;
    for (const GuestBalloonInfo &guest : std::as_const(m_guests)) {
        const GuestPlan plan = planFreePageReporting(guest, m_autodeflate->isChecked());
        m_plans.append(plan);
        work = work || plan.hasWork();
        text.append(plan.name.isEmpty() ? plan.uuid : plan.name);
        if (plan.preview.changed) {
            for (const QString &line : plan.preview.diff)
                text.append(QStringLiteral("  ") + line);
        }
        for (const StepRefusal &r : plan.refusals)
            text.append(QStringLiteral("  ") + tr("Not possible: %1").arg(r.describe()));
        for (const QString &note : plan.notes)
            text.append(QStringLiteral("  ") + note);
        text.append(QString());
    }
    m_preview->setPlainText(text.join(QLatin1Char('\n')));
    m_apply->setEnabled(work);
}

void FreePageReportingDialog::onInspectFailed(quint64 operation, const Error &error) {
    if (operation != m_inspectOp)
        return;
    m_inspectOp = 0;
    m_preview->setPlainText(tr("The guests could not be read: %1").arg(error.message));
    Q_EMIT planned();
}

void FreePageReportingDialog::apply() {
    QList<GuestPlan> work;
    for (const GuestPlan &plan : std::as_const(m_plans)) {
        if (plan.hasWork())
            work.append(plan);
    }
    m_apply->setEnabled(false);
    m_autodeflate->setEnabled(false);
    m_result->setText(tr("Applying…"));
    m_applyOp = m_controls->apply(work);
}

void FreePageReportingDialog::onGuestApplied(const GuestApplyResult &result) {
    if (result.operation != m_applyOp)
        return;
    m_preview->appendPlainText(tr("%1: %2 — %3")
                                   .arg(result.name.isEmpty() ? result.uuid : result.name,
                                        guestOutcomeName(result.outcome), result.details()));
}

void FreePageReportingDialog::onFinished(const ApplySummary &summary) {
    if (summary.operation != m_applyOp)
        return;
    m_applyOp = 0;
    m_result->setText(tr("%1 changed, %2 failed. It takes effect after each guest's next "
                         "shutdown and start.")
                          .arg(summary.applied)
                          .arg(summary.partial + summary.failed));
    Q_EMIT applied();
}

} // namespace bs::gui
