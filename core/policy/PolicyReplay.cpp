#include "PolicyReplay.h"

#include <cmath>

namespace bs {

namespace {

const QList<Metric> GuestMetrics = {Metric::Actual, Metric::Maximum,
                                    Metric::Unused, Metric::UsedExcludingCache,
                                    Metric::Used,   Metric::Available};
const QList<HostMetric> HostMetrics = {HostMetric::Total, HostMetric::FreeWithCaches};

std::optional<qint64> valueOf(const EnvelopePoint &p, bool peak) {
    if (p.isGap())
        return std::nullopt;
    return qint64(std::llround(peak ? p.max : p.avg));
}

int periodOf(PolicyKind kind, const ReplaySettings &s) {
    switch (kind) {
    case PolicyKind::Mom:
        return s.mom.periodSeconds;
    case PolicyKind::Proxmox:
        return s.proxmox.periodSeconds;
    case PolicyKind::Balloonscope:
        return s.balloonscope.periodSeconds;
    }
    return 10;
}

QList<PolicyDecision> decide(PolicyKind kind, const HostView &host, const QList<GuestView> &views,
                             const ReplaySettings &s) {
    switch (kind) {
    case PolicyKind::Mom:
        return momDecide(host, views, s.mom);
    case PolicyKind::Proxmox:
        return proxmoxDecide(host, views, s.proxmox);
    case PolicyKind::Balloonscope:
        return balloonscopeDecide(host, views, s.balloonscope);
    }
    return {};
}

} // namespace

SeriesRequest replaySeriesRequest(const QString &hostId, const QStringList &uuids, qint64 fromMs,
                                  qint64 toMs, int points) {
    SeriesRequest r;
    r.hostId = hostId;
    r.uuids = uuids;
    r.metrics = GuestMetrics;
    r.fromMs = fromMs;
    r.toMs = toMs;
    r.points = points;
    return r;
}

HostSeriesRequest replayHostRequest(const QString &hostId, qint64 fromMs, qint64 toMs, int points) {
    HostSeriesRequest r;
    r.hostId = hostId;
    r.metrics = HostMetrics;
    r.fromMs = fromMs;
    r.toMs = toMs;
    r.points = points;
    return r;
}

ReplayInput replayInputFrom(const SeriesResult &guests, const HostSeriesResult &host,
                            const QHash<QString, QString> &names) {
    ReplayInput in;
    in.hostId = host.hostId;
    in.bucketMs = guests.bucketMs > 0 ? guests.bucketMs : host.bucketMs;
    // The buckets: every time any series has a point, in order.
    QList<qint64> times;
    for (const Series &s : guests.series) {
        for (const EnvelopePoint &p : s.points)
            times.append(p.timeMs);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    in.timesMs = times;
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < times.size(); ++i)
        index.insert(times[i], i);

    // The host: its MemTotal (else the node memory recorded) and free incl. caches.
    in.hostTotalKiB = QList<qint64>(times.size(), 0);
    in.hostFreeKiB = QList<qint64>(times.size(), 0);
    auto nearest = [&](const QList<EnvelopePoint> &points, qint64 t) -> std::optional<qint64> {
        // The last point at or before t (host buckets align with the guests').
        std::optional<qint64> v;
        for (const EnvelopePoint &p : points) {
            if (p.timeMs > t)
                break;
            if (!p.isGap())
                v = qint64(std::llround(p.avg));
        }
        return v;
    };
    for (const HostSeries &s : host.series) {
        QList<qint64> &target = s.metric == HostMetric::Total ? in.hostTotalKiB : in.hostFreeKiB;
        for (const EnvelopePoint &p : s.points) {
            const auto it = index.constFind(p.timeMs);
            if (it != index.cend() && !p.isGap())
                target[*it] = qint64(std::llround(p.avg));
        }
    }
    in.hostKnown = QList<bool>(times.size(), false);
    for (const HostSeries &s : host.series) {
        if (s.metric != HostMetric::FreeWithCaches)
            continue;
        for (const EnvelopePoint &p : s.points) {
            const auto it = index.constFind(p.timeMs);
            if (it != index.cend() && !p.isGap())
                in.hostKnown[*it] = true;
        }
    }
    for (qsizetype i = 0; i < times.size(); ++i) {
        if (in.hostTotalKiB[i] == 0)
            in.hostTotalKiB[i] = nearest(host.nodeMemory, times[i]).value_or(0);
        in.hostKnown[i] = in.hostKnown[i] && in.hostTotalKiB[i] > 0;
    }

    // The guests, metric by metric.
    for (const Series &s : guests.series) {
        if (!in.guests.contains(s.uuid)) {
            in.uuids.append(s.uuid);
            in.names.insert(s.uuid, names.value(s.uuid, s.uuid));
            in.guests.insert(s.uuid, QList<RecordedGuest>(times.size()));
        }
        QList<RecordedGuest> &rows = in.guests[s.uuid];
        for (const EnvelopePoint &p : s.points) {
            const auto it = index.constFind(p.timeMs);
            if (it == index.cend())
                continue;
            RecordedGuest &g = rows[*it];
            switch (s.metric) {
            case Metric::Actual:
                if (const auto v = valueOf(p, false)) {
                    g.running = true;
                    g.actualKiB = *v;
                }
                break;
            case Metric::Maximum:
                g.maximumKiB = valueOf(p, true).value_or(0);
                break;
            case Metric::Unused:
                g.unusedKiB = valueOf(p, false);
                break;
            case Metric::Available:
                g.availableKiB = valueOf(p, false);
                break;
            case Metric::UsedExcludingCache: // the need; wins over Used whichever comes first
                if (const auto v = valueOf(p, true)) {
                    g.needKiB = v;
                    g.needCountsCache = false;
                }
                break;
            case Metric::Used: // without usable: the need with page cache counted
                if (!g.needKiB) {
                    g.needKiB = valueOf(p, true);
                    g.needCountsCache = g.needKiB.has_value();
                }
                break;
            default:
                break;
            }
        }
    }
    return in;
}

QList<PolicyReplay> replayPolicies(const ReplayInput &input, const ReplaySettings &settings) {
    QList<PolicyReplay> out;
    const qsizetype buckets = input.timesMs.size();
    for (PolicyKind kind : settings.policies) {
        PolicyReplay run;
        run.policy = kind;
        const qint64 period = qMax(1, periodOf(kind, settings)) * 1000LL;
        const int evaluations = int(qMax<qint64>(1, input.bucketMs / period));
        QHash<QString, std::optional<qint64>> balloon; // the policy's balloon while running
        QHash<QString, qsizetype> guestIndex;
        for (const QString &uuid : input.uuids) {
            guestIndex.insert(uuid, run.guests.size());
            run.guests.append(ReplayedGuest{uuid, input.names.value(uuid), {}, 0, 0, 0});
        }
        QHash<QString, Squeeze> open; // squeezes still going on
        qint64 handedBackSum = 0;
        int handedBackCount = 0;
        for (qsizetype b = 0; b < buckets; ++b) {
            const qint64 t = input.timesMs[b];
            const bool hostKnown = input.hostKnown.value(b, false);
            run.bucketsWithoutHost += hostKnown ? 0 : 1;
            for (int e = 0; e < (hostKnown ? evaluations : 1); ++e) {
                qint64 freed = 0;
                QList<GuestView> views;
                for (const QString &uuid : input.uuids) {
                    const RecordedGuest &r = input.guests[uuid][b];
                    if (!r.running) {
                        balloon[uuid].reset();
                        continue;
                    }
                    if (!balloon[uuid])
                        balloon[uuid] = r.actualKiB;
                    const qint64 mine = *balloon[uuid];
                    freed += r.actualKiB - mine;
                    GuestView v;
                    v.uuid = uuid;
                    v.name = input.names.value(uuid);
                    v.actualKiB = mine;
                    v.maximumKiB = r.maximumKiB > 0 ? r.maximumKiB : r.actualKiB;
                    if (r.unusedKiB)
                        v.unusedKiB = qMax<qint64>(0, *r.unusedKiB + (mine - r.actualKiB));
                    v.needKiB = r.needKiB;
                    v.overheadKiB = kernelOverheadKiB(r.actualKiB, r.availableKiB);
                    v.reporting = r.unusedKiB.has_value() || r.needKiB.has_value();
                    v.floorKiB = settings.floorsKiB.value(uuid, 0);
                    v.shares = settings.shares.value(uuid, settings.proxmox.defaultShares);
                    if (kind == PolicyKind::Mom)
                        v.floorKiB = 0; // MOM's balloon_min under libvirt
                    else if (kind == PolicyKind::Proxmox && v.floorKiB == 0)
                        v.floorKiB = settings.balloonscope.floorKiB; // its minimum
                    views.append(v);
                }
                if (!hostKnown)
                    break; // the balloons hold: set above, where the guest starts
                const qint64 free = input.hostFreeKiB[b] + freed;
                const HostView host{input.hostTotalKiB[b], free, free};
                bool moved = false;
                for (const PolicyDecision &d : decide(kind, host, views, settings)) {
                    if (!d.targetKiB || *d.targetKiB == *balloon[d.uuid])
                        continue;
                    balloon[d.uuid] = *d.targetKiB;
                    ++run.guests[guestIndex[d.uuid]].changes;
                    ++run.changes;
                    moved = true;
                }
                // A policy is a function of what it sees: an evaluation that moved nothing
                // leaves the next one the same inputs, so the rest of the bucket is the same.
                if (!moved)
                    break;
            }
            // Where the bucket leaves each guest and the host.
            qint64 freed = 0;
            for (const QString &uuid : input.uuids) {
                const RecordedGuest &r = input.guests[uuid][b];
                ReplayedGuest &g = run.guests[guestIndex[uuid]];
                if (!r.running || !balloon[uuid]) {
                    if (open.contains(uuid))
                        run.squeezes.append(open.take(uuid));
                    continue;
                }
                const qint64 mine = *balloon[uuid];
                g.balloonKiB.append({t, mine});
                freed += r.actualKiB - mine;
                // Squeezed: the balloon cannot hold the need and the kernel's own overhead.
                const qint64 deficit =
                    r.needKiB ? *r.needKiB + kernelOverheadKiB(r.actualKiB, r.availableKiB) - mine
                              : 0;
                if (deficit > 0) {
                    g.squeezedMs += input.bucketMs;
                    g.worstDeficitKiB = qMax(g.worstDeficitKiB, deficit);
                    Squeeze &s = open[uuid];
                    if (s.uuid.isEmpty()) {
                        s.uuid = uuid;
                        s.name = g.name;
                        s.fromMs = t;
                    }
                    s.toMs = t + input.bucketMs;
                    s.worstDeficitKiB = qMax(s.worstDeficitKiB, deficit);
                } else if (open.contains(uuid)) {
                    run.squeezes.append(open.take(uuid));
                }
            }
            if (hostKnown) {
                const qint64 projected = input.hostFreeKiB[b] + freed;
                run.hostFreeKiB.append({t, projected});
                run.hostFreeLowestKiB = qMin(run.hostFreeLowestKiB.value_or(projected), projected);
            }
            handedBackSum += freed;
            ++handedBackCount;
            run.handedBackPeakKiB = qMax(run.handedBackPeakKiB, freed);
        }
        for (const QString &uuid : input.uuids) {
            if (open.contains(uuid))
                run.squeezes.append(open.take(uuid));
        }
        std::sort(run.squeezes.begin(), run.squeezes.end(), [](const Squeeze &a, const Squeeze &b) {
            return a.fromMs != b.fromMs ? a.fromMs < b.fromMs : a.uuid < b.uuid;
        });
        run.handedBackMeanKiB = handedBackCount > 0 ? handedBackSum / handedBackCount : 0;
        out.append(run);
    }
    return out;
}

} // namespace bs
