#pragma once

#include "BalloonPlan.h"
#include "GuestBalloonInfo.h"
#include "common/Units.h"

#include <QMetaType>

namespace bs {

struct BalloonTargetPolicy {
    // No guest is ballooned below this, whatever it reports: a kernel needs room to run.
    quint64 minimumKiB = 128 * units::KiBPerMiB;
    // Warn when a live target leaves less than this share above what the guest uses.
    double margin = 0.10;
};

// The numbers a balloon-target dialog shows and bounds its input with. KiB.
struct BalloonTargetLimits {
    std::optional<quint64> maximumKiB;           // live: the most the balloon can give
    std::optional<quint64> actualKiB;            // live: what it gives now
    std::optional<quint64> persistentMaximumKiB; // <memory>
    std::optional<quint64> persistentCurrentKiB; // <currentMemory>
    // What the guest uses without its reclaimable cache (available − usable; available − unused
    // when the guest does not report usable), from a fresh report only.
    std::optional<quint64> usedKiB;
    std::optional<quint64> usableKiB;
    quint64 floorKiB = 0;       // no live target below this: max(minimum, used)
    quint64 comfortableKiB = 0; // below this a live target needs confirmation: used × (1 + margin)
};

BalloonTargetLimits balloonTargetLimits(const GuestBalloonInfo &guest,
                                        const BalloonTargetPolicy &policy = {});

struct BalloonTargetRequest {
    quint64 targetKiB = 0;
    ApplyScope scope = ApplyScope::Automatic;
    bool acceptWarnings = false; // the user confirmed the warnings (CLI: --force)
};

// Decides what setting the balloon target means for one guest:
// - live (virDomainSetMemoryFlags AFFECT_LIVE): between the floor and the live maximum; a target
//   that shrinks the guest to less than the margin above what it uses, or while its use is
//   unknown (no fresh statistics), is a warning that needs confirmation;
// - persistent (AFFECT_CONFIG, <currentMemory>): between the minimum and <memory>;
// - no balloon device, inactive (live), transient (config), read-only: refused with the reason.
GuestPlan planBalloonTarget(const GuestBalloonInfo &guest, const BalloonTargetRequest &request,
                            const BalloonTargetPolicy &policy = {});

} // namespace bs

Q_DECLARE_METATYPE(bs::BalloonTargetLimits)
Q_DECLARE_METATYPE(bs::BalloonTargetRequest)
