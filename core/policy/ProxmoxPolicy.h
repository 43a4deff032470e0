#pragma once

#include "PolicyTypes.h"

#include <QHash>

namespace bs {

// Proxmox VE's auto-ballooning (pve-manager `PVE/AutoBalloon.pm` compute_alg1, run by
// pvestatd every 10 s; docs/POLICIES.md), with its published constants.
struct ProxmoxConstants {
    int targetPercent = 80;                      // of the host's RAM in use
    qint64 maxChangeBytes = 100LL * 1024 * 1024; // per guest per evaluation
    qint64 deadBandBytes = 10LL * 1024 * 1024;   // |goal| at or below: nothing
    int defaultShares = 1000;
    int periodSeconds = 10;
};

// One guest as compute_alg1 sees it, in bytes.
struct ProxmoxGuest {
    QString id;
    qint64 balloon = 0;    // current balloon; 0: no driver answering
    qint64 balloonMin = 0; // the guest's minimum; 0: auto-ballooning off
    qint64 maxMem = 0;
    qint64 freeMem = 0;        // MemFree; 0: unknown
    std::optional<int> shares; // unset: the default; 0: left alone
    bool migrating = false;
};

// compute_alg1 itself: the new balloon (bytes) of every guest it moves, for a host `goal`
// (bytes to hand out, negative to take back). Deterministic: the result does not depend on the
// guests' order.
QHash<QString, qint64> proxmoxComputeAlg1(const QList<ProxmoxGuest> &guests, qint64 goal,
                                          const ProxmoxConstants &c = {});

// pvestatd's step on Balloonscope's figures: goal = RAM × target − (RAM − MemAvailable); the
// guest's floorKiB is its Proxmox minimum, its shares as given.
QList<PolicyDecision> proxmoxDecide(const HostView &host, const QList<GuestView> &guests,
                                    const ProxmoxConstants &c = {});

} // namespace bs
