#include "BalloonTargetDialog.h"

#include "InlineMessage.h"
#include "PlanText.h"
#include "ScopeChooser.h"
#include "ballooncontrol/BalloonControls.h"
#include "ballooncontrol/GuestBalloonUpdate.h"
#include "monitor/MonitoredHost.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace bs::gui {

namespace {

using units::formatKiB;
using units::KiBPerMiB;

// The spin box takes more than any guest has, so that a target above the maximum can be typed
// and refused with a sentence instead of being swallowed by the box. 16 TiB, in MiB.
constexpr int SpinMaxMiB = 16 * 1024 * 1024;

QLabel *factLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString sizeOrDash(std::optional<quint64> kib) {
    return kib ? formatKiB(*kib) : QStringLiteral("—");
}

} // namespace

BalloonTargetDialog::BalloonTargetDialog(MonitoredHost *host, BalloonControls *controls,
                                         const QString &uuid, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_controls(controls)
    , m_hostId(host ? host->hostId() : QString())
    , m_hostName(m_hostId)
    , m_uuid(uuid)
    , m_banner(new InlineMessage(this))
    , m_state(factLabel(this))
    , m_actual(factLabel(this))
    , m_maximum(factLabel(this))
    , m_used(factLabel(this))
    , m_usable(factLabel(this))
    , m_persistent(factLabel(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spin(new QSpinBox(this))
    , m_limitsText(factLabel(this))
    , m_scope(new ScopeChooser(this))
    , m_refusal(new InlineMessage(this))
    , m_warning(new InlineMessage(this))
    , m_planText(factLabel(this))
    , m_result(new InlineMessage(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_close(new QPushButton(tr("&Close"), this)) {
    setObjectName(QStringLiteral("BalloonTargetDialog"));
    auto *layout = new QVBoxLayout(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    layout->addWidget(m_banner);

    // One form, so that the facts, the target and the scope line up.
    auto *form = new QFormLayout;
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Balloon now (actual):"), m_actual);
    form->addRow(tr("Maximum memory:"), m_maximum);
    m_used->setObjectName(QStringLiteral("usedLabel"));
    form->addRow(tr("Used by the guest:"), m_used);
    form->addRow(tr("Usable (MemAvailable):"), m_usable);
    form->addRow(tr("Persistent configuration:"), m_persistent);
    buildTargetRow(form);
    form->addRow(tr("Apply to:"), m_scope);
    layout->addLayout(form);
    m_refusal->setObjectName(QStringLiteral("refusalMessage"));
    layout->addWidget(m_refusal);
    m_warning->setObjectName(QStringLiteral("warningMessage"));
    layout->addWidget(m_warning);
    m_planText->setObjectName(QStringLiteral("planText"));
    layout->addWidget(m_planText);
    m_result->setObjectName(QStringLiteral("resultMessage"));
    layout->addWidget(m_result);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_apply, &QPushButton::clicked, this, &BalloonTargetDialog::apply);
    connect(m_close, &QPushButton::clicked, this, &BalloonTargetDialog::reject);
    connect(m_scope, &ScopeChooser::changed, this, [this] {
        updateRange();
        replan();
    });

    if (m_controls) {
        connect(m_controls, &BalloonControls::inspected, this,
                [this](quint64 operation, const QList<GuestBalloonInfo> &guests) {
                    if (operation != m_inspectOp)
                        return;
                    m_inspectOp = 0;
                    if (!guests.isEmpty())
                        setGuest(guests.constFirst());
                    Q_EMIT guestRead();
                });
        connect(m_controls, &BalloonControls::inspectFailed, this,
                [this](quint64 operation, const Error &error) {
                    if (operation != m_inspectOp)
                        return;
                    m_inspectOp = 0;
                    m_banner->setMessage(InlineMessage::Kind::Error,
                                         tr("The guest could not be read: %1").arg(error.message));
                    updateEnabled();
                });
        connect(m_controls, &BalloonControls::guestApplied, this,
                &BalloonTargetDialog::onGuestApplied);
        connect(m_controls, &BalloonControls::finished, this, &BalloonTargetDialog::onFinished);
    }
    if (m_host)
        connect(m_host->worker(), &HostMonitor::cycleReady, this, &BalloonTargetDialog::onCycle);

    setHostName(m_hostName);
    resize(760, sizeHint().height());
    updateEnabled();
    inspect();
}

BalloonTargetDialog::~BalloonTargetDialog() = default;

void BalloonTargetDialog::buildTargetRow(QFormLayout *form) {
    auto *row = new QHBoxLayout;
    m_slider->setObjectName(QStringLiteral("targetSlider"));
    m_slider->setRange(0, 0); // until the guest is read
    row->addWidget(m_slider, 1);
    m_spin->setObjectName(QStringLiteral("targetSpin"));
    m_spin->setRange(0, SpinMaxMiB);
    m_spin->setSuffix(tr(" MiB"));
    m_spin->setAccelerated(true);
    m_spin->setMinimumWidth(m_spin->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 14);
    row->addWidget(m_spin);
    auto *label = new QLabel(tr("&Target:"), this);
    label->setBuddy(m_spin);
    form->addRow(label, row);
    m_limitsText->setObjectName(QStringLiteral("limitsLabel"));
    m_limitsText->setWordWrap(false); // one line; a wrapped label in a form leaves gaps
    form->addRow(QString(), m_limitsText);

    connect(m_slider, &QSlider::valueChanged, this, [this](int mib) {
        if (m_spin->value() != mib)
            m_spin->setValue(mib);
    });
    connect(m_spin, &QSpinBox::valueChanged, this, [this](int mib) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(mib); // pinned at an end when the value is outside the limits
        replan();
    });
}

void BalloonTargetDialog::setHostName(const QString &name) {
    m_hostName = name.isEmpty() ? m_hostId : name;
    const QString guest = m_guest && !m_guest->name.isEmpty() ? m_guest->name : m_uuid;
    setWindowTitle(tr("Balloon target of %1 on %2").arg(guest, m_hostName));
}

void BalloonTargetDialog::setPolicy(const BalloonTargetPolicy &policy) {
    m_policy = policy;
    if (m_guest)
        setGuest(*m_guest);
}

void BalloonTargetDialog::inspect() {
    if (!m_controls)
        return;
    m_inspectOp = m_controls->inspect({{m_uuid}, false});
}

void BalloonTargetDialog::setGuest(const GuestBalloonInfo &guest) {
    m_guest = guest;
    m_limits = balloonTargetLimits(guest, m_policy);
    setHostName(m_hostName);
    if (guest.error)
        m_banner->setMessage(InlineMessage::Kind::Error, guest.error->message);
    else if (guest.readOnly || (m_host && m_host->config().readOnly))
        m_banner->setMessage(
            InlineMessage::Kind::Error,
            tr("The connection to %1 is read-only: the balloon target can be seen here but not "
               "changed. To change it, edit the connection (File → Edit Connection…), clear "
               "\"Read-only\" and connect again.")
                .arg(m_hostName));
    showFacts();
    updateRange();
    replan();
}

void BalloonTargetDialog::onCycle(const PollCycle &cycle) {
    if (!m_guest || cycle.hostId != m_hostId)
        return;
    for (const MemorySample &sample : cycle.samples) {
        if (sample.uuid != m_uuid)
            continue;
        updateFromSample(*m_guest, sample);
        m_limits = balloonTargetLimits(*m_guest, m_policy);
        showFacts();
        updateRange();
        replan();
    }
}

void BalloonTargetDialog::showFacts() {
    const GuestBalloonInfo &g = *m_guest;
    m_state->setText(tr("%1, %2").arg(domainStateName(g.state),
                                      g.persistent ? tr("persistent") : tr("transient")));
    m_actual->setText(sizeOrDash(m_limits.actualKiB));
    m_maximum->setText(
        sizeOrDash(m_limits.maximumKiB ? m_limits.maximumKiB : m_limits.persistentMaximumKiB));
    m_used->setText(
        m_limits.usedKiB
            ? tr("%1 (not counting its reclaimable cache)").arg(formatKiB(*m_limits.usedKiB))
            : tr("unknown: no fresh statistics from the guest (is its stats period set?)"));
    m_usable->setText(sizeOrDash(m_limits.usableKiB));
    m_persistent->setText(g.persistent ? tr("starts with %1 of at most %2")
                                             .arg(sizeOrDash(m_limits.persistentCurrentKiB),
                                                  sizeOrDash(m_limits.persistentMaximumKiB))
                                       : tr("none (transient guest)"));
}

void BalloonTargetDialog::updateRange() {
    if (!m_guest)
        return;
    const bool live = m_scope->live() && m_guest->isActive();
    const bool config = m_scope->persistent() && m_guest->persistent;
    std::optional<quint64> high;
    quint64 low = m_policy.minimumKiB;
    if (live && m_limits.maximumKiB) {
        high = m_limits.maximumKiB;
        low = std::max(low, m_limits.floorKiB);
    }
    if (config && m_limits.persistentMaximumKiB)
        high =
            std::min(high.value_or(*m_limits.persistentMaximumKiB), *m_limits.persistentMaximumKiB);
    const int lowMiB = int((low + KiBPerMiB - 1) / KiBPerMiB);
    const int highMiB = high ? int(*high / KiBPerMiB) : 0;
    const bool usable = high && lowMiB <= highMiB;
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(usable ? lowMiB : 0, usable ? highMiB : 0);
        m_slider->setValue(m_spin->value());
    }
    m_slider->setEnabled(usable && m_spin->isEnabled());
    QStringList parts;
    if (usable) {
        const bool floorIsUse = live && m_limits.usedKiB && *m_limits.usedKiB >= low;
        parts << (floorIsUse ? tr("Floor %1 (what the guest uses now)").arg(formatKiB(low))
                             : tr("Floor %1 (the minimum for any guest)").arg(formatKiB(low)));
        if (live && m_limits.usedKiB && m_limits.comfortableKiB > low)
            parts << tr("a warning below %1 (used + %2 %)")
                         .arg(formatKiB(m_limits.comfortableKiB))
                         .arg(std::lround(m_policy.margin * 100));
        parts << tr("maximum %1").arg(formatKiB(*high));
    }
    m_limitsText->setText(parts.join(QStringLiteral(" · ")));
    if (!m_valueSet && usable) {
        const auto start = live ? m_limits.actualKiB : m_limits.persistentCurrentKiB;
        setTargetMiB(int(start.value_or(*high) / KiBPerMiB));
        m_valueSet = true;
    }
}

void BalloonTargetDialog::setTargetMiB(int mib) {
    m_spin->setValue(mib);
}

void BalloonTargetDialog::presetTargetMiB(int mib, const QString &why) {
    m_valueSet = true; // the guest's reading no longer moves it to its current size
    setTargetMiB(mib);
    if (!why.isEmpty())
        m_banner->setMessage(InlineMessage::Kind::Info, why);
}

quint64 BalloonTargetDialog::targetKiB() const {
    return quint64(m_spin->value()) * KiBPerMiB;
}

void BalloonTargetDialog::replan() {
    if (!m_guest || isApplying())
        return;
    const auto scope = m_scope->scope();
    m_plan = GuestPlan{};
    if (scope)
        m_plan = planBalloonTarget(*m_guest, {targetKiB(), *scope, false}, m_policy);
    QStringList refusals;
    if (!scope)
        refusals << tr("Choose where the target applies: the running guest, its persistent "
                       "configuration, or both.");
    for (const StepRefusal &refusal : std::as_const(m_plan.refusals))
        refusals << PlanText::refusalLine(refusal);
    m_refusal->setMessage(InlineMessage::Kind::Error, refusals.join(u'\n'));
    m_warning->setMessage(InlineMessage::Kind::Warning, m_plan.warnings.join(u'\n'));
    QStringList lines;
    if (const QString skipped = m_scope->skippedFor(*m_guest); !skipped.isEmpty())
        lines << skipped;
    for (const BalloonStep &step : std::as_const(m_plan.steps))
        lines << PlanText::tr("Will set the %1").arg(step.describe());
    lines << m_plan.notes;
    m_planText->setText(lines.join(u'\n'));
    updateEnabled();
    growToFit();
}

void BalloonTargetDialog::growToFit() {
    // Messages come and go and wrap: a dialog sized once would squeeze its rows when a long
    // one appears (QDialog's minimum size does not follow wrapped labels). Grow, never shrink
    // under the user's hands.
    QTimer::singleShot(0, this, [this] {
        const int needed = layout()->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    });
}

void BalloonTargetDialog::updateEnabled() {
    const bool readOnly =
        (m_host && m_host->config().readOnly) || (m_guest && (m_guest->readOnly || m_guest->error));
    const bool editable = m_guest && !readOnly && m_controls && m_host && !isApplying();
    m_spin->setEnabled(editable);
    m_slider->setEnabled(editable && m_slider->maximum() > 0);
    m_scope->setEnabled(editable);
    m_apply->setEnabled(editable && m_inspectOp == 0 && m_plan.hasWork() &&
                        m_plan.refusals.isEmpty());
}

void BalloonTargetDialog::apply() {
    if (!m_apply->isEnabled())
        return;
    GuestPlan plan = m_plan;
    if (!plan.warnings.isEmpty()) {
        if (!m_confirm(this, tr("Shrink %1 this far?").arg(plan.name),
                       plan.warnings.join(QStringLiteral("\n\n"))))
            return;
        plan.warningsAccepted = true;
    }
    m_result->setMessage(InlineMessage::Kind::Info, tr("Applying…"));
    m_applyOp = m_controls->apply({plan});
    updateEnabled();
}

void BalloonTargetDialog::onGuestApplied(const GuestApplyResult &result) {
    if (result.operation != m_applyOp)
        return;
    QStringList lines{tr("Result: %1").arg(guestOutcomeName(result.outcome))};
    for (const StepResult &step : result.steps)
        lines << step.describe();
    for (const StepRefusal &refusal : result.refusals)
        lines << PlanText::refusalLine(refusal);
    const auto kind = result.ok()                               ? InlineMessage::Kind::Info
                      : result.outcome == GuestOutcome::Partial ? InlineMessage::Kind::Warning
                                                                : InlineMessage::Kind::Error;
    m_result->setMessage(kind, lines.join(u'\n'));
    growToFit();
}

void BalloonTargetDialog::onFinished(const ApplySummary &summary) {
    if (summary.operation != m_applyOp)
        return;
    m_applyOp = 0;
    updateEnabled();
    inspect(); // the new target, as libvirt has it now
}

void BalloonTargetDialog::hostGone() {
    if (isApplying()) {
        m_applyOp = 0;
        m_result->setMessage(InlineMessage::Kind::Warning,
                             tr("Result unknown: the connection was closed before the result "
                                "arrived; check the guest."));
    }
    m_controls = nullptr;
    m_banner->setMessage(
        InlineMessage::Kind::Error,
        tr("%1 is no longer watched: nothing more can be changed here.").arg(m_hostName));
    updateEnabled();
}

void BalloonTargetDialog::reject() {
    if (isApplying()) {
        // The change is under way; closing now would hide its result.
        m_result->setMessage(
            InlineMessage::Kind::Info,
            tr("The change is being applied: its result comes first, then the dialog can close."));
        return;
    }
    QDialog::reject();
}

} // namespace bs::gui
