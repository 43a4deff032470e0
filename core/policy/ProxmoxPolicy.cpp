#include "ProxmoxPolicy.h"

#include <QSet>

namespace bs {

namespace {

// One redistribution over `ids` (compute_alg1's change_func): each guest's share of what is
// allocated above the minima plus `bytes`, clamped to [minimum, maximum], moved at most
// maxChange from where it started; repeated over the guests not settled until `bytes` is placed
// or nothing moves. Returns what could not be placed.
qint64 redistribute(const QHash<QString, const ProxmoxGuest *> &byId, const QStringList &ids,
                    qint64 bytes, const ProxmoxConstants &c, QHash<QString, qint64> &result) {
    qint64 rest = bytes;
    bool repeat = true;
    qint64 progress = 1;
    QSet<QString> done;
    auto sharesOf = [&](const ProxmoxGuest &g) {
        return g.shares && *g.shares != 0 ? *g.shares : c.defaultShares;
    };
    while (rest != 0 && repeat && progress != 0) {
        repeat = false;
        progress = 0;
        qint64 sharesTotal = 0;
        qint64 allocOld = 0;
        for (const QString &id : ids) {
            if (done.contains(id))
                continue;
            const ProxmoxGuest &g = *byId.value(id);
            allocOld += result.value(id, g.balloon) - g.balloonMin;
            sharesTotal += sharesOf(g);
        }
        const qint64 allocNew = allocOld + rest;
        qint64 changes = 0;
        for (const QString &id : ids) {
            if (done.contains(id))
                continue;
            const ProxmoxGuest &g = *byId.value(id);
            // Perl: balloon_min + int((alloc_new / shares_total) * shares), in doubles.
            qint64 desired =
                g.balloonMin + qint64(double(allocNew) / double(sharesTotal) * double(sharesOf(g)));
            if (desired > g.maxMem) {
                desired = g.maxMem;
                repeat = true;
            } else if (desired < g.balloonMin) {
                desired = g.balloonMin;
                repeat = true;
            }
            qint64 balloon = 0;
            if (bytes > 0 && desired > g.balloon)
                balloon = qMin(g.balloon + c.maxChangeBytes, desired);
            else if (desired < g.balloon)
                balloon = qMax(g.balloon - c.maxChangeBytes, desired);
            else {
                done.insert(id);
                continue;
            }
            const qint64 diff = balloon - g.balloon;
            if (diff != 0) {
                const qint64 before = result.value(id, g.balloon);
                result.insert(id, balloon);
                const qint64 change = balloon - before;
                if (change != 0) {
                    changes += change;
                    progress += qAbs(diff);
                    repeat = true;
                }
            }
        }
        rest -= changes;
    }
    return rest;
}

} // namespace

QHash<QString, qint64> proxmoxComputeAlg1(const QList<ProxmoxGuest> &guests, qint64 goal,
                                          const ProxmoxConstants &c) {
    QHash<QString, const ProxmoxGuest *> byId;
    QStringList all, pressured, roomy;
    for (const ProxmoxGuest &g : guests) {
        if (g.balloon == 0 || g.balloonMin == 0 || g.migrating || (g.shares && *g.shares == 0))
            continue;
        byId.insert(g.id, &g);
        all.append(g.id);
        // Free memory above a quarter of its minimum, balloon at or above the minimum: "has
        // free memory"; every other guest is under pressure.
        if (g.freeMem > 0 && double(g.freeMem) > double(g.balloonMin) * 0.25 &&
            g.balloon >= g.balloonMin)
            roomy.append(g.id);
        else
            pressured.append(g.id);
    }
    QHash<QString, qint64> result;
    if (goal > c.deadBandBytes) {
        // Growing: the guests under pressure first; all of them if that placed nothing.
        const qint64 rest = redistribute(byId, pressured, goal, c, result);
        if (rest >= goal)
            redistribute(byId, all, rest, c, result);
    } else if (goal < -c.deadBandBytes) {
        // Shrinking: the guests with free memory first; all of them if that took nothing.
        const qint64 rest = redistribute(byId, roomy, goal, c, result);
        if (rest <= goal)
            redistribute(byId, all, rest, c, result);
    }
    return result;
}

QList<PolicyDecision> proxmoxDecide(const HostView &host, const QList<GuestView> &guests,
                                    const ProxmoxConstants &c) {
    constexpr qint64 KiB = 1024;
    QList<ProxmoxGuest> in;
    QList<PolicyDecision> out;
    for (const GuestView &g : guests) {
        PolicyDecision d{g.uuid, std::nullopt, DecisionReason::Unchanged};
        if (!g.enabled || g.shares == 0)
            d.reason = DecisionReason::Disabled;
        else if (!g.reporting || g.actualKiB <= 0)
            d.reason = DecisionReason::NotReporting;
        else if (g.floorKiB <= 0)
            d.reason = DecisionReason::NoMinimum;
        else
            in.append(ProxmoxGuest{g.uuid, g.actualKiB * KiB, g.floorKiB * KiB, g.maximumKiB * KiB,
                                   g.unusedKiB.value_or(0) * KiB, g.shares, false});
        out.append(d);
    }
    const qint64 used = (host.totalKiB - host.availableKiB) * KiB;
    const qint64 goal =
        qint64(double(host.totalKiB * KiB) * c.targetPercent / 100.0 - double(used));
    const QHash<QString, qint64> moved = proxmoxComputeAlg1(in, goal, c);
    for (PolicyDecision &d : out) {
        const auto it = moved.constFind(d.uuid);
        if (it == moved.cend())
            continue;
        const auto g = std::find_if(guests.cbegin(), guests.cend(),
                                    [&](const GuestView &v) { return v.uuid == d.uuid; });
        const qint64 target = *it / KiB;
        if (target == g->actualKiB)
            continue;
        d.targetKiB = target;
        d.reason = target < g->actualKiB ? DecisionReason::Shrink : DecisionReason::Grow;
    }
    return out;
}

} // namespace bs
