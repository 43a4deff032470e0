#include "GuestAdvisor.h"

#include <algorithm>
#include <cmath>

namespace bs {

namespace {

constexpr int MaxEvidence = 5;

bool notReporting(StatsState s) {
    return s == StatsState::NoBalloon || s == StatsState::Off || s == StatsState::NoDriver;
}

void weighPressure(const GuestNeedHistory &history, const VetoRates &rates, int intervalSeconds,
                   GuestAdvice &advice) {
    QList<PressureEvidence> heavy;
    for (const PressurePoint &p : history.pressure) {
        advice.swapInKiB += p.swapInKiB;
        advice.majorFaults += p.majorFaults;
        // A reading spans at least one polling interval (two polls in the same second: one).
        const double minutes =
            double(qMax<qint64>(p.toMs - p.fromMs, qint64(qMax(1, intervalSeconds)) * 1000)) /
            60000.0;
        if (double(p.swapInKiB) / minutes > rates.swapInKiBPerMinute ||
            double(p.majorFaults) / minutes > rates.majorFaultsPerMinute)
            heavy.append(PressureEvidence{p.fromMs, p.toMs, p.swapInKiB, p.majorFaults});
    }
    advice.vetoed = !heavy.isEmpty();
    std::stable_sort(heavy.begin(), heavy.end(),
                     [](const PressureEvidence &a, const PressureEvidence &b) {
                         return a.swapInKiB != b.swapInKiB ? a.swapInKiB > b.swapInKiB
                                                           : a.majorFaults > b.majorFaults;
                     });
    advice.evidence = heavy.mid(0, MaxEvidence);
}

} // namespace

qint64 roundUpToMiB(qint64 kib) {
    return kib <= 0 ? 0 : (kib + 1023) / 1024 * 1024;
}

GuestAdvice adviseGuest(const GuestNeedHistory &history, const SizingPolicy &policy,
                        int intervalSeconds, qint64 windowSeconds, const VetoRates &rates) {
    GuestAdvice advice;
    advice.uuid = history.uuid;
    advice.name = history.name;
    advice.statsState = history.lastStatsState;
    advice.running =
        history.lastState == DomainState::Running || history.lastState == DomainState::Blocked;
    advice.actualKiB = history.actualKiB;
    advice.maximumKiB = history.maximumKiB;
    advice.floorKiB = policy.floorFor(history.uuid);
    advice.lastReportMs = history.lastReportMs;
    const NeedSummary &need = history.need;
    advice.needPoints = need.points;
    advice.tiers = need.tiers;
    advice.cacheCounted = need.cacheCounted;
    advice.coverage = coverageOf(history.reportingPolls, intervalSeconds, windowSeconds);
    advice.confidence = confidenceFor(advice.coverage, !need.isEmpty());
    weighPressure(history, rates, intervalSeconds, advice);

    // No number for a guest whose statistics do not arrive now: its history would describe a
    // guest that may have changed since, and nothing would tell when it does.
    if (advice.running && notReporting(history.lastStatsState)) {
        advice.status = AdviceStatus::NotReporting;
        advice.confidence = Confidence::None;
        return advice;
    }
    if (advice.running && history.lastStatsState == StatsState::Stale) {
        advice.status = AdviceStatus::Stale;
        advice.confidence = Confidence::None;
        return advice;
    }
    if (need.isEmpty() || !need.at(policy.percentile)) {
        advice.status = advice.running && notReporting(history.lastStatsState)
                            ? AdviceStatus::NotReporting
                            : AdviceStatus::NeverReported;
        advice.confidence = Confidence::None;
        return advice;
    }
    advice.status = AdviceStatus::Advised;
    advice.needP50 = need.at(50);
    advice.needP95 = need.at(95);
    advice.needP99 = need.at(99);
    advice.needHighest = need.highestKiB;
    advice.needAtPercentile = need.at(policy.percentile);
    // The need is a share of MemTotal; a memory size also holds what the kernel keeps outside it.
    advice.overheadKiB = history.overheadKiB;
    const double withHeadroom =
        double(*advice.needAtPercentile) * (1.0 + policy.headroom) + double(advice.overheadKiB);
    qint64 recommended = qMax(advice.floorKiB, roundUpToMiB(qint64(std::ceil(withHeadroom))));
    if (advice.vetoed && advice.actualKiB)
        recommended = qMax(recommended, *advice.actualKiB);
    advice.recommendedKiB = recommended;
    if (advice.actualKiB)
        advice.reclaimableKiB = qMax<qint64>(0, *advice.actualKiB - recommended);
    if (advice.maximumKiB)
        advice.shortKiB = qMax<qint64>(0, recommended - *advice.maximumKiB);
    return advice;
}

} // namespace bs
