#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace bs {
struct ApplySummary;
struct GuestApplyResult;
struct GuestPlan;
struct StepRefusal;
struct StatsFlowVerdict;
} // namespace bs

namespace bs::gui {

// The sentences the balloon dialogs show next to a guest: what a plan will do and what it cannot,
// what applying it did, and whether the stats flow since.
struct PlanText {
    Q_DECLARE_TR_FUNCTIONS(bs::gui::PlanText)

public:
    // Steps, refusals, warnings and notes of a plan, one line each; `skipped` (the part of the
    // chosen scope the guest does not have) comes first. "Nothing to change." when empty.
    static QStringList planLines(const GuestPlan &plan, const QString &skipped = {});
    static QString refusalLine(const StepRefusal &refusal);
    // The outcome, then every step not done (and why) and every step done with a note.
    static QStringList resultLines(const GuestApplyResult &result);
    static QString flowLine(const StatsFlowVerdict &verdict);
    // "2 guests changed, 1 FAILED. See the Result column for what was not done, and why."
    static QString summaryLine(const ApplySummary &summary);
    // Lines for a wrapped table cell (QTextLayout breaks at U+2028, not at '\n').
    static QString cell(const QStringList &lines);
};

} // namespace bs::gui
