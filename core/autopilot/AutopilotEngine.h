#pragma once

#include "host/HostOverview.h"
#include "monitor/MemorySample.h"
#include "policy/BalloonscopePolicy.h"
#include "policy/GuestPolicySettings.h"
#include "policy/MomPolicy.h"
#include "policy/ProxmoxPolicy.h"

#include <QHash>

#include <deque>

namespace bs {

struct AutopilotConfig {
    PolicyKind policy = PolicyKind::Balloonscope;
    BalloonscopeSettings balloonscope; // also the guard's headroom and default floor
    MomConstants mom;
    ProxmoxConstants proxmox;
    bool dryRun = false;                // decide and say so, change nothing
    qint64 minChangeIntervalMs = 30000; // per guest, between two moves that are not to its need
    int needReports = 6;                // the need: the highest of the guest's last N reports
    // No balloon below this, whatever the policy says: the balloon dialogs' safe minimum.
    static constexpr qint64 MinimumKiB = 128 * 1024;
};

// One balloon move the autopilot decided.
struct AutopilotAction {
    QString uuid;
    QString name;
    qint64 fromKiB = 0;
    qint64 toKiB = 0;
    DecisionReason reason = DecisionReason::Unchanged;
    bool guarded = false; // the policy wanted less: raised to need + headroom or the floor
    bool operator==(const AutopilotAction &) const = default;
};

// The autopilot's decisions, poll by poll, from plain values (no libvirt, no threads). Per poll
// it builds what the chosen policy sees (the host's memory; each guest's balloon, maximum,
// MemFree and need, the need being the highest of its recent fresh reports) and asks it, then
// guards what it says:
//  - only guests whose <metadata> enables the autopilot, and only while their statistics are
//    fresh (a report within three of their stats periods, at least three polls);
//  - never below max(128 MiB, the floor, need × (1 + headroom) + the kernel's overhead outside
//    MemTotal) nor above the maximum, the floor
//    being the guest's own (its <metadata>) where it set one, else the policy's;
//  - at most one move per guest per minChangeIntervalMs, except a move up to the guest's need,
//    which is never held back, unless it is the target just set (a balloon takes a few polls to
//    get there: the same target is not asked again, nor marked, within that interval);
//  - nothing without the host's figures, nothing after stop().
class AutopilotEngine {
public:
    explicit AutopilotEngine(AutopilotConfig config = {});

    const AutopilotConfig &config() const { return m_config; }
    void setGuestSettings(const QHash<QString, GuestPolicySettings> &settings);
    const QHash<QString, GuestPolicySettings> &guestSettings() const { return m_settings; }

    // One poll of the host (and its own figures from the same poll; none: nothing is decided).
    QList<AutopilotAction> onCycle(const PollCycle &cycle, const std::optional<HostSample> &host);
    // The connection is gone: what was seen before it is forgotten, so nothing acts on it after.
    void onDisconnected();
    // No more decisions from now on.
    void stop() { m_stopped = true; }
    bool isStopped() const { return m_stopped; }
    // Every enabled guest back to its maximum (what "stop and give back" does).
    QList<AutopilotAction> giveBackMaximum() const;

    // What the autopilot never goes below for the guest now (none: unknown need).
    std::optional<qint64> guardKiB(const QString &uuid) const;

private:
    struct Track {
        QString name;
        bool running = false;
        qint64 actualKiB = 0;
        qint64 maximumKiB = 0;
        std::deque<qint64> needs; // the last fresh reports' need, newest last
        std::optional<qint64> unusedKiB;
        qint64 overheadKiB = 0; // the kernel's, outside MemTotal (GuestView::overheadKiB)
        std::optional<qint64> lastReportMs; // when the newest fresh report arrived
        qint64 staleAfterMs = 0;
        std::optional<qint64> lastMoveMs;
        std::optional<qint64> lastTargetKiB; // what that move set
    };
    void observe(const PollCycle &cycle);
    bool enabled(const QString &uuid) const;

    AutopilotConfig m_config;
    QHash<QString, GuestPolicySettings> m_settings;
    QHash<QString, Track> m_tracks;
    bool m_stopped = false;
};

} // namespace bs
