#include "FreePageReportingPlanner.h"

#include "BalloonText.h"
#include "MemballoonDiff.h"

namespace bs {

namespace {

void refuse(GuestPlan &plan, StepRefusal::Part part, const QString &reason) {
    plan.refusals.append(StepRefusal{part, reason});
}

} // namespace

GuestPlan planFreePageReporting(const GuestBalloonInfo &guest, bool alsoAutodeflate) {
    GuestPlan plan;
    plan.hostId = guest.hostId;
    plan.uuid = guest.uuid;
    plan.name = guest.name;
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
    if (!guest.persistent) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The guest is transient: it has no persistent configuration, and "
                               "free page reporting cannot change on a running guest."));
        return plan;
    }
    const BalloonConfig &balloon = guest.persistentBalloon;
    if (!canReport(balloon.model)) {
        refuse(plan, StepRefusal::Part::Persistent,
               BalloonText::tr("The persistent configuration has no virtio balloon: give it one "
                               "first (Stats period…, switch to virtio)."));
        return plan;
    }
    MemballoonEdit edit;
    if (!balloon.freePageReporting)
        edit.freePageReporting = true;
    if (alsoAutodeflate && !balloon.autodeflate)
        edit.autodeflate = true;
    if (!edit.editsAttributes()) {
        plan.notes.append(alsoAutodeflate
                              ? BalloonText::tr("Free page reporting and autodeflate are already "
                                                "on in the persistent configuration.")
                              : BalloonText::tr("Free page reporting is already on in the "
                                                "persistent configuration."));
        return plan;
    }
    const auto patch = patchMemballoon(guest.persistentXml.toUtf8(), edit);
    if (!patch) {
        refuse(plan, StepRefusal::Part::Persistent, patch.error().message);
        return plan;
    }
    BalloonStep step;
    step.kind = BalloonStep::Kind::PersistentOptions;
    step.edit = edit;
    step.baseXml = guest.persistentXml;
    plan.steps.append(step);
    plan.preview = makePreview(*patch);
    plan.needsRestart = true;
    plan.notes.append(BalloonText::tr("Takes effect after the guest's next shutdown and start (a "
                                      "reboot from inside the guest is not enough); the running "
                                      "guest keeps its settings until then."));
    return plan;
}

} // namespace bs
