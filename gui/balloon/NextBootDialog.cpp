#include "NextBootDialog.h"

#include "balloon/BalloonResult.h"
#include "balloon/NextBootPlanner.h"
#include "ballooncontrol/BalloonControls.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bs::gui {

NextBootDialog::NextBootDialog(BalloonControls *controls, const QString &hostName,
                               const QHash<QString, qint64> &memoryKiB, QWidget *parent)
    : QDialog(parent)
    , m_controls(controls)
    , m_memory(memoryKiB)
    , m_preview(new QPlainTextEdit(this))
    , m_result(new QLabel(this))
    , m_apply(new QPushButton(tr("Apply"), this)) {
    setWindowTitle(tr("Memory for the Next Boot — %1").arg(hostName));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each guest below starts with its recommended memory from its "
                                "next shutdown and start. libvirt writes the persistent "
                                "configuration: only these lines change."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
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
    connect(m_apply, &QPushButton::clicked, this, &NextBootDialog::apply);
    resize(640, 420);

    connect(m_controls, &BalloonControls::inspected, this, &NextBootDialog::onInspected);
    connect(m_controls, &BalloonControls::inspectFailed, this, &NextBootDialog::onInspectFailed);
    connect(m_controls, &BalloonControls::guestApplied, this, &NextBootDialog::onGuestApplied);
    connect(m_controls, &BalloonControls::finished, this, &NextBootDialog::onFinished);
    GuestSelection selection;
    selection.guests = m_memory.keys();
    m_inspectOp = m_controls->inspect(selection);
}

NextBootDialog::~NextBootDialog() = default;

void NextBootDialog::onInspected(quint64 operation, const QList<GuestBalloonInfo> &guests) {
    if (operation != m_inspectOp)
        return;
    m_inspectOp = 0;
    m_plans.clear();
    QStringList text;
    bool work = false;
    for (const GuestBalloonInfo &guest : guests) {
        const GuestPlan plan = planNextBootMemory(guest, quint64(m_memory.value(guest.uuid)));
        m_plans.append(plan);
        work = work || plan.hasWork();
        text.append(plan.name.isEmpty() ? plan.uuid : plan.name);
        for (const QString &line : nextBootXmlDiff(plan))
            text.append(QStringLiteral("  ") + line);
        for (const StepRefusal &r : plan.refusals)
            text.append(QStringLiteral("  ") + tr("Not possible: %1").arg(r.describe()));
        for (const QString &note : plan.notes)
            text.append(QStringLiteral("  ") + note);
        text.append(QString());
    }
    m_preview->setPlainText(text.join(QLatin1Char('\n')));
    m_apply->setEnabled(work);
    Q_EMIT planned();
}

void NextBootDialog::onInspectFailed(quint64 operation, const Error &error) {
    if (operation != m_inspectOp)
        return;
    m_inspectOp = 0;
    m_preview->setPlainText(tr("The guests could not be read: %1").arg(error.message));
    Q_EMIT planned();
}

void NextBootDialog::apply() {
    QList<GuestPlan> work;
    for (const GuestPlan &plan : std::as_const(m_plans)) {
        if (plan.hasWork() || !plan.refusals.isEmpty())
            work.append(plan);
    }
    m_apply->setEnabled(false);
    m_result->setText(tr("Applying…"));
    m_applyOp = m_controls->apply(work);
}

void NextBootDialog::onGuestApplied(const GuestApplyResult &result) {
    if (result.operation != m_applyOp)
        return;
    m_preview->appendPlainText(tr("%1: %2 — %3")
                                   .arg(result.name.isEmpty() ? result.uuid : result.name,
                                        guestOutcomeName(result.outcome), result.details()));
}

void NextBootDialog::onFinished(const ApplySummary &summary) {
    if (summary.operation != m_applyOp)
        return;
    m_applyOp = 0;
    m_result->setText(tr("%1 changed, %2 unchanged, %3 failed. The guests start with it after "
                         "their next shutdown and start.")
                          .arg(summary.applied)
                          .arg(summary.unchanged)
                          .arg(summary.partial + summary.failed));
    Q_EMIT applied();
}

} // namespace bs::gui
