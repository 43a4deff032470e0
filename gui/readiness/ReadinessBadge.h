#pragma once

#include "model/StatsState.h"
#include "readiness/ReadinessTypes.h"

#include <QCoreApplication>
#include <QString>

namespace bs::gui {

// What a table needs of a readiness report: the verdict and its one-line explanation, without
// the checklist.
struct ReadinessSummary {
    Verdict verdict = Verdict::Unknown;
    // The check has not watched long enough to decide (two stats periods); a later one will.
    bool stillWatching = false;
    QString reason;
    QString nextStep;
    qint64 timeMs = 0;
    bool agentUsed = false;

    static ReadinessSummary from(const ReadinessReport &report);
};

// "Not watched long enough yet": the report's verdict is Unknown only for lack of time.
bool isStillWatching(const ReadinessReport &report);

// Until a readiness check has decided, the monitor's stats state already tells most of the
// story (DOMAIN.md §3): reporting → ready, off → polling off, and so on.
Verdict provisionalVerdict(StatsState state);

// The badge a guest row shows: the checked verdict when there is one, otherwise the verdict
// derived from the stats state, marked provisional.
struct ReadinessBadge {
    Verdict verdict = Verdict::Unknown;
    bool provisional = true;
    QString text;

    static ReadinessBadge of(const ReadinessSummary *summary, StatsState state);
    // Rich text: the verdict, why, and the next step; or, provisional, what the stats state
    // says. Built only when asked: the table asks for the text on every repaint.
    static QString toolTip(const ReadinessSummary *summary, StatsState state);
};

// Short texts shared by the badge column, the page and the dialog.
class ReadinessTexts {
    Q_DECLARE_TR_FUNCTIONS(bs::gui::ReadinessTexts)

public:
    static QString stillChecking();
    static QString provisional();
    static QString provisionalNote();
    static QString openHint();
    static QString checkedAt(qint64 timeMs, qint64 nowMs);
    static QString nextStepLine(const QString &nextStep); // "Next step: …", rich text
};

} // namespace bs::gui
