#include "AutopilotEngine.h"

#include <cmath>

namespace bs {

namespace {

constexpr qint64 MiB = 1024;

qint64 ceilMiB(double kib) {
    return qint64(std::ceil(kib / double(MiB) - 1e-9)) * MiB;
}

// The guest's need from one fresh report: available − usable, else available − unused.
std::optional<qint64> needOf(const BalloonStats &s) {
    if (!s.available)
        return std::nullopt;
    if (s.usable && *s.usable <= *s.available)
        return qint64(*s.available - *s.usable);
    if (!s.usable && s.unused && *s.unused <= *s.available)
        return qint64(*s.available - *s.unused);
    return std::nullopt;
}

} // namespace

AutopilotEngine::AutopilotEngine(AutopilotConfig config)
    : m_config(std::move(config)) {}

void AutopilotEngine::setGuestSettings(const QHash<QString, GuestPolicySettings> &settings) {
    m_settings = settings;
}

bool AutopilotEngine::enabled(const QString &uuid) const {
    const auto it = m_settings.constFind(uuid);
    return it != m_settings.cend() && it->enabled;
}

void AutopilotEngine::onDisconnected() {
    m_tracks.clear();
}

void AutopilotEngine::observe(const PollCycle &cycle) {
    for (Track &t : m_tracks)
        t.running = false;
    for (const MemorySample &s : cycle.samples) {
        Track &t = m_tracks[s.uuid];
        t.name = s.name;
        t.running = s.state == DomainState::Running && s.stats.actual.has_value();
        if (!t.running)
            continue;
        t.actualKiB = qint64(*s.stats.actual);
        t.maximumKiB = qint64(s.stats.maximum.value_or(*s.stats.actual));
        // Stale after three of the guest's stats periods (at least three polls).
        const int period = qMax(s.balloon.period.value_or(0), cycle.intervalSeconds);
        t.staleAfterMs = 3 * qint64(qMax(1, period)) * 1000;
        if (s.freshReport && s.statsState == StatsState::Reporting) {
            if (const auto need = needOf(s.stats)) {
                t.needs.push_back(*need);
                while (int(t.needs.size()) > qMax(1, m_config.needReports))
                    t.needs.pop_front();
                t.unusedKiB =
                    s.stats.unused ? std::optional<qint64>(qint64(*s.stats.unused)) : std::nullopt;
                t.overheadKiB = kernelOverheadKiB(
                    t.actualKiB, s.stats.available
                                     ? std::optional<qint64>(qint64(*s.stats.available))
                                     : std::nullopt);
                t.lastReportMs = cycle.timeMs;
            }
        } else if (s.statsState != StatsState::Reporting) {
            t.needs.clear(); // it stopped reporting: what it said before no longer counts
            t.lastReportMs.reset();
        }
    }
}

std::optional<qint64> AutopilotEngine::guardKiB(const QString &uuid) const {
    const auto it = m_tracks.constFind(uuid);
    if (it == m_tracks.cend() || it->needs.empty())
        return std::nullopt;
    const qint64 need = *std::max_element(it->needs.cbegin(), it->needs.cend());
    // The guest's own floor where it set one (its <metadata> is the more specific setting),
    // else the policy's; never under the balloon's safe minimum.
    qint64 floor = m_config.balloonscope.floorKiB;
    if (const auto s = m_settings.constFind(uuid); s != m_settings.cend() && s->floorKiB)
        floor = *s->floorKiB;
    qint64 guard = qMax(AutopilotConfig::MinimumKiB, floor);
    guard = qMax(guard, ceilMiB(double(need) * (1.0 + m_config.balloonscope.headroom) +
                                double(it->overheadKiB)));
    return it->maximumKiB > 0 ? qMin(guard, it->maximumKiB) : guard;
}

QList<AutopilotAction> AutopilotEngine::onCycle(const PollCycle &cycle,
                                                const std::optional<HostSample> &host) {
    observe(cycle);
    if (m_stopped || !host || !host->total)
        return {};
    const qint64 free =
        qint64(host->free.value_or(0) + host->buffers.value_or(0) + host->cached.value_or(0));
    const HostView view{qint64(*host->total), free, free};
    QList<GuestView> guests;
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it) {
        const Track &t = it.value();
        if (!t.running)
            continue;
        GuestView g;
        g.uuid = it.key();
        g.name = t.name;
        g.actualKiB = t.actualKiB;
        g.maximumKiB = t.maximumKiB;
        g.enabled = enabled(it.key());
        const bool fresh = t.lastReportMs && cycle.timeMs - *t.lastReportMs <= t.staleAfterMs;
        g.reporting = fresh && !t.needs.empty();
        if (g.reporting) {
            g.needKiB = *std::max_element(t.needs.cbegin(), t.needs.cend());
            g.unusedKiB = t.unusedKiB;
            g.overheadKiB = t.overheadKiB;
        }
        const GuestPolicySettings own = m_settings.value(it.key());
        g.floorKiB = own.floorKiB.value_or(
            m_config.policy == PolicyKind::Mom ? 0 : m_config.balloonscope.floorKiB);
        g.shares = own.shares.value_or(m_config.proxmox.defaultShares);
        guests.append(g);
    }
    std::sort(guests.begin(), guests.end(),
              [](const GuestView &a, const GuestView &b) { return a.uuid < b.uuid; });
    QList<PolicyDecision> decisions;
    switch (m_config.policy) {
    case PolicyKind::Mom:
        decisions = momDecide(view, guests, m_config.mom);
        break;
    case PolicyKind::Proxmox:
        decisions = proxmoxDecide(view, guests, m_config.proxmox);
        break;
    case PolicyKind::Balloonscope: {
        // Each guest's floor is in its view (its own, else the policy's default).
        BalloonscopeSettings s = m_config.balloonscope;
        s.floorKiB = AutopilotConfig::MinimumKiB;
        decisions = balloonscopeDecide(view, guests, s);
        break;
    }
    }
    QList<AutopilotAction> actions;
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        const PolicyDecision &d = decisions[i];
        const GuestView &g = guests[i];
        // Never a guest that is not enabled or not seen fresh, whatever the policy says.
        if (!d.targetKiB || !g.enabled || !g.reporting)
            continue;
        const auto guard = guardKiB(g.uuid);
        if (!guard)
            continue;
        AutopilotAction a{g.uuid, g.name, g.actualKiB, *d.targetKiB, d.reason, false};
        if (a.toKiB < *guard) {
            a.toKiB = *guard;
            a.guarded = true;
        }
        a.toKiB = qMin(a.toKiB, g.maximumKiB);
        if (a.toKiB == a.fromKiB)
            continue;
        const bool toNeed = a.toKiB > a.fromKiB && a.fromKiB < *guard;
        if (toNeed)
            a.reason = DecisionReason::GrowToNeed;
        Track &t = m_tracks[g.uuid];
        const bool recent =
            t.lastMoveMs && cycle.timeMs - *t.lastMoveMs < m_config.minChangeIntervalMs;
        if (recent && (!toNeed || t.lastTargetKiB == a.toKiB))
            continue; // rate-limited, or the balloon is still on its way to this target
        t.lastMoveMs = cycle.timeMs;
        t.lastTargetKiB = a.toKiB;
        actions.append(a);
    }
    return actions;
}

QList<AutopilotAction> AutopilotEngine::giveBackMaximum() const {
    QList<AutopilotAction> out;
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it) {
        const Track &t = it.value();
        if (!t.running || !enabled(it.key()) || t.actualKiB >= t.maximumKiB)
            continue;
        out.append(AutopilotAction{it.key(), t.name, t.actualKiB, t.maximumKiB,
                                   DecisionReason::Grow, false});
    }
    std::sort(out.begin(), out.end(),
              [](const AutopilotAction &a, const AutopilotAction &b) { return a.uuid < b.uuid; });
    return out;
}

} // namespace bs
