#pragma once

#include "balloon/BalloonPlan.h"

#include <QWidget>

#include <optional>

class QCheckBox;

namespace bs {
struct GuestBalloonInfo;
}

namespace bs::gui {

// Where a change applies: the running guest now (VIR_DOMAIN_AFFECT_LIVE), its persistent
// configuration (VIR_DOMAIN_AFFECT_CONFIG), or both. With both chosen each guest gets the parts
// it has: a guest that is not running changes its configuration only, a transient guest changes
// live only; skippedFor() says so next to the guest. With one chosen, a guest that lacks that
// part is refused by the planner, with the reason.
class ScopeChooser final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScopeChooser)

public:
    explicit ScopeChooser(QWidget *parent = nullptr);

    bool live() const;
    bool persistent() const;
    bool any() const { return live() || persistent(); }
    void setChoice(bool live, bool persistent);

    // The scope to plan every guest with (both = Automatic: each guest the parts it has);
    // empty when nothing is chosen.
    std::optional<ApplyScope> scope() const;
    // The part of the choice this guest does not have, as a sentence; empty when none.
    QString skippedFor(const GuestBalloonInfo &guest) const;

    QCheckBox *liveBox() const { return m_live; }
    QCheckBox *persistentBox() const { return m_persistent; }

Q_SIGNALS:
    void changed();

private:
    QCheckBox *m_live;
    QCheckBox *m_persistent;
};

} // namespace bs::gui
