#pragma once

#include "BalloonscopePolicy.h"
#include "MomPolicy.h"
#include "PolicyTypes.h"
#include "ProxmoxPolicy.h"
#include "history/SeriesTypes.h"

#include <QHash>

namespace bs {

// One guest's figures in one bucket of recorded history, in KiB.
struct RecordedGuest {
    bool running = false;
    qint64 actualKiB = 0;
    qint64 maximumKiB = 0;
    std::optional<qint64> unusedKiB;    // the bucket's mean MemFree
    std::optional<qint64> needKiB;      // the bucket's highest need: its peak, not its mean
    std::optional<qint64> availableKiB; // the bucket's mean MemTotal (for the kernel overhead)
    bool needCountsCache = false;       // no `usable`: MemFree-based, page cache counted
};

// A host's recorded history, bucket by bucket, as the replay reads it.
struct ReplayInput {
    QString hostId;
    qint64 bucketMs = 0;
    QList<qint64> timesMs;                       // bucket starts
    QList<qint64> hostTotalKiB;                  // per bucket; 0 = not recorded
    QList<qint64> hostFreeKiB;                   // MemFree + Buffers + Cached, per bucket
    QList<bool> hostKnown;                       // both recorded: the policies can be asked
    QStringList uuids;                           // guests, in order
    QHash<QString, QString> names;               // uuid → name
    QHash<QString, QList<RecordedGuest>> guests; // uuid → one per bucket
};

// The history queries a replay needs: per guest Actual, Maximum, Unused, UsedExcludingCache
// and Used; for the host Total and FreeWithCaches; the same range and bucket count.
SeriesRequest replaySeriesRequest(const QString &hostId, const QStringList &uuids, qint64 fromMs,
                                  qint64 toMs, int points);
HostSeriesRequest replayHostRequest(const QString &hostId, qint64 fromMs, qint64 toMs, int points);
ReplayInput replayInputFrom(const SeriesResult &guests, const HostSeriesResult &host,
                            const QHash<QString, QString> &names);

struct ReplaySettings {
    QList<PolicyKind> policies = allPolicies();
    MomConstants mom;
    ProxmoxConstants proxmox;
    BalloonscopeSettings balloonscope;
    // Per guest (uuid): its floor (Balloonscope's floor, Proxmox's minimum) and shares.
    QHash<QString, qint64> floorsKiB;
    QHash<QString, int> shares;
};

// A stretch in which a policy's balloon left a guest less than its need: it would have swapped.
struct Squeeze {
    QString uuid;
    QString name;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 worstDeficitKiB = 0;
};

struct ReplayedGuest {
    QString uuid;
    QString name;
    QList<QPair<qint64, qint64>> balloonKiB; // (bucket start, the policy's balloon) while running
    int changes = 0;                         // balloon moves the policy made
    qint64 squeezedMs = 0;
    qint64 worstDeficitKiB = 0;
};

struct PolicyReplay {
    PolicyKind policy = PolicyKind::Balloonscope;
    QList<ReplayedGuest> guests;
    QList<Squeeze> squeezes;
    QList<QPair<qint64, qint64>> hostFreeKiB; // projected: recorded + what the policy freed
    qint64 handedBackMeanKiB = 0;             // Σ (recorded balloon − the policy's), mean
    qint64 handedBackPeakKiB = 0;
    std::optional<qint64> hostFreeLowestKiB;
    int changes = 0;
    int bucketsWithoutHost = 0; // no host figures recorded: no evaluation, balloons held
};

// Replays the recorded history through each policy, open-loop: the guests' need and MemFree
// are taken as recorded (in reality a guest would have behaved differently under another
// balloon: it would have swapped, or cached less). Each bucket runs as many evaluations as the
// policy's period fits in it (at least one); a balloon starts where the recording has it when
// the guest starts. Where the host's own figures were not recorded nothing is evaluated (every
// policy decides on them) and the balloons hold.
QList<PolicyReplay> replayPolicies(const ReplayInput &input, const ReplaySettings &settings);

} // namespace bs
