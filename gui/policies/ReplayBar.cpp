#include "ReplayBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace bs::gui {

ReplayBar::ReplayBar(QWidget *parent)
    : QWidget(parent)
    , m_range(new QComboBox(this))
    , m_target(new QSpinBox(this))
    , m_floor(new QSpinBox(this))
    , m_headroom(new QSpinBox(this)) {
    // Two rows, so that the page fits a narrow window: the range and the shared settings, then
    // the policies.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QHBoxLayout;
    auto *policies = new QHBoxLayout;
    rows->addLayout(layout);
    rows->addLayout(policies);
    policies->addWidget(new QLabel(tr("Policies:"), this));
    m_range->addItem(tr("Last 24 hours"), qint64(86400));
    m_range->addItem(tr("Last 7 days"), qint64(7 * 86400));
    m_range->addItem(tr("Last 30 days"), qint64(30 * 86400));
    auto *rangeLabel = new QLabel(tr("&Replay:"), this);
    rangeLabel->setBuddy(m_range);
    layout->addWidget(rangeLabel);
    layout->addWidget(m_range);
    for (PolicyKind kind : allPolicies()) {
        auto *box = new QCheckBox(policyName(kind), this);
        box->setChecked(true);
        m_policies.append(box);
        policies->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ReplayBar::changed);
    }
    m_target->setRange(10, 100);
    m_target->setSuffix(QStringLiteral(" %"));
    m_target->setToolTip(tr("The host's memory in use that Proxmox and Balloonscope keep under, as "
                            "a share of its RAM (80 % by default)."));
    auto *targetLabel = new QLabel(tr("Host &target:"), this);
    targetLabel->setBuddy(m_target);
    m_floor->setRange(128, 1024 * 1024);
    m_floor->setSingleStep(64);
    m_floor->setSuffix(QStringLiteral(" MiB"));
    m_floor->setToolTip(tr("Balloonscope's floor and Proxmox's minimum for every guest."));
    auto *floorLabel = new QLabel(tr("&Floor:"), this);
    floorLabel->setBuddy(m_floor);
    m_headroom->setRange(0, 100);
    m_headroom->setSuffix(QStringLiteral(" %"));
    m_headroom->setToolTip(tr("Balloonscope's headroom over each guest's need."));
    auto *headroomLabel = new QLabel(tr("&Headroom:"), this);
    headroomLabel->setBuddy(m_headroom);
    layout->addWidget(targetLabel);
    layout->addWidget(m_target);
    layout->addWidget(floorLabel);
    layout->addWidget(m_floor);
    layout->addWidget(headroomLabel);
    layout->addWidget(m_headroom);
    layout->addStretch(1);
    policies->addStretch(1);
    setSettings(ReplaySettings{});
    connect(m_range, &QComboBox::currentIndexChanged, this, &ReplayBar::changed);
    for (QSpinBox *box : {m_target, m_floor, m_headroom})
        connect(box, &QSpinBox::valueChanged, this, &ReplayBar::changed);
}

QCheckBox *ReplayBar::policyBox(PolicyKind kind) const {
    return m_policies.value(allPolicies().indexOf(kind));
}

ReplaySettings ReplayBar::settings() const {
    ReplaySettings s;
    s.policies.clear();
    const QList<PolicyKind> kinds = allPolicies();
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        if (m_policies[i]->isChecked())
            s.policies.append(kinds[i]);
    }
    s.balloonscope.hostTargetShare = m_target->value() / 100.0;
    s.proxmox.targetPercent = m_target->value();
    s.balloonscope.floorKiB = qint64(m_floor->value()) * 1024;
    s.balloonscope.headroom = m_headroom->value() / 100.0;
    return s;
}

void ReplayBar::setSettings(const ReplaySettings &s) {
    const QSignalBlocker block(this);
    const QList<PolicyKind> kinds = allPolicies();
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const QSignalBlocker b(m_policies[i]);
        m_policies[i]->setChecked(s.policies.contains(kinds[i]));
    }
    for (QSpinBox *box : {m_target, m_floor, m_headroom}) {
        const QSignalBlocker b(box);
        if (box == m_target)
            box->setValue(int(std::lround(s.balloonscope.hostTargetShare * 100)));
        else if (box == m_floor)
            box->setValue(int(s.balloonscope.floorKiB / 1024));
        else
            box->setValue(int(std::lround(s.balloonscope.headroom * 100)));
    }
}

qint64 ReplayBar::rangeSeconds() const {
    return m_range->currentData().toLongLong();
}

void ReplayBar::setRangeSeconds(qint64 seconds) {
    const int i = m_range->findData(seconds);
    const QSignalBlocker b(m_range);
    m_range->setCurrentIndex(i >= 0 ? i : 0);
}

} // namespace bs::gui
