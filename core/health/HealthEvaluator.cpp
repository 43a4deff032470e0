#include "HealthEvaluator.h"

#include "GuestRules.h"
#include "HostRules.h"
#include "PressureRates.h"
#include "SignatureRules.h"

#include <algorithm>

namespace bs {

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
        if (thresholds.isEnabled(HealthRule::SwapIn)) { // only the rates the rule reads
            add(swapInFinding(guest, swapInRates(guest.samples, swapInFromMs), thresholds,
                              input.nowMs, input.watchedSeconds, figures));
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
