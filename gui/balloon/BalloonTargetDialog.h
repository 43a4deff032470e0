#pragma once

#include "BalloonConfirm.h"
#include "balloon/BalloonTargetPlanner.h"
#include "balloon/GuestBalloonInfo.h"

#include <QDialog>
#include <QPointer>

class QFormLayout;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace bs {
class BalloonControls;
class MonitoredHost;
struct ApplySummary;
struct GuestApplyResult;
struct PollCycle;
} // namespace bs

namespace bs::gui {

class InlineMessage;
class ScopeChooser;

// Sets the balloon target of one guest (issue 5): a slider and a spin box in MiB between the
// safe floor and the maximum memory (balloonTargetLimits), the guest's current balloon size,
// used and usable memory (kept current from the host's polls), a warning while the target leaves
// less than the margin above what the guest uses, and live and/or persistent scope.
//
// The spin box takes any size, so a target above the maximum or below the floor can be typed:
// it is refused with the planner's sentence and Apply stays disabled. Warnings need a
// confirmation; the result of applying is shown, and every change libvirt made comes out of
// BalloonControls::changeRecorded (the chart's event markers).
class BalloonTargetDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BalloonTargetDialog)

public:
    BalloonTargetDialog(MonitoredHost *host, BalloonControls *controls, const QString &uuid,
                        QWidget *parent = nullptr);
    ~BalloonTargetDialog() override;

    QString hostId() const { return m_hostId; }
    QString uuid() const { return m_uuid; }
    void setHostName(const QString &name);
    void setPolicy(const BalloonTargetPolicy &policy);
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    void hostGone();
    bool isApplying() const { return m_applyOp != 0; }

    // Shows `guest` as if just read. The dialog calls it with what it reads; tests use it for
    // what libvirt's test driver cannot produce (fresh statistics from a guest).
    void setGuest(const GuestBalloonInfo &guest);
    void setTargetMiB(int mib); // as if typed into the spin box
    // A target chosen elsewhere (the Sizing page's recommendation): shown instead of the guest's
    // current size once the guest is read, with `why` above the slider.
    void presetTargetMiB(int mib, const QString &why);
    quint64 targetKiB() const;
    const GuestPlan &plan() const { return m_plan; }

    QSlider *slider() const { return m_slider; }
    QSpinBox *spinBox() const { return m_spin; }
    ScopeChooser *scopeChooser() const { return m_scope; }
    InlineMessage *banner() const { return m_banner; }
    InlineMessage *refusalMessage() const { return m_refusal; }
    InlineMessage *warningMessage() const { return m_warning; }
    InlineMessage *resultMessage() const { return m_result; }
    QLabel *usedLabel() const { return m_used; }
    QLabel *limitsLabel() const { return m_limitsText; }
    QPushButton *applyButton() const { return m_apply; }

Q_SIGNALS:
    void guestRead();

public Q_SLOTS:
    void reject() override;

private:
    void buildTargetRow(QFormLayout *form);
    void inspect();
    void onCycle(const bs::PollCycle &cycle);
    void showFacts();
    void updateRange();
    void replan();
    void apply();
    void onGuestApplied(const bs::GuestApplyResult &result);
    void onFinished(const bs::ApplySummary &summary);
    void updateEnabled();
    void growToFit();

    QPointer<MonitoredHost> m_host;
    QPointer<BalloonControls> m_controls;
    QString m_hostId;
    QString m_hostName;
    QString m_uuid;
    BalloonTargetPolicy m_policy;
    Confirmation m_confirm = confirmWithMessageBox;
    std::optional<GuestBalloonInfo> m_guest;
    BalloonTargetLimits m_limits;
    GuestPlan m_plan;
    quint64 m_inspectOp = 0;
    quint64 m_applyOp = 0;
    bool m_valueSet = false; // the spin box holds a value the user (or the guest) chose

    InlineMessage *m_banner;
    QLabel *m_state;
    QLabel *m_actual;
    QLabel *m_maximum;
    QLabel *m_used;
    QLabel *m_usable;
    QLabel *m_persistent;
    QSlider *m_slider;
    QSpinBox *m_spin;
    QLabel *m_limitsText;
    ScopeChooser *m_scope;
    InlineMessage *m_refusal;
    InlineMessage *m_warning;
    QLabel *m_planText;
    InlineMessage *m_result;
    QPushButton *m_apply;
    QPushButton *m_close;
};

} // namespace bs::gui
