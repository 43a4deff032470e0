#include "ReadinessBadge.h"

#include "readiness/RecordedVerdict.h"

#include <QDateTime>
#include <QLocale>

namespace bs::gui {

ReadinessSummary ReadinessSummary::from(const ReadinessReport &report) {
    ReadinessSummary s;
    s.verdict = report.verdict;
    s.stillWatching = isStillWatching(report);
    s.reason = report.reason;
    s.nextStep = report.nextStep;
    s.timeMs = report.timeMs;
    s.agentUsed = report.agentUsed;
    return s;
}

bool isStillWatching(const ReadinessReport &report) {
    // The inspector gives Unknown with last_update_advancing as the deciding check exactly when
    // the guest runs with a period but was not watched for two periods yet.
    return report.verdict == Verdict::Unknown &&
           report.decidingCheck == std::optional<CheckId>(CheckId::LastUpdateAdvancing);
}

Verdict provisionalVerdict(StatsState state) {
    return verdictForStatsState(state);
}

ReadinessBadge ReadinessBadge::of(const ReadinessSummary *summary, StatsState state) {
    ReadinessBadge badge;
    badge.provisional = !summary || summary->stillWatching;
    badge.verdict = badge.provisional ? provisionalVerdict(state) : summary->verdict;
    badge.text = verdictName(badge.verdict);
    return badge;
}

QString ReadinessBadge::toolTip(const ReadinessSummary *summary, StatsState state) {
    const ReadinessBadge badge = of(summary, state);
    const QString hint =
        QStringLiteral("<p><i>%1</i></p>").arg(ReadinessTexts::openHint().toHtmlEscaped());
    if (!badge.provisional)
        return QStringLiteral("<p><b>%1</b></p><p>%2</p>%3")
                   .arg(badge.text.toHtmlEscaped(), summary->reason.toHtmlEscaped(),
                        ReadinessTexts::nextStepLine(summary->nextStep)) +
               hint;
    QString tip =
        QStringLiteral("<p><b>%1</b> (%2)</p><p>%3</p>")
            .arg(badge.text.toHtmlEscaped(), ReadinessTexts::provisional().toHtmlEscaped(),
                 statsStateExplanation(state).toHtmlEscaped());
    if (summary) // still watching: say how far
        tip += QStringLiteral("<p>%1</p>").arg(summary->reason.toHtmlEscaped());
    tip +=
        QStringLiteral("<p><i>%1</i></p>").arg(ReadinessTexts::provisionalNote().toHtmlEscaped());
    return tip + hint;
}

QString ReadinessTexts::stillChecking() {
    return tr("checking…");
}

QString ReadinessTexts::provisional() {
    return tr("provisional");
}

QString ReadinessTexts::provisionalNote() {
    return tr("Provisional: taken from the live stats state. The readiness check has not "
              "confirmed it yet.");
}

QString ReadinessTexts::openHint() {
    return tr("Double-click for the checklist and the fix.");
}

QString ReadinessTexts::checkedAt(qint64 timeMs, qint64 nowMs) {
    if (timeMs <= 0)
        return tr("not yet");
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(timeMs);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs);
    const QLocale locale;
    if (at.date() == now.date())
        return locale.toString(at.time(), QLocale::ShortFormat);
    return locale.toString(at, QLocale::ShortFormat);
}

QString ReadinessTexts::nextStepLine(const QString &nextStep) {
    if (nextStep.isEmpty())
        return {};
    return QStringLiteral("<p><b>%1</b> %2</p>")
        .arg(tr("Next step:").toHtmlEscaped(), nextStep.toHtmlEscaped());
}

} // namespace bs::gui
