#include "NextBootPlanner.h"

#include "BalloonText.h"
#include "common/Units.h"

namespace bs {

namespace {

void refuse(GuestPlan &plan, const QString &reason) {
    plan.refusals.append(StepRefusal{StepRefusal::Part::Persistent, reason});
}

QString element(const char *name, quint64 kib) {
    return QStringLiteral("<%1 unit='KiB'>%2</%1>").arg(QLatin1String(name)).arg(kib);
}

} // namespace

GuestPlan planNextBootMemory(const GuestBalloonInfo &guest, quint64 memoryKiB) {
    GuestPlan plan;
    plan.hostId = guest.hostId;
    plan.uuid = guest.uuid;
    plan.name = guest.name;
    if (guest.error) {
        plan.refusals.append(StepRefusal{StepRefusal::Part::Guest, guest.error->message});
        return plan;
    }
    if (guest.readOnly) {
        refuse(plan, BalloonText::tr("The connection is read-only."));
        return plan;
    }
    if (!guest.persistent) {
        refuse(plan, BalloonText::tr("A transient guest has no configuration for its next boot."));
        return plan;
    }
    if (!guest.persistentMaximumKiB) {
        refuse(plan, BalloonText::tr("The persistent maximum memory could not be read."));
        return plan;
    }
    if (memoryKiB == 0) {
        refuse(plan, BalloonText::tr("No memory size to set."));
        return plan;
    }
    const quint64 maximum = *guest.persistentMaximumKiB;
    const quint64 current = guest.persistentCurrentKiB.value_or(maximum);
    if (memoryKiB > maximum) {
        BalloonStep step;
        step.kind = BalloonStep::Kind::PersistentMaximum;
        step.targetKiB = memoryKiB;
        step.before = qint64(maximum);
        plan.steps.append(step);
    }
    if (current != memoryKiB) {
        BalloonStep step;
        step.kind = BalloonStep::Kind::PersistentTarget;
        step.targetKiB = memoryKiB;
        step.before = qint64(current);
        plan.steps.append(step);
    }
    if (plan.steps.isEmpty()) {
        plan.notes.append(
            BalloonText::tr("It already starts with %1.").arg(units::formatKiB(memoryKiB)));
        return plan;
    }
    plan.needsRestart = true;
    plan.notes.append(BalloonText::tr("From the next shutdown and start; the running guest keeps "
                                      "its memory until then."));
    return plan;
}

QStringList nextBootXmlDiff(const GuestPlan &plan) {
    QStringList lines;
    for (const BalloonStep &step : plan.steps) {
        const char *name = step.kind == BalloonStep::Kind::PersistentMaximum  ? "memory"
                           : step.kind == BalloonStep::Kind::PersistentTarget ? "currentMemory"
                                                                              : nullptr;
        if (!name)
            continue;
        if (step.before)
            lines.append(QLatin1Char('-') + element(name, quint64(*step.before)));
        lines.append(QLatin1Char('+') + element(name, step.targetKiB));
    }
    return lines;
}

} // namespace bs
