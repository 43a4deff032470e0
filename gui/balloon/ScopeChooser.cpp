#include "ScopeChooser.h"

#include "balloon/GuestBalloonInfo.h"

#include <QCheckBox>
#include <QHBoxLayout>

namespace bs::gui {

ScopeChooser::ScopeChooser(QWidget *parent)
    : QWidget(parent)
    , m_live(new QCheckBox(tr("The running guest, &now (live)"), this))
    , m_persistent(
          new QCheckBox(tr("Its &persistent configuration (kept across restarts)"), this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_live->setObjectName(QStringLiteral("scopeLive"));
    m_persistent->setObjectName(QStringLiteral("scopePersistent"));
    m_live->setToolTip(tr("Changes the running guest at once (VIR_DOMAIN_AFFECT_LIVE). The change "
                          "is lost when the guest shuts down unless the persistent configuration "
                          "changes too."));
    m_persistent->setToolTip(tr("Changes the guest's stored definition (VIR_DOMAIN_AFFECT_CONFIG), "
                                "which applies from its next start."));
    layout->addWidget(m_live);
    layout->addSpacing(16);
    layout->addWidget(m_persistent);
    layout->addStretch(1);
    setChoice(true, true);
    connect(m_live, &QCheckBox::toggled, this, &ScopeChooser::changed);
    connect(m_persistent, &QCheckBox::toggled, this, &ScopeChooser::changed);
}

bool ScopeChooser::live() const {
    return m_live->isChecked();
}

bool ScopeChooser::persistent() const {
    return m_persistent->isChecked();
}

void ScopeChooser::setChoice(bool live, bool persistent) {
    m_live->setChecked(live);
    m_persistent->setChecked(persistent);
}

std::optional<ApplyScope> ScopeChooser::scope() const {
    if (live() && persistent())
        return ApplyScope::Automatic; // live when it runs, config when it has one
    if (live())
        return ApplyScope::Live;
    if (persistent())
        return ApplyScope::Config;
    return std::nullopt;
}

QString ScopeChooser::skippedFor(const GuestBalloonInfo &guest) const {
    if (!live() || !persistent() || guest.error)
        return {};
    if (!guest.isActive() && guest.persistent)
        return tr("Not running: only its persistent configuration changes.");
    if (guest.isActive() && !guest.persistent)
        return tr("Transient: only the running guest changes, until it stops.");
    return {};
}

} // namespace bs::gui
