#pragma once

#include "BalloonConfirm.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace bs {
class BalloonControls;
class MonitoredHost;
class StatsFlowWatch;
struct ApplyProgress;
struct ApplySummary;
struct Error;
struct GuestApplyResult;
struct GuestBalloonInfo;
} // namespace bs

namespace bs::gui {

class InlineMessage;
class MemballoonDiffView;
class PeriodChooser;
class ScopeChooser;
class StatsPeriodModel;

// Sets the stats period of one or more guests of one host (issue 5).
//
// Reads the guests with BalloonControls, shows per guest its balloon model, live and persistent
// period, state and persistence, and plans the chosen period and scope for each on every change
// of the controls (planStatsPeriod): what will change, what cannot and why, notes, and the
// persistent <memballoon> diff of the current guest. Apply runs the plans on the host's worker
// with a progress bar and a result per guest; after a live change StatsFlowWatch follows the
// next reports and says whether the stats flow, with a button to the guest's readiness.
//
// Every guest sent to apply ends with a result, or "unknown" with the reason when its host goes
// away first; the dialog does not close while an apply runs (Close stops it after the current
// guest instead).
class StatsPeriodDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPeriodDialog)

public:
    // `controls` belongs to the caller (one per host, so that results outlive the dialog).
    StatsPeriodDialog(MonitoredHost *host, BalloonControls *controls, const QStringList &uuids,
                      QWidget *parent = nullptr);
    ~StatsPeriodDialog() override;

    QString hostId() const { return m_hostId; }
    void setHostName(const QString &name);
    void setDefaultPeriod(int seconds);
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    // The host is going away: guests without a result yet will get none.
    void hostGone();
    bool isApplying() const { return m_applyOp != 0; }

    // For tests and the feature.
    StatsPeriodModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    PeriodChooser *periodChooser() const { return m_period; }
    ScopeChooser *scopeChooser() const { return m_scope; }
    QCheckBox *virtioSwitchBox() const { return m_virtio; }
    MemballoonDiffView *previewView() const { return m_preview; }
    InlineMessage *banner() const { return m_banner; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *readinessButton() const { return m_readiness; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void readinessRequested(const QString &hostId, const QString &uuid);
    void guestsRead(); // the guests were read (again), their plans made

public Q_SLOTS:
    void reject() override;

private:
    void buildControls(QLayout *layout);
    void inspect();
    void onInspected(quint64 operation, const QList<bs::GuestBalloonInfo> &guests);
    void onInspectFailed(quint64 operation, const bs::Error &error);
    void replan();
    void updatePreview();
    void updateApply();
    void updateReadOnly();
    void apply();
    void onProgress(const bs::ApplyProgress &progress);
    void onGuestApplied(const bs::GuestApplyResult &result);
    void onFinished(const bs::ApplySummary &summary);
    void setEditable(bool editable);
    QString currentUuid() const;

    QPointer<MonitoredHost> m_host;
    QPointer<BalloonControls> m_controls;
    QString m_hostId;
    QString m_hostName;
    QStringList m_uuids;
    StatsFlowWatch *m_watch = nullptr;
    Confirmation m_confirm = confirmWithMessageBox;
    quint64 m_inspectOp = 0;
    quint64 m_applyOp = 0;
    int m_applyDone = 0;
    bool m_readOnly = false;
    bool m_read = false; // the guests were read at least once

    InlineMessage *m_banner;
    PeriodChooser *m_period;
    ScopeChooser *m_scope;
    QCheckBox *m_virtio;
    InlineMessage *m_scopeMessage;
    StatsPeriodModel *m_model;
    QTableView *m_view;
    QLabel *m_previewTitle;
    MemballoonDiffView *m_preview;
    QPushButton *m_readiness;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_apply;
    QPushButton *m_close;
};

} // namespace bs::gui
