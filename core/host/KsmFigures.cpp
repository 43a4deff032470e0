#include "KsmFigures.h"

#include "libvirt/TypedParams.h"

#include <QCoreApplication>

namespace bs {

namespace {

constexpr qint64 MinQuietMs = 60 * 1000;
constexpr qint64 MaxQuietMs = 60 * 60 * 1000;

std::optional<quint64> pagesScanned(const KsmParameters &p) {
    if (!p.pagesShared && !p.pagesSharing && !p.pagesUnshared && !p.pagesVolatile)
        return std::nullopt;
    return p.pagesShared.value_or(0) + p.pagesSharing.value_or(0) + p.pagesUnshared.value_or(0) +
           p.pagesVolatile.value_or(0);
}

std::optional<double> pagesPerSecond(const KsmParameters &p) {
    if (!p.pagesToScan || !p.sleepMillisecs)
        return std::nullopt;
    // sleep_millisecs 0 is allowed by the kernel (ksmd yields only): treat it as 1 ms.
    return double(*p.pagesToScan) * 1000.0 / double(qMax<quint64>(1, *p.sleepMillisecs));
}

bool sameCounters(const KsmParameters &a, const KsmParameters &b) {
    return a.pagesShared == b.pagesShared && a.pagesSharing == b.pagesSharing &&
           a.pagesUnshared == b.pagesUnshared && a.pagesVolatile == b.pagesVolatile &&
           a.fullScans == b.fullScans;
}

} // namespace

bool KsmParameters::any() const {
    return pagesToScan || sleepMillisecs || pagesShared || pagesSharing || pagesUnshared ||
           pagesVolatile || fullScans || mergeAcrossNodes;
}

bool KsmParameters::neverScanned() const {
    return fullScans.value_or(0) == 0 && pagesShared.value_or(0) == 0 &&
           pagesSharing.value_or(0) == 0 && pagesUnshared.value_or(0) == 0 &&
           pagesVolatile.value_or(0) == 0 && fullScans.has_value();
}

KsmParameters ksmParametersFromTypedParams(const QList<TypedParam> &params) {
    KsmParameters k;
    for (const TypedParam &p : params) {
        const std::optional<quint64> v = p.asUnsigned();
        if (p.name == u"shm_pages_to_scan")
            k.pagesToScan = v;
        else if (p.name == u"shm_sleep_millisecs")
            k.sleepMillisecs = v;
        else if (p.name == u"shm_pages_shared")
            k.pagesShared = v;
        else if (p.name == u"shm_pages_sharing")
            k.pagesSharing = v;
        else if (p.name == u"shm_pages_unshared")
            k.pagesUnshared = v;
        else if (p.name == u"shm_pages_volatile")
            k.pagesVolatile = v;
        else if (p.name == u"shm_full_scans")
            k.fullScans = v;
        else if (p.name == u"shm_merge_across_nodes" && v)
            k.mergeAcrossNodes = *v != 0;
    }
    return k;
}

KsmFigures deriveKsmFigures(const KsmParameters &p, std::optional<quint64> pageSize,
                            KsmActivity activity) {
    KsmFigures f;
    f.activity = activity;
    f.pageSize = pageSize;
    if (p.pagesSharing && pageSize)
        f.saved = *p.pagesSharing * *pageSize;
    if (p.pagesSharing && p.pagesShared && *p.pagesShared > 0)
        f.sharingRatio = double(*p.pagesSharing) / double(*p.pagesShared);
    if (p.pagesUnshared && p.pagesSharing && *p.pagesSharing > 0)
        f.unsharedPerSaved = double(*p.pagesUnshared) / double(*p.pagesSharing);
    const std::optional<quint64> scannedPages = pagesScanned(p);
    if (scannedPages && pageSize)
        f.scanned = *scannedPages * *pageSize;
    f.scanPagesPerSecond = pagesPerSecond(p);
    if (scannedPages && f.scanPagesPerSecond && *f.scanPagesPerSecond > 0)
        f.secondsPerPass = double(*scannedPages) / *f.scanPagesPerSecond;
    return f;
}

qint64 KsmActivityTracker::stoppedAfterMs(const KsmParameters &params) {
    const KsmFigures f = deriveKsmFigures(params, std::nullopt);
    if (!f.secondsPerPass)
        return MinQuietMs;
    return qBound(MinQuietMs, qint64(*f.secondsPerPass * 3000.0), MaxQuietMs);
}

KsmActivity KsmActivityTracker::observe(const KsmParameters &params, qint64 monotonicMs) {
    if (!params.any()) {
        reset();
        return KsmActivity::Unknown;
    }
    if (!m_last || !sameCounters(*m_last, params)) {
        const bool first = !m_last.has_value();
        m_last = params;
        m_lastChangeMs = monotonicMs;
        m_verdict = first ? KsmActivity::Unknown : KsmActivity::Scanning;
    } else if (monotonicMs - m_lastChangeMs >= stoppedAfterMs(params)) {
        m_verdict = KsmActivity::Stopped;
    }
    if (params.neverScanned())
        return KsmActivity::Idle;
    return m_verdict;
}

void KsmActivityTracker::reset() {
    m_last.reset();
    m_lastChangeMs = 0;
    m_verdict = KsmActivity::Unknown;
}

QString ksmActivityKey(KsmActivity activity) {
    switch (activity) {
    case KsmActivity::Unknown:
        return QStringLiteral("unknown");
    case KsmActivity::Idle:
        return QStringLiteral("idle");
    case KsmActivity::Scanning:
        return QStringLiteral("scanning");
    case KsmActivity::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

QString ksmActivityName(KsmActivity activity) {
    switch (activity) {
    case KsmActivity::Unknown:
        return QCoreApplication::translate("bs::KsmFigures", "unknown (one reading so far)");
    case KsmActivity::Idle:
        return QCoreApplication::translate("bs::KsmFigures", "off (never scanned since boot)");
    case KsmActivity::Scanning:
        return QCoreApplication::translate("bs::KsmFigures", "scanning");
    case KsmActivity::Stopped:
        return QCoreApplication::translate("bs::KsmFigures", "stopped (merged pages kept)");
    }
    return {};
}

} // namespace bs
