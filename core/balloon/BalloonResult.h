#pragma once

#include "BalloonPlan.h"
#include "common/Error.h"

#include <QMetaType>

namespace bs {

// What became of one step when a plan was applied.
struct StepResult {
    enum class Outcome { Done, Failed, NotAttempted };

    BalloonStep step;
    Outcome outcome = Outcome::NotAttempted;
    std::optional<Error> error; // Failed / NotAttempted: why, one sentence + libvirt's detail
    QString note;               // Done: what to expect next ("actual follows over seconds")

    QString describe() const; // "live stats period: off → 10 s — done"
};

enum class GuestOutcome {
    Applied,   // every step done
    Unchanged, // nothing needed doing
    Partial,   // some done, some failed or refused: the guest is between states, say which
    Failed,    // nothing done
};

QString guestOutcomeKey(GuestOutcome outcome);  // "applied", "unchanged", "partial", "failed"
QString guestOutcomeName(GuestOutcome outcome); // translated
GuestOutcome outcomeOf(const QList<StepResult> &steps, const QList<StepRefusal> &refusals);

struct GuestApplyResult {
    quint64 operation = 0;
    QString hostId;
    QString uuid;
    QString name;
    GuestOutcome outcome = GuestOutcome::Failed;
    QList<StepResult> steps;
    QList<StepRefusal> refusals; // from the plan: asked for, impossible

    bool ok() const {
        return outcome == GuestOutcome::Applied || outcome == GuestOutcome::Unchanged;
    }
    // Every step and refusal, "; "-separated: the CLI's DETAILS column, the dialog's tooltip.
    QString details() const;
};

// The result for a guest whose plan could not even be started (not connected, cancelled): every
// step not attempted, with the reason.
GuestApplyResult notAttempted(const GuestPlan &plan, const Error &why);

// Sent before each guest is applied, so a dialog can show "3 of 100: web-01".
struct ApplyProgress {
    quint64 operation = 0;
    int index = 0; // 0-based
    int total = 0;
    QString uuid;
    QString name;
};

struct ApplySummary {
    quint64 operation = 0;
    int applied = 0;
    int unchanged = 0;
    int partial = 0;
    int failed = 0;
    bool cancelled = false; // guests not reached count as failed

    int total() const { return applied + unchanged + partial + failed; }
    bool allGood() const { return partial == 0 && failed == 0 && !cancelled; }
    void add(GuestOutcome outcome);
};

} // namespace bs

Q_DECLARE_METATYPE(bs::StepResult)
Q_DECLARE_METATYPE(bs::GuestApplyResult)
Q_DECLARE_METATYPE(bs::ApplyProgress)
Q_DECLARE_METATYPE(bs::ApplySummary)
