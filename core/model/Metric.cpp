#include "Metric.h"

#include <QCoreApplication>

namespace bs {

namespace {

struct MetricInfo {
    Metric metric;
    const char *key;
    const char *name;
    bool guestSide;
};

// Keys match SampleJson's field names, so `sample --json` and `history --json` read alike.
constexpr MetricInfo Infos[] = {
    {Metric::Actual, "actual", QT_TRANSLATE_NOOP("bs::Metric", "Actual (balloon)"), false},
    {Metric::Maximum, "maximum", QT_TRANSLATE_NOOP("bs::Metric", "Maximum"), false},
    {Metric::BalloonInflated, "balloon_inflated",
     QT_TRANSLATE_NOOP("bs::Metric", "Taken back by the balloon"), false},
    {Metric::Rss, "rss", QT_TRANSLATE_NOOP("bs::Metric", "QEMU resident (host)"), false},
    {Metric::Available, "available", QT_TRANSLATE_NOOP("bs::Metric", "Available (guest total)"),
     true},
    {Metric::Unused, "unused", QT_TRANSLATE_NOOP("bs::Metric", "Unused (free)"), true},
    {Metric::Usable, "usable", QT_TRANSLATE_NOOP("bs::Metric", "Usable (MemAvailable)"), true},
    {Metric::DiskCaches, "disk_caches", QT_TRANSLATE_NOOP("bs::Metric", "Disk caches"), true},
    {Metric::Used, "used", QT_TRANSLATE_NOOP("bs::Metric", "Used (available − unused)"), true},
    {Metric::UsedExcludingCache, "used_excluding_cache",
     QT_TRANSLATE_NOOP("bs::Metric", "Used excl. cache (available − usable)"), true},
    {Metric::SwapIn, "swap_in", QT_TRANSLATE_NOOP("bs::Metric", "Swapped in"), true},
    {Metric::SwapOut, "swap_out", QT_TRANSLATE_NOOP("bs::Metric", "Swapped out"), true},
    {Metric::MajorFault, "major_fault", QT_TRANSLATE_NOOP("bs::Metric", "Major faults"), true},
    {Metric::MinorFault, "minor_fault", QT_TRANSLATE_NOOP("bs::Metric", "Minor faults"), true},
    {Metric::HugetlbPgAlloc, "hugetlb_pgalloc",
     QT_TRANSLATE_NOOP("bs::Metric", "Huge pages allocated"), true},
    {Metric::HugetlbPgFail, "hugetlb_pgfail", QT_TRANSLATE_NOOP("bs::Metric", "Huge page failures"),
     true},
    {Metric::VmSwap, "vm_swap", QT_TRANSLATE_NOOP("bs::Metric", "QEMU swapped out (host)"), false},
    {Metric::PsiSome, "psi_some",
     QT_TRANSLATE_NOOP("bs::Metric", "Memory pressure, some (host PSI, %)"), false},
    {Metric::PsiFull, "psi_full",
     QT_TRANSLATE_NOOP("bs::Metric", "Memory pressure, full (host PSI, %)"), false},
};

static_assert(std::size(Infos) == MetricCount);

constexpr bool inEnumOrder() {
    for (int i = 0; i < MetricCount; ++i) {
        if (int(Infos[i].metric) != i)
            return false;
    }
    return true;
}
static_assert(inEnumOrder(), "Infos must list the metrics in enum order");

const MetricInfo &info(Metric metric) {
    return Infos[int(metric)];
}

} // namespace

QList<Metric> allMetrics() {
    QList<Metric> out;
    for (const MetricInfo &i : Infos)
        out.append(i.metric);
    return out;
}

bool isPercentMetric(Metric metric) {
    return metric == Metric::PsiSome || metric == Metric::PsiFull;
}

QString metricUnitKey(Metric metric) {
    switch (metric) {
    case Metric::MajorFault:
    case Metric::MinorFault:
    case Metric::HugetlbPgAlloc:
    case Metric::HugetlbPgFail:
        return QStringLiteral("count");
    case Metric::PsiSome:
    case Metric::PsiFull:
        return QStringLiteral("%");
    default:
        return QStringLiteral("KiB");
    }
}

bool isGuestSide(Metric metric) {
    return info(metric).guestSide;
}

QString metricKey(Metric metric) {
    return QString::fromLatin1(info(metric).key);
}

std::optional<Metric> metricFromKey(const QString &key) {
    for (const MetricInfo &i : Infos) {
        if (key == QLatin1String(i.key))
            return i.metric;
    }
    return std::nullopt;
}

QString metricName(Metric metric) {
    return QCoreApplication::translate("bs::Metric", info(metric).name);
}

} // namespace bs
