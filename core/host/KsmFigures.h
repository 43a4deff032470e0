#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

namespace bs {

struct TypedParam;

// virNodeGetMemoryParameters: the host's /sys/kernel/mm/ksm as libvirt hands it out. Page
// counts are in pages of the host's base page size (KSM merges base pages only). libvirt does not
// expose `run`, so whether ksmd runs is inferred from the counters moving (KsmActivityTracker).
struct KsmParameters {
    std::optional<quint64> pagesToScan;    // shm_pages_to_scan: pages per wake-up
    std::optional<quint64> sleepMillisecs; // shm_sleep_millisecs: pause between wake-ups
    std::optional<quint64> pagesShared;    // shm_pages_shared: KSM pages in use (the originals)
    std::optional<quint64> pagesSharing;   // shm_pages_sharing: mappings merged into them = saved
    std::optional<quint64> pagesUnshared;  // shm_pages_unshared: scanned, unique so far
    std::optional<quint64> pagesVolatile;  // shm_pages_volatile: change too fast to merge
    std::optional<quint64> fullScans;      // shm_full_scans: completed passes since boot
    std::optional<bool> mergeAcrossNodes;  // shm_merge_across_nodes (absent on old kernels)

    bool any() const;
    // Every page counter and full_scans zero: ksmd has never completed a pass (KSM is off).
    bool neverScanned() const;
    bool operator==(const KsmParameters &) const = default;
};

// The shm_* typed parameters. Missing or mistyped entries stay empty (libvirt leaves a zeroed
// slot for a sysfs file the kernel lacks).
KsmParameters ksmParametersFromTypedParams(const QList<TypedParam> &params);

enum class KsmActivity {
    Unknown,  // one reading only, or no KSM figures
    Idle,     // never scanned since boot: KSM is off (or ksmtuned never started it)
    Scanning, // the counters moved between two readings: ksmd is working (and costs CPU)
    Stopped,  // counters frozen for longer than a pass should take: run=0 with pages still merged
};

// What the counters mean for an admin. Memory figures KiB.
struct KsmFigures {
    // pages_sharing × page size: the memory KSM saves (gross, as the kernel documents it; the
    // kernel's own rmap metadata, about 64 bytes per scanned page, is not subtracted).
    std::optional<quint64> saved;
    // pages_sharing / pages_shared: how many mappings share each KSM page on average. High is
    // good sharing; the kernel caps it with max_page_sharing (256 by default).
    std::optional<double> sharingRatio;
    // pages_unshared / pages_sharing: unique pages scanned again and again per page saved. The
    // kernel documentation calls a high value "wasted effort".
    std::optional<double> unsharedPerSaved;
    // (shared + sharing + unshared + volatile) × page size: roughly the memory ksmd walks in a
    // pass (pages it holds an rmap_item or a KSM page for).
    std::optional<quint64> scanned;
    // pages_to_scan × 1000 / sleep_millisecs: ksmd's page rate while it runs (the CPU it costs
    // grows with it; 100 pages / 20 ms, the default, is 5000 pages/s).
    std::optional<double> scanPagesPerSecond;
    // scanned pages / scanPagesPerSecond: seconds a full pass takes at that rate.
    std::optional<double> secondsPerPass;
    std::optional<quint64> pageSize; // KiB, the page size used above
    KsmActivity activity = KsmActivity::Unknown;

    bool operator==(const KsmFigures &) const = default;
};

// `pageSize` is the host's base page size in KiB (KSM merges base pages); without it the sizes
// stay empty and the ratios are still given.
KsmFigures deriveKsmFigures(const KsmParameters &params, std::optional<quint64> pageSize,
                            KsmActivity activity = KsmActivity::Unknown);

// Infers whether ksmd runs from successive readings of one host: libvirt has no `run`.
// Counters that move mean it scans; counters frozen for longer than max(60 s, 3 passes at the
// configured rate, capped at one hour) mean it is stopped.
class KsmActivityTracker {
public:
    KsmActivity observe(const KsmParameters &params, qint64 monotonicMs);
    void reset();

    static qint64 stoppedAfterMs(const KsmParameters &params);

private:
    std::optional<KsmParameters> m_last;
    qint64 m_lastChangeMs = 0;
    KsmActivity m_verdict = KsmActivity::Unknown;
};

QString ksmActivityKey(KsmActivity activity);  // stable, for JSON: "scanning"
QString ksmActivityName(KsmActivity activity); // translated

} // namespace bs
