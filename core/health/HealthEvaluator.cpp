#include "HealthEvaluator.h"

#include "GuestRules.h"
#include "HostRules.h"
#include "PressureRates.h"
#include "SignatureRules.h"

#include <algorithm>

namespace bs {

namespace {

// Whether `value` reaches the warning or the critical level (GuestRules' levelOf is not Ok).
bool reachesALevel(double value, const std::optional<double> &warning,
                   const std::optional<double> &critical) {
    return (warning && value >= *warning) || (critical && value >= *critical);
}

} // namespace

HealthResult evaluateHealth(const HealthInput &input, const HealthThresholds &thresholds) {
    HealthResult result;
    QList<HealthFigure> *figures = input.wantFigures ? &result.figures : nullptr;
    if (input.hostMemory) {
        QList<HealthFigure> hostFigures;
        result.findings +=
            hostAvailableFindings(input.hostId, *input.hostMemory, thresholds, hostFigures);
        if (figures)
            *figures += hostFigures;
    }
    const qint64 swapInFromMs = swapInWindowStartMs(thresholds, input.nowMs, input.watchedSeconds);
    const auto add = [&result](std::optional<HealthFinding> f) {
        if (f)
            result.findings.append(std::move(*f));
    };
    for (const GuestWindow *window : input.guests) {
        const GuestWindow &guest = *window;
        const MemorySample *latest = guest.latest();
        if (!latest || !isActive(latest->state))
            continue;
        ++result.guestsJudged;
        add(staleFinding(guest, thresholds, input.nowMs, figures));
        // Only the rates the rule reads, and none for a guest without a swap-in counter in the
        // rule's span (a guest whose stats lack swap_in would otherwise have its whole span
        // walked at every poll, to find no rate).
        const std::optional<qint64> swapInAtMs = guest.newestSwapInMs();
        const bool noSwapInRate =
            !swapInAtMs || (guest.samples.inTimeOrder() && *swapInAtMs <= swapInFromMs);
        if (thresholds.isEnabled(HealthRule::SwapIn) && !noSwapInRate) {
            // The rule fires only when even the lowest rate of its span reaches a level, and its
            // figure is the newest rate: a newest rate below every level settles both, without
            // the span's other rates (a fifth of the watchdog at 5,000 guests).
            const auto below = [&thresholds](const PressureRate &r) {
                return r.swapInKiBps &&
                       !reachesALevel(*r.swapInKiBps, thresholds.swapInWarningKiBps,
                                      thresholds.swapInCriticalKiBps);
            };
            const std::optional<PressureRate> newest =
                newestSwapInRate(guest.samples, swapInFromMs);
            QList<PressureRate> rates;
            if (!newest || below(*newest)) {
                if (newest)
                    rates = {*newest};
            } else if (const std::optional<PressureRate> lower =
                           newest->swapInKiBps
                               ? newestSwapInRate(guest.samples, swapInFromMs, below)
                               : std::nullopt) {
                // The newest reaches a level but an earlier rate of the span does not: no
                // finding either, and the figure is still the newest (at 5,000 guests whose
                // figures move every poll, a tenth of the GUI thread went to the whole span).
                rates = {*lower, *newest};
            } else {
                rates = swapInRates(guest.samples, swapInFromMs);
            }
            add(swapInFinding(guest, rates, thresholds, input.nowMs, input.watchedSeconds,
                              figures));
        }
        add(needRatioFinding(guest, thresholds, figures));
        add(stuckBalloonFinding(guest, thresholds, input.nowMs));
        add(readinessFinding(guest, thresholds));
        add(strandedFinding(guest, thresholds, figures));
        add(freePageReportingFinding(guest, thresholds));
        result.findings += signatureFindings(guest, thresholds);
    }
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     [](const HealthFinding &a, const HealthFinding &b) {
                         if (a.severity != b.severity)
                             return a.severity > b.severity;
                         return a.rule < b.rule;
                     });
    return result;
}

} // namespace bs
