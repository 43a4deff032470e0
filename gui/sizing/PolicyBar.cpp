#include "PolicyBar.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace bs::gui {

PolicyBar::PolicyBar(QWidget *parent)
    : QWidget(parent)
    , m_policy(SizingPolicy::fromPreset(SizingPreset::Balanced))
    , m_preset(new QComboBox(this))
    , m_percentile(new QDoubleSpinBox(this))
    , m_headroom(new QSpinBox(this))
    , m_window(new QSpinBox(this))
    , m_floor(new QSpinBox(this)) {
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Policy:"), this));
    for (SizingPreset p : {SizingPreset::Conservative, SizingPreset::Balanced,
                           SizingPreset::Aggressive, SizingPreset::Custom})
        m_preset->addItem(sizingPresetName(p), int(p));
    m_preset->setToolTip(tr("Conservative: P99 + 20 % over 30 days. Balanced: P95 + 15 % over 14 "
                            "days. Aggressive: P90 + 10 % over 7 days."));
    row->addWidget(m_preset);
    row->addWidget(new QLabel(tr("Percentile:"), this));
    m_percentile->setRange(50, 100);
    m_percentile->setDecimals(1);
    m_percentile->setPrefix(QStringLiteral("P"));
    row->addWidget(m_percentile);
    row->addWidget(new QLabel(tr("Headroom:"), this));
    m_headroom->setRange(0, 100);
    m_headroom->setSuffix(QStringLiteral(" %"));
    row->addWidget(m_headroom);
    row->addWidget(new QLabel(tr("Window:"), this));
    m_window->setRange(1, 1095);
    m_window->setSuffix(tr(" days"));
    row->addWidget(m_window);
    row->addWidget(new QLabel(tr("Floor:"), this));
    m_floor->setRange(128, 1024 * 1024); // the balloon-target dialog's safe minimum
    m_floor->setSingleStep(64);
    m_floor->setSuffix(QStringLiteral(" MiB"));
    m_floor->setToolTip(tr("Never recommend less than this."));
    row->addWidget(m_floor);
    row->addStretch(1);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &PolicyBar::onPreset);
    connect(m_percentile, &QDoubleSpinBox::valueChanged, this, &PolicyBar::onCustomEdit);
    for (QSpinBox *box : {m_headroom, m_window, m_floor})
        connect(box, &QSpinBox::valueChanged, this, &PolicyBar::onCustomEdit);
    show(m_policy);
}

void PolicyBar::setPolicy(const SizingPolicy &policy) {
    m_policy = policy;
    show(policy);
}

void PolicyBar::show(const SizingPolicy &p) {
    m_showing = true;
    m_preset->setCurrentIndex(m_preset->findData(int(p.preset)));
    m_percentile->setValue(p.percentile);
    m_headroom->setValue(qRound(p.headroom * 100));
    m_window->setValue(int(qMax<qint64>(1, p.windowSeconds / 86400)));
    m_floor->setValue(int(p.floorKiB / 1024));
    const bool custom = p.preset == SizingPreset::Custom;
    for (QWidget *w : std::initializer_list<QWidget *>{m_percentile, m_headroom, m_window})
        w->setEnabled(custom);
    m_showing = false;
}

void PolicyBar::onPreset() {
    if (m_showing)
        return;
    const auto preset = SizingPreset(m_preset->currentData().toInt());
    SizingPolicy p = preset == SizingPreset::Custom ? m_policy : SizingPolicy::fromPreset(preset);
    p.preset = preset;
    p.floorKiB = m_policy.floorKiB;
    p.guestFloorsKiB = m_policy.guestFloorsKiB;
    m_policy = p;
    show(p);
    Q_EMIT policyChanged(m_policy);
}

void PolicyBar::onCustomEdit() {
    if (m_showing)
        return;
    m_policy.percentile = m_percentile->value();
    m_policy.headroom = m_headroom->value() / 100.0;
    m_policy.windowSeconds = qint64(m_window->value()) * 86400;
    m_policy.floorKiB = qint64(m_floor->value()) * 1024;
    Q_EMIT policyChanged(m_policy);
}

} // namespace bs::gui
