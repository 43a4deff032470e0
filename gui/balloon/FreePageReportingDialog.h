#pragma once

#include "balloon/BalloonPlan.h"
#include "balloon/GuestBalloonInfo.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace bs {
class BalloonControls;
struct ApplySummary;
struct GuestApplyResult;
struct Error;
} // namespace bs

namespace bs::gui {

// Guest → Free Page Reporting…: turns free page reporting (and, if asked, autodeflate) on in
// the selected guests' persistent <memballoon> (FreePageReportingPlanner), so that memory a
// guest frees goes back to the host: the fix for stranded memory. Reads the guests on the
// host's thread, shows per guest the <memballoon> before and after as a diff, applies on
// request; takes effect at each guest's next shutdown and start, and says so.
class FreePageReportingDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreePageReportingDialog)

public:
    FreePageReportingDialog(BalloonControls *controls, const QString &hostName,
                            const QStringList &uuids, QWidget *parent = nullptr);
    ~FreePageReportingDialog() override;

    const QList<GuestPlan> &plans() const { return m_plans; }
    QPlainTextEdit *preview() const { return m_preview; }
    QCheckBox *autodeflateBox() const { return m_autodeflate; }
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
    void replan();
    void apply();

    BalloonControls *m_controls;
    QList<GuestBalloonInfo> m_guests;
    QList<GuestPlan> m_plans;
    quint64 m_inspectOp = 0;
    quint64 m_applyOp = 0;
    QCheckBox *m_autodeflate;
    QPlainTextEdit *m_preview;
    QLabel *m_result;
    QPushButton *m_apply;
};

} // namespace bs::gui
