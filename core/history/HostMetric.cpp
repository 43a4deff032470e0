#include "HostMetric.h"

#include <QCoreApplication>

namespace bs {

namespace {

struct HostMetricInfo {
    HostMetric metric;
    const char *key;
    const char *name;
    bool memory;
};

constexpr HostMetricInfo Infos[] = {
    {HostMetric::Total, "total", QT_TRANSLATE_NOOP("bs::HostMetric", "Host total"), true},
    {HostMetric::Free, "free", QT_TRANSLATE_NOOP("bs::HostMetric", "Host free"), true},
    {HostMetric::Buffers, "buffers", QT_TRANSLATE_NOOP("bs::HostMetric", "Host buffers"), true},
    {HostMetric::Cached, "cached", QT_TRANSLATE_NOOP("bs::HostMetric", "Host page cache"), true},
    {HostMetric::FreeWithCaches, "free_with_caches",
     QT_TRANSLATE_NOOP("bs::HostMetric", "Host free incl. caches"), true},
    {HostMetric::GuestsMaximum, "guests_maximum",
     QT_TRANSLATE_NOOP("bs::HostMetric", "Σ guests' maximum"), true},
    {HostMetric::GuestsActual, "guests_actual",
     QT_TRANSLATE_NOOP("bs::HostMetric", "Σ guests' actual"), true},
    {HostMetric::GuestsUsed, "guests_used", QT_TRANSLATE_NOOP("bs::HostMetric", "Σ guests' used"),
     true},
    {HostMetric::GuestsActive, "guests_active",
     QT_TRANSLATE_NOOP("bs::HostMetric", "Running guests"), false},
    {HostMetric::GuestsReporting, "guests_reporting",
     QT_TRANSLATE_NOOP("bs::HostMetric", "Reporting guests"), false},
    {HostMetric::KsmSaved, "ksm_saved", QT_TRANSLATE_NOOP("bs::HostMetric", "KSM saved"), true},
    {HostMetric::KsmPagesShared, "ksm_pages_shared",
     QT_TRANSLATE_NOOP("bs::HostMetric", "KSM pages shared"), false},
    {HostMetric::KsmPagesSharing, "ksm_pages_sharing",
     QT_TRANSLATE_NOOP("bs::HostMetric", "KSM pages sharing"), false},
    {HostMetric::KsmPagesUnshared, "ksm_pages_unshared",
     QT_TRANSLATE_NOOP("bs::HostMetric", "KSM pages unshared"), false},
    {HostMetric::KsmPagesVolatile, "ksm_pages_volatile",
     QT_TRANSLATE_NOOP("bs::HostMetric", "KSM pages volatile"), false},
    {HostMetric::KsmFullScans, "ksm_full_scans",
     QT_TRANSLATE_NOOP("bs::HostMetric", "KSM full scans"), false},
    {HostMetric::HugePagesTotal, "huge_pages_total",
     QT_TRANSLATE_NOOP("bs::HostMetric", "Huge pages total"), true},
    {HostMetric::HugePagesFree, "huge_pages_free",
     QT_TRANSLATE_NOOP("bs::HostMetric", "Huge pages free"), true},
};

static_assert(std::size(Infos) == HostMetricCount);

constexpr bool inEnumOrder() {
    for (int i = 0; i < HostMetricCount; ++i) {
        if (int(Infos[i].metric) != i)
            return false;
    }
    return true;
}
static_assert(inEnumOrder(), "Infos must list the host metrics in enum order");

const HostMetricInfo &info(HostMetric metric) {
    return Infos[int(metric)];
}

} // namespace

QList<HostMetric> allHostMetrics() {
    QList<HostMetric> out;
    for (const HostMetricInfo &i : Infos)
        out.append(i.metric);
    return out;
}

bool isHostMemoryMetric(HostMetric metric) {
    return info(metric).memory;
}

QString hostMetricKey(HostMetric metric) {
    return QString::fromLatin1(info(metric).key);
}

std::optional<HostMetric> hostMetricFromKey(const QString &key) {
    for (const HostMetricInfo &i : Infos) {
        if (key == QLatin1String(i.key))
            return i.metric;
    }
    return std::nullopt;
}

QString hostMetricName(HostMetric metric) {
    return QCoreApplication::translate("bs::HostMetric", info(metric).name);
}

} // namespace bs
