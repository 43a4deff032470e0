#include "HealthEvaluator.h"

#include "GuestRules.h"
#include "HostRules.h"
#include "PressureRates.h"
#include "SignatureRules.h"

#include <algorithm>

namespace bs {

HealthResult evaluateHealth(const HealthInput &input, const HealthThresholds &thresholds) {
    HealthResult result;
    if (input.hostMemory) {
        result.findings +=
            hostAvailableFindings(input.hostId, *input.hostMemory, thresholds, result.figures);
    }
    for (const GuestWindow *window : input.guests) {
        const GuestWindow &guest = *window;
        const MemorySample *latest = guest.latest();
        if (!latest || !isActive(latest->state))
            continue;
        ++result.guestsJudged;
        const QList<PressureRate> rates = pressureRates(guest.samples);
        const auto add = [&result](std::optional<HealthFinding> f) {
            if (f)
                result.findings.append(std::move(*f));
        };
        add(staleFinding(guest, thresholds, input.nowMs, result.figures));
        add(swapInFinding(guest, rates, thresholds, input.nowMs, input.watchedSeconds,
                          result.figures));
        add(needRatioFinding(guest, thresholds, result.figures));
        add(stuckBalloonFinding(guest, thresholds, input.nowMs));
        add(readinessFinding(guest, thresholds));
        add(strandedFinding(guest, thresholds, result.figures));
        add(freePageReportingFinding(guest, thresholds));
        result.findings += signatureFindings(guest, rates, thresholds);
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
