#pragma once

#include "balloon/BalloonPlan.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace bs {
class BalloonControls;
struct ApplySummary;
struct GuestApplyResult;
struct GuestBalloonInfo;
struct Error;
} // namespace bs

namespace bs::gui {

// "Set for Next Boot…" from the Sizing page: the memory each selected guest starts with, written
// into its persistent configuration (NextBootPlanner). Reads the guests (BalloonControls, on
// the host's thread), shows per guest what changes as lines of the persistent XML, and applies
// on request; every guest gets its result, and the changes become history markers
// (BalloonControls::changeRecorded).
class NextBootDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NextBootDialog)

public:
    NextBootDialog(BalloonControls *controls, const QString &hostName,
                   const QHash<QString, qint64> &memoryKiB, QWidget *parent = nullptr);
    ~NextBootDialog() override;

    const QList<GuestPlan> &plans() const { return m_plans; }
    QPlainTextEdit *preview() const { return m_preview; }
    QLabel *resultLabel() const { return m_result; }
    QPushButton *applyButton() const { return m_apply; }

Q_SIGNALS:
    void planned(); // the guests were read and the preview is shown
    void applied(); // every guest has its result

private:
    void onInspected(quint64 operation, const QList<GuestBalloonInfo> &guests);
    void onInspectFailed(quint64 operation, const Error &error);
    void onGuestApplied(const GuestApplyResult &result);
    void onFinished(const ApplySummary &summary);
    void apply();

    BalloonControls *m_controls;
    QHash<QString, qint64> m_memory;
    QList<GuestPlan> m_plans;
    quint64 m_inspectOp = 0;
    quint64 m_applyOp = 0;
    QPlainTextEdit *m_preview;
    QLabel *m_result;
    QPushButton *m_apply;
};

} // namespace bs::gui
