#include "StatsPeriodPlanner.h"

#include "BalloonText.h"

namespace bs {

namespace {

GuestPlan emptyPlan(const GuestBalloonInfo &guest) {
    GuestPlan plan;
    plan.hostId = guest.hostId;
    plan.uuid = guest.uuid;
    plan.name = guest.name;
    return plan;
}

void refuse(GuestPlan &plan, StepRefusal::Part part, const QString &reason) {
    plan.refusals.append({part, reason});
}

std::optional<qint64> periodOf(const BalloonConfig &config) {
    if (config.period && *config.period > 0)
        return *config.period;
    return std::nullopt;
}

bool noBalloon(BalloonModel model) {
    return model == BalloonModel::None || model == BalloonModel::Absent;
}

QString noBalloonWords(BalloonModel model) {
    return model == BalloonModel::None ? BalloonText::tr("<memballoon model='none'/>")
                                       : BalloonText::tr("no <memballoon> element");
}

QString otherModelReason(const BalloonConfig &config) {
    if (config.model == BalloonModel::Unknown)
        return BalloonText::tr("Its configuration could not be read.");
    return BalloonText::tr("Its balloon model is '%1', which has no virtio statistics; "
                           "Balloonscope only sets the period of virtio balloons.")
        .arg(config.modelName);
}

void planLive(const GuestBalloonInfo &guest, const StatsPeriodRequest &request, GuestPlan &plan) {
    if (!guest.isActive()) {
        refuse(plan, StepRefusal::Part::Live,
               BalloonText::tr("The guest is not running (%1), so there is nothing to change "
                               "live; only its persistent configuration can change.")
                   .arg(domainStateName(guest.state)));
        return;
    }
    const BalloonConfig &balloon = guest.liveBalloon;
    const int seconds = request.period.seconds();
    if (canReport(balloon.model)) {
        const auto current = periodOf(balloon);
        if (current.value_or(0) == seconds) {
            plan.notes.append(BalloonText::tr("The live stats period is already %1.")
                                  .arg(request.period.toString()));
            return;
        }
        BalloonStep step;
        step.kind = BalloonStep::Kind::LivePeriod;
        step.period = seconds;
        step.before = current;
        plan.steps.append(step);
        return;
    }
    if (request.period.isOff()) {
        plan.notes.append(BalloonText::tr("The running guest has no virtio balloon: its "
                                          "statistics are off already."));
        return;
    }
    if (noBalloon(balloon.model)) {
        if (request.switchToVirtio && request.scope == ApplyScope::Automatic &&
            virtioSwitchObstacle(guest).isEmpty()) {
            plan.notes.append(BalloonText::tr("The running guest has no balloon device (%1): its "
                                              "statistics start after its next shutdown and "
                                              "start.")
                                  .arg(noBalloonWords(balloon.model)));
            plan.needsRestart = true;
            return;
        }
        refuse(plan, StepRefusal::Part::Live,
               BalloonText::tr("The running guest has no balloon device (%1), and none can be "
                               "added while it runs. Switch its persistent configuration to "
                               "virtio instead; that takes effect after its next shutdown and "
                               "start.")
                   .arg(noBalloonWords(balloon.model)));
        plan.offerVirtioSwitch = virtioSwitchObstacle(guest).isEmpty();
        return;
    }
    refuse(plan, StepRefusal::Part::Live, otherModelReason(balloon));
}

void planPersistent(const GuestBalloonInfo &guest, const StatsPeriodRequest &request,
                    GuestPlan &plan) {
    if (!guest.persistent) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The guest is transient: it has no persistent configuration, so "
                               "the change can only be live (until the guest stops)."));
        return;
    }
    const BalloonConfig &balloon = guest.persistentBalloon;
    const int seconds = request.period.seconds();
    if (canReport(balloon.model)) {
        const auto current = periodOf(balloon);
        const MemballoonEdit edit = request.period.isOff() ? MemballoonEdit::removePeriod()
                                                           : MemballoonEdit::setPeriod(seconds);
        if (const auto patch = patchMemballoon(guest.persistentXml.toUtf8(), edit))
            plan.preview = makePreview(*patch);
        if (current.value_or(0) == seconds) {
            plan.notes.append(BalloonText::tr("The persistent stats period is already %1.")
                                  .arg(request.period.toString()));
            return;
        }
        BalloonStep step;
        step.kind = BalloonStep::Kind::PersistentPeriod;
        step.period = seconds;
        step.before = current;
        plan.steps.append(step);
        return;
    }
    if (request.period.isOff()) {
        plan.notes.append(BalloonText::tr("The persistent configuration has no virtio balloon: "
                                          "its statistics are off already."));
        return;
    }
    if (!noBalloon(balloon.model)) {
        refuse(plan, StepRefusal::Part::Persistent, otherModelReason(balloon));
        return;
    }
    if (const QString obstacle = virtioSwitchObstacle(guest); !obstacle.isEmpty()) {
        refuse(plan, StepRefusal::Part::Persistent, obstacle);
        return;
    }
    plan.offerVirtioSwitch = true;
    if (!request.switchToVirtio) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The persistent configuration has no balloon device (%1). Choose "
                               "to switch it to virtio (balloonscope-cli: --switch-to-virtio); "
                               "that takes effect after the guest's next shutdown and start.")
                   .arg(noBalloonWords(balloon.model)));
        return;
    }
    const MemballoonEdit edit = MemballoonEdit::switchToVirtio(seconds);
    const auto patch = patchMemballoon(guest.persistentXml.toUtf8(), edit);
    if (!patch) {
        refuse(plan, StepRefusal::Part::Persistent, patch.error().message);
        return;
    }
    BalloonStep step;
    step.kind = BalloonStep::Kind::PersistentModel;
    step.period = seconds;
    step.edit = edit;
    step.baseXml = guest.persistentXml;
    step.beforeModel = balloon.model == BalloonModel::None ? balloon.modelName : QString();
    plan.steps.append(step);
    plan.preview = makePreview(*patch);
    plan.needsRestart = true;
    plan.notes.append(BalloonText::tr("The virtio balloon takes effect after the guest's next "
                                      "shutdown and start (a reboot from inside the guest is not "
                                      "enough)."));
}

} // namespace

QString virtioSwitchObstacle(const GuestBalloonInfo &guest) {
    if (!guest.persistent)
        return BalloonText::tr("The guest is transient: it has no persistent configuration.");
    if (!noBalloon(guest.persistentBalloon.model))
        return BalloonText::tr("The persistent configuration already has a balloon device.");
    static const QStringList types{QStringLiteral("kvm"), QStringLiteral("qemu"),
                                   QStringLiteral("test")};
    if (!types.contains(guest.domainType)) {
        return BalloonText::tr("This is a '%1' guest; Balloonscope only adds virtio balloons "
                               "to KVM/QEMU guests.")
            .arg(guest.domainType);
    }
    return {};
}

GuestPlan planStatsPeriod(const GuestBalloonInfo &guest, const StatsPeriodRequest &request) {
    GuestPlan plan = emptyPlan(guest);
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
    if (wantsLive(request.scope, guest.isActive()))
        planLive(guest, request, plan);
    if (wantsConfig(request.scope, guest.persistent))
        planPersistent(guest, request, plan);
    return plan;
}

} // namespace bs
