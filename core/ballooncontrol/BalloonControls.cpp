#include "BalloonControls.h"

#include "balloon/BalloonInspector.h"
#include "balloon/BalloonText.h"
#include "common/Logging.h"
#include "common/PostBox.h"
#include "monitor/MonitoredHost.h"

#include <QDateTime>

namespace bs {

namespace {

Error notConnected(const QString &uri) {
    return Error::unsupported(
        BalloonText::tr("Not connected to %1 right now; nothing was changed.").arg(uri));
}

bool touchesTheMonitor(const StepResult &step) {
    return step.outcome == StepResult::Outcome::Done &&
           (step.step.kind == BalloonStep::Kind::LivePeriod ||
            step.step.kind == BalloonStep::Kind::PersistentModel ||
            step.step.kind == BalloonStep::Kind::PersistentPeriod);
}

} // namespace

BalloonControls::BalloonControls(MonitoredHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_box(std::make_shared<PostBox>(this)) {}

BalloonControls::~BalloonControls() {
    m_box->close();
    for (const auto &flag : std::as_const(m_cancelled))
        flag->store(true); // jobs still queued stop at their next guest
}

quint64 BalloonControls::inspect(const GuestSelection &selection) {
    const quint64 operation = m_nextOperation++;
    if (!m_host) {
        m_box->post([self = this, operation] {
            Q_EMIT self->inspectFailed(operation, notConnected(BalloonText::tr("the host")));
        });
        return operation;
    }
    m_host->submit([box = m_box, self = this, operation, selection,
                    uri = m_host->hostId()](Connection *connection) {
        if (!connection) {
            box->post([self, operation, uri] {
                Q_EMIT self->inspectFailed(operation, notConnected(uri));
            });
            return;
        }
        auto guests = inspectGuests(*connection, selection, QDateTime::currentMSecsSinceEpoch());
        if (!guests) {
            box->post([self, operation, error = guests.error()] {
                Q_EMIT self->inspectFailed(operation, error);
            });
            return;
        }
        box->post([self, operation, list = std::move(guests).value()] {
            Q_EMIT self->inspected(operation, list);
        });
    });
    return operation;
}

quint64 BalloonControls::apply(const QList<GuestPlan> &plans) {
    const quint64 operation = m_nextOperation++;
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    m_cancelled.insert(operation, cancelled);
    if (!m_host) {
        // The same answers as a job would give without a connection, without a worker.
        ApplySummary summary;
        summary.operation = operation;
        for (int i = 0; i < plans.size(); ++i) {
            GuestApplyResult result =
                notAttempted(plans.at(i), notConnected(BalloonText::tr("the host")));
            result.operation = operation;
            summary.add(result.outcome);
            m_box->post([self = this, result] { self->onGuestApplied(result); });
        }
        m_box->post([self = this, summary] { self->onFinished(summary); });
        return operation;
    }
    m_host->submit([box = m_box, self = this, operation, plans, cancelled, hook = m_beforeStep,
                    uri = m_host->hostId()](Connection *connection) {
        ApplySummary summary;
        summary.operation = operation;
        const int total = int(plans.size());
        for (int i = 0; i < total; ++i) {
            const GuestPlan &plan = plans.at(i);
            box->post([self, p = ApplyProgress{operation, i, total, plan.uuid, plan.name}] {
                Q_EMIT self->progress(p);
            });
            GuestApplyResult result;
            if (cancelled->load()) {
                result = notAttempted(plan, Error::cancelled(BalloonText::tr(
                                                "Cancelled before this guest was changed.")));
            } else if (!connection) {
                result = notAttempted(plan, notConnected(uri));
            } else {
                BalloonExecutor executor(*connection);
                executor.setBeforeStep(hook);
                result = executor.apply(plan, [&](const BalloonChangeEvent &event) {
                    box->post([self, event] { Q_EMIT self->changeRecorded(event); });
                });
            }
            result.operation = operation;
            summary.add(result.outcome);
            qCDebug(lcBalloon) << uri << result.name << guestOutcomeKey(result.outcome)
                               << result.details();
            box->post([self, result] { self->onGuestApplied(result); });
        }
        summary.cancelled = cancelled->load();
        box->post([self, summary] { self->onFinished(summary); });
    });
    return operation;
}

void BalloonControls::cancel(quint64 operation) {
    if (const auto flag = m_cancelled.value(operation))
        flag->store(true);
}

void BalloonControls::onGuestApplied(const GuestApplyResult &result) {
    for (const StepResult &step : result.steps) {
        if (m_host && touchesTheMonitor(step)) {
            m_host->invalidateGuest(result.uuid);
            break;
        }
    }
    Q_EMIT guestApplied(result);
}

void BalloonControls::onFinished(const ApplySummary &summary) {
    m_cancelled.remove(summary.operation);
    if (m_host)
        m_host->pollNow();
    Q_EMIT finished(summary);
}

} // namespace bs
