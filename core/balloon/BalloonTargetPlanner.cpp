#include "BalloonTargetPlanner.h"

#include "BalloonText.h"
#include "metrics/DerivedMetrics.h"

#include <cmath>

namespace bs {

namespace {

using units::formatKiB;

void refuse(GuestPlan &plan, StepRefusal::Part part, const QString &reason) {
    plan.refusals.append({part, reason});
}

bool noBalloon(BalloonModel model) {
    return model == BalloonModel::None || model == BalloonModel::Absent;
}

void planLive(const GuestBalloonInfo &guest, const BalloonTargetRequest &request,
              const BalloonTargetLimits &limits, const BalloonTargetPolicy &policy,
              GuestPlan &plan) {
    const quint64 target = request.targetKiB;
    if (!guest.isActive()) {
        refuse(plan, StepRefusal::Part::Live,
               BalloonText::tr("The guest is not running (%1); only its persistent "
                               "configuration can change.")
                   .arg(domainStateName(guest.state)));
        return;
    }
    if (noBalloon(guest.liveBalloon.model)) {
        refuse(plan, StepRefusal::Part::Live,
               BalloonText::tr("The running guest has no balloon device, so its memory cannot "
                               "change while it runs."));
        return;
    }
    if (!limits.maximumKiB) {
        refuse(plan, StepRefusal::Part::Live,
               BalloonText::tr("The guest's maximum memory could not be read."));
        return;
    }
    if (target > *limits.maximumKiB) {
        refuse(plan, StepRefusal::Part::Live,
               BalloonText::tr("The target %1 is above the guest's maximum memory %2: the "
                               "balloon cannot give a guest more than its maximum (raising "
                               "<memory> needs a restart).")
                   .arg(formatKiB(target), formatKiB(*limits.maximumKiB)));
        return;
    }
    if (target < limits.floorKiB) {
        refuse(plan, StepRefusal::Part::Live,
               limits.usedKiB && *limits.usedKiB > policy.minimumKiB
                   ? BalloonText::tr("The target %1 is below what the guest uses now (%2, not "
                                     "counting its cache): it would have to swap or kill "
                                     "processes.")
                         .arg(formatKiB(target), formatKiB(*limits.usedKiB))
                   : BalloonText::tr("The target %1 is below the safe floor of %2.")
                         .arg(formatKiB(target), formatKiB(limits.floorKiB)));
        return;
    }
    if (limits.actualKiB && *limits.actualKiB == target) {
        plan.notes.append(
            BalloonText::tr("The live balloon target is already %1.").arg(formatKiB(target)));
        return;
    }
    const bool shrinking = !limits.actualKiB || target < *limits.actualKiB;
    if (shrinking && !limits.usedKiB) {
        plan.warnings.append(
            BalloonText::tr(
                "The guest's memory use is unknown (no fresh statistics: enable the stats period "
                "first), so Balloonscope cannot check that %1 leaves it enough room.")
                .arg(formatKiB(target)));
    } else if (shrinking && target < limits.comfortableKiB) {
        plan.warnings.append(
            BalloonText::tr("%1 leaves the guest less than %2 % above what it uses (%3): it may "
                            "start to swap.")
                .arg(formatKiB(target))
                .arg(std::lround(policy.margin * 100))
                .arg(formatKiB(*limits.usedKiB)));
    }
    BalloonStep step;
    step.kind = BalloonStep::Kind::LiveTarget;
    step.targetKiB = target;
    if (limits.actualKiB)
        step.before = qint64(*limits.actualKiB);
    plan.steps.append(step);
}

void planPersistent(const GuestBalloonInfo &guest, const BalloonTargetRequest &request,
                    const BalloonTargetLimits &limits, const BalloonTargetPolicy &policy,
                    GuestPlan &plan) {
    const quint64 target = request.targetKiB;
    if (!guest.persistent) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The guest is transient: it has no persistent configuration."));
        return;
    }
    if (noBalloon(guest.persistentBalloon.model)) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The persistent configuration has no balloon device: the guest "
                               "always starts with its full memory."));
        return;
    }
    if (!limits.persistentMaximumKiB) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The persistent maximum memory could not be read."));
        return;
    }
    if (target > *limits.persistentMaximumKiB) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The target %1 is above the configured maximum memory %2.")
                   .arg(formatKiB(target), formatKiB(*limits.persistentMaximumKiB)));
        return;
    }
    if (target < policy.minimumKiB) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The target %1 is below the safe floor of %2.")
                   .arg(formatKiB(target), formatKiB(policy.minimumKiB)));
        return;
    }
    if (limits.persistentCurrentKiB && *limits.persistentCurrentKiB == target) {
        plan.notes.append(
            BalloonText::tr("The persistent balloon target is already %1.").arg(formatKiB(target)));
        return;
    }
    BalloonStep step;
    step.kind = BalloonStep::Kind::PersistentTarget;
    step.targetKiB = target;
    if (limits.persistentCurrentKiB)
        step.before = qint64(*limits.persistentCurrentKiB);
    plan.steps.append(step);
}

} // namespace

BalloonTargetLimits balloonTargetLimits(const GuestBalloonInfo &guest,
                                        const BalloonTargetPolicy &policy) {
    BalloonTargetLimits limits;
    limits.maximumKiB = guest.liveMaximumKiB;
    limits.actualKiB = guest.liveCurrentKiB;
    limits.persistentMaximumKiB = guest.persistentMaximumKiB;
    limits.persistentCurrentKiB = guest.persistentCurrentKiB;
    if (guest.statsFresh) {
        const DerivedMetrics derived = deriveMetrics(guest.stats);
        limits.usedKiB = derived.usedExcludingCache ? derived.usedExcludingCache : derived.used;
        limits.usableKiB = guest.stats.usable;
    }
    limits.floorKiB = std::max(policy.minimumKiB, limits.usedKiB.value_or(0));
    limits.comfortableKiB =
        limits.usedKiB ? quint64(std::ceil(double(*limits.usedKiB) * (1.0 + policy.margin))) : 0;
    return limits;
}

GuestPlan planBalloonTarget(const GuestBalloonInfo &guest, const BalloonTargetRequest &request,
                            const BalloonTargetPolicy &policy) {
    GuestPlan plan;
    plan.hostId = guest.hostId;
    plan.uuid = guest.uuid;
    plan.name = guest.name;
    plan.warningsAccepted = request.acceptWarnings;
    if (guest.error) {
        refuse(plan, StepRefusal::Part::Guest, guest.error->message);
        return plan;
    }
    if (guest.readOnly) {
        refuse(plan, StepRefusal::Part::Guest,
               BalloonText::tr("The connection is read-only: reconnect with write access to "
                               "change guests."));
        return plan;
    }
    if (request.targetKiB == 0) {
        refuse(plan, StepRefusal::Part::Guest,
               BalloonText::tr("A balloon target of 0 is not a size."));
        return plan;
    }
    const BalloonTargetLimits limits = balloonTargetLimits(guest, policy);
    if (wantsLive(request.scope, guest.isActive()))
        planLive(guest, request, limits, policy, plan);
    if (wantsConfig(request.scope, guest.persistent))
        planPersistent(guest, request, limits, policy, plan);
    return plan;
}

} // namespace bs
