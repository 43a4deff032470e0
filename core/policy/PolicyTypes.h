#pragma once

#include "model/BalloonStats.h"

#include <QList>
#include <QString>

#include <optional>

namespace bs {

// The balloon policies Balloonscope knows (docs/POLICIES.md).
enum class PolicyKind { Mom, Proxmox, Balloonscope };

QString policyKey(PolicyKind kind); // "mom", "proxmox", "balloonscope": CLI, JSON, settings
std::optional<PolicyKind> policyFromKey(const QString &key);
QString policyName(PolicyKind kind);      // translated: "oVirt MOM (default policy)"
QString policyShortName(PolicyKind kind); // for legends: "MOM", "Proxmox", "Balloonscope"
QList<PolicyKind> allPolicies();

// The host at one evaluation, in KiB.
struct HostView {
    qint64 totalKiB = 0;
    // MemFree + Buffers + Cached: what MOM calls the host's free memory.
    qint64 freeKiB = 0;
    // MemAvailable, what Proxmox and Balloonscope count as free; a caller that does not know it
    // passes freeKiB.
    qint64 availableKiB = 0;
};

// One guest at one evaluation, in KiB. The figures a policy averages (MOM: the last 10
// samples) are averaged by the caller.
struct GuestView {
    QString uuid;
    QString name;
    qint64 actualKiB = 0;  // the balloon's current size (libvirt "actual", MOM's balloon_cur)
    qint64 maximumKiB = 0; // the most it can have (<currentMemory> at boot, MOM's balloon_max)
    std::optional<qint64> unusedKiB; // MemFree as the guest reports it
    std::optional<qint64> needKiB;   // the sizing need: available − usable (cache not counted)
    // What the guest's kernel holds outside the MemTotal it reports (actual − available: its
    // code, the page map, reserved ranges). The need is a share of MemTotal, the balloon a size
    // of the whole guest: a balloon must hold this on top of the need. About 50 MiB in a
    // 192 MiB guest, 1-3 % of a large one.
    qint64 overheadKiB = 0;
    bool reporting = false;      // the guest's statistics are fresh
    qint64 reportAgeSeconds = 0; // since its newest report
    // Per-guest settings. floorKiB: never below (Balloonscope), the minimum (Proxmox's
    // `balloon`; 0: no auto-ballooning there), MOM's balloon_min (0 under libvirt).
    qint64 floorKiB = 0;
    int shares = 1000; // Proxmox's shares; 0 = left alone
    bool enabled = true;
};

// The balloon a guest needs to hold its need: need + kernel overhead. None without a need.
std::optional<qint64> needInBalloonKiB(const GuestView &guest);

// Why a policy set a target or left a guest alone.
enum class DecisionReason {
    Shrink,       // the host is short: the balloon inflates
    Grow,         // the host has room (or the guest asks for it): the balloon deflates
    GrowToNeed,   // the guest's need + headroom is above its balloon
    Unchanged,    // within the dead-band, or nothing to do
    Disabled,     // the guest is not under this policy
    NotReporting, // no fresh statistics: never act on a guest we cannot see
    Stale,        // its newest report is older than three evaluation periods
    NoMinimum,    // Proxmox: no minimum set, so no auto-ballooning
    AtLimit,      // already at its floor (shrink) or maximum (grow)
};

struct PolicyDecision {
    QString uuid;
    std::optional<qint64> targetKiB; // none: leave the balloon as it is
    DecisionReason reason = DecisionReason::Unchanged;
    bool operator==(const PolicyDecision &) const = default;
};

QString decisionReasonKey(DecisionReason reason);  // "shrink", ...: JSON
QString decisionReasonText(DecisionReason reason); // translated sentence

} // namespace bs
