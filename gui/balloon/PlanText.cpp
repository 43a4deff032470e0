#include "PlanText.h"

#include "balloon/BalloonResult.h"
#include "ballooncontrol/StatsFlowWatch.h"

namespace bs::gui {

QString PlanText::refusalLine(const StepRefusal &refusal) {
    switch (refusal.part) {
    case StepRefusal::Part::Live:
        return tr("Not possible live: %1").arg(refusal.reason);
    case StepRefusal::Part::Persistent:
        return tr("Not possible in the persistent configuration: %1").arg(refusal.reason);
    case StepRefusal::Part::Guest:
        break;
    }
    return tr("Not possible: %1").arg(refusal.reason);
}

QStringList PlanText::planLines(const GuestPlan &plan, const QString &skipped) {
    QStringList lines;
    if (!skipped.isEmpty())
        lines << skipped;
    for (const BalloonStep &step : plan.steps)
        lines << tr("Will set the %1").arg(step.describe());
    for (const StepRefusal &refusal : plan.refusals)
        lines << refusalLine(refusal);
    for (const QString &warning : plan.warnings)
        lines << tr("Warning: %1").arg(warning);
    lines << plan.notes;
    if (lines.isEmpty())
        lines << tr("Nothing to change.");
    return lines;
}

QStringList PlanText::resultLines(const GuestApplyResult &result) {
    QStringList lines{guestOutcomeName(result.outcome)};
    for (const StepResult &step : result.steps) {
        if (step.outcome != StepResult::Outcome::Done || !step.note.isEmpty())
            lines << step.describe();
    }
    if (!result.refusals.isEmpty())
        lines << tr("Not everything asked for was possible: see \"What applying does\".");
    return lines;
}

QString PlanText::flowLine(const StatsFlowVerdict &verdict) {
    if (verdict.kind == StatsFlowVerdict::Kind::NotFlowing)
        return tr("Not flowing: %1").arg(verdict.message);
    return verdict.message;
}

QString PlanText::summaryLine(const ApplySummary &summary) {
    QStringList parts;
    if (summary.applied > 0)
        parts << tr("%1 changed").arg(summary.applied);
    if (summary.unchanged > 0)
        parts << tr("%1 unchanged").arg(summary.unchanged);
    if (summary.partial > 0)
        parts << tr("%1 PARTLY changed").arg(summary.partial);
    if (summary.failed > 0)
        parts << tr("%1 FAILED").arg(summary.failed);
    QString text = tr("Finished: %1.").arg(parts.join(QStringLiteral(", ")));
    if (summary.cancelled)
        text += QLatin1Char(' ') + tr("Stopped before the remaining guests.");
    if (!summary.allGood())
        text += QLatin1Char(' ') + tr("See the Result column for what was not done, and why.");
    return text;
}

QString PlanText::cell(const QStringList &lines) {
    return lines.join(QChar::LineSeparator);
}

} // namespace bs::gui
