#include "HostAdvice.h"

namespace bs {

NeedRequest needRequestFor(const QString &hostId, const SizingPolicy &policy, qint64 nowMs) {
    NeedRequest r;
    r.hostId = hostId;
    r.toMs = nowMs;
    r.fromMs = nowMs - policy.windowSeconds * 1000;
    r.percentiles = {50, 95, 99};
    if (!r.percentiles.contains(policy.percentile))
        r.percentiles.append(policy.percentile);
    return r;
}

HostAdvice adviseHost(const NeedResult &history, const SizingPolicy &policy,
                      const WhatIfRequest &whatIf) {
    HostAdvice out;
    out.hostId = history.hostId;
    out.policy = policy;
    out.fromMs = history.fromMs;
    out.toMs = history.toMs;
    out.intervalSeconds = history.intervalSeconds;
    out.tiers = history.tiers;
    const qint64 windowSeconds = qMax<qint64>(1, (history.toMs - history.fromMs) / 1000);
    for (const GuestNeedHistory &g : history.guests) {
        out.guests.append(adviseGuest(g, policy, history.intervalSeconds, windowSeconds));
        out.reclaimableKiB += out.guests.last().reclaimableKiB;
    }
    out.whatIf = hostWhatIf(history, out.guests, whatIf);
    return out;
}

} // namespace bs
