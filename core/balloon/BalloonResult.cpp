#include "BalloonResult.h"

#include "BalloonText.h"

namespace bs {

QString StepResult::describe() const {
    switch (outcome) {
    case Outcome::Done:
        return note.isEmpty() ? BalloonText::tr("%1 — done").arg(step.describe())
                              : BalloonText::tr("%1 — done (%2)").arg(step.describe(), note);
    case Outcome::Failed:
        return BalloonText::tr("%1 — FAILED: %2")
            .arg(step.describe(), error ? error->message : QString());
    case Outcome::NotAttempted:
        return BalloonText::tr("%1 — not attempted: %2")
            .arg(step.describe(), error ? error->message : QString());
    }
    return {};
}

QString guestOutcomeKey(GuestOutcome outcome) {
    switch (outcome) {
    case GuestOutcome::Applied:
        return QStringLiteral("applied");
    case GuestOutcome::Unchanged:
        return QStringLiteral("unchanged");
    case GuestOutcome::Partial:
        return QStringLiteral("partial");
    case GuestOutcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

QString guestOutcomeName(GuestOutcome outcome) {
    switch (outcome) {
    case GuestOutcome::Applied:
        return BalloonText::tr("applied");
    case GuestOutcome::Unchanged:
        return BalloonText::tr("unchanged");
    case GuestOutcome::Partial:
        return BalloonText::tr("PARTIAL");
    case GuestOutcome::Failed:
        break;
    }
    return BalloonText::tr("FAILED");
}

GuestOutcome outcomeOf(const QList<StepResult> &steps, const QList<StepRefusal> &refusals) {
    int done = 0;
    for (const StepResult &s : steps)
        done += s.outcome == StepResult::Outcome::Done ? 1 : 0;
    const bool allDone = done == steps.size();
    if (allDone && refusals.isEmpty())
        return steps.isEmpty() ? GuestOutcome::Unchanged : GuestOutcome::Applied;
    return done > 0 ? GuestOutcome::Partial : GuestOutcome::Failed;
}

QString GuestApplyResult::details() const {
    QStringList parts;
    for (const StepResult &s : steps)
        parts.append(s.describe());
    for (const StepRefusal &r : refusals)
        parts.append(r.describe());
    if (parts.isEmpty())
        parts.append(BalloonText::tr("nothing to change"));
    return parts.join(QStringLiteral("; "));
}

GuestApplyResult notAttempted(const GuestPlan &plan, const Error &why) {
    GuestApplyResult result;
    result.hostId = plan.hostId;
    result.uuid = plan.uuid;
    result.name = plan.name;
    result.refusals = plan.refusals;
    for (const BalloonStep &step : plan.steps)
        result.steps.append({step, StepResult::Outcome::NotAttempted, why, {}});
    result.outcome = plan.steps.isEmpty() && plan.refusals.isEmpty() ? GuestOutcome::Unchanged
                                                                     : GuestOutcome::Failed;
    return result;
}

void ApplySummary::add(GuestOutcome outcome) {
    switch (outcome) {
    case GuestOutcome::Applied:
        ++applied;
        break;
    case GuestOutcome::Unchanged:
        ++unchanged;
        break;
    case GuestOutcome::Partial:
        ++partial;
        break;
    case GuestOutcome::Failed:
        ++failed;
        break;
    }
}

} // namespace bs
