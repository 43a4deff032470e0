#pragma once

#include "balloon/BalloonChangeEvent.h"
#include "balloon/BalloonExecutor.h"
#include "balloon/BalloonResult.h"
#include "balloon/GuestBalloonInfo.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

namespace bs {

class MonitoredHost;
class PostBox;

// What the balloon dialogs (and balloonscope-cli) drive: read the selected guests, then apply
// plans made from them (StatsPeriodPlanner, BalloonTargetPlanner), with progress and a result
// per guest. Lives on the GUI thread; every libvirt call runs on the host's worker thread
// (MonitoredHost::submit) and comes back as plain values through queued signals.
//
// Each call returns an operation id that its signals carry. Operations on one host run one
// after the other, in the order asked.
//
//   inspect(selection) → inspected(op, guests) | inspectFailed(op, error)
//   apply(plans)       → progress(p) before each guest, guestApplied(result) after it,
//                        changeRecorded(event) for every change made, then finished(summary)
//
// Every guest of an apply gets a result, also when the host is not connected or the operation
// was cancelled (its steps then say "not attempted" and why). After a live period change or a
// define, the monitor re-reads that guest's XML and polls at once, so its stats state follows.
class BalloonControls final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BalloonControls)

public:
    explicit BalloonControls(MonitoredHost *host, QObject *parent = nullptr);
    ~BalloonControls() override;

    quint64 inspect(const GuestSelection &selection);
    quint64 apply(const QList<GuestPlan> &plans);
    // Stops before the next guest (a guest being changed finishes its steps).
    void cancel(quint64 operation);

    // Test seam, handed to the executor: runs on the worker thread before each step.
    void setBeforeStep(BalloonExecutor::StepHook hook) { m_beforeStep = std::move(hook); }

Q_SIGNALS:
    void inspected(quint64 operation, const QList<bs::GuestBalloonInfo> &guests);
    void inspectFailed(quint64 operation, const bs::Error &error);
    void progress(const bs::ApplyProgress &progress);
    void guestApplied(const bs::GuestApplyResult &result);
    void finished(const bs::ApplySummary &summary);
    void changeRecorded(const bs::BalloonChangeEvent &event);

private:
    void onGuestApplied(const GuestApplyResult &result);
    void onFinished(const ApplySummary &summary);

    QPointer<MonitoredHost> m_host; // may go first: then every call answers "not connected"
    std::shared_ptr<PostBox> m_box;
    quint64 m_nextOperation = 1;
    QHash<quint64, std::shared_ptr<std::atomic_bool>> m_cancelled;
    BalloonExecutor::StepHook m_beforeStep;
};

} // namespace bs
