#include "PromMetricNames.h"

namespace bs::prom {

namespace {

constexpr double FromBytes = 1.0 / 1024.0; // bytes → KiB
constexpr double FromRatio = 10000.0;      // 0–1 → hundredths of a percent

} // namespace

MetricSeries seriesFor(Metric metric) {
    switch (metric) {
    case Metric::Actual:
        return {QStringLiteral("libvirt_domain_memory_stats_current_balloon_bytes"), FromBytes};
    case Metric::Maximum:
        return {QStringLiteral("libvirt_domain_memory_stats_maximum_bytes"), FromBytes};
    case Metric::BalloonInflated:
        return {QStringLiteral("balloonscope_guest_balloon_inflated_bytes"), FromBytes};
    case Metric::Rss:
        return {QStringLiteral("libvirt_domain_memory_stats_rss_bytes"), FromBytes};
    case Metric::Available:
        return {QStringLiteral("libvirt_domain_memory_stats_available_bytes"), FromBytes};
    case Metric::Unused:
        return {QStringLiteral("libvirt_domain_memory_stats_unused_bytes"), FromBytes};
    case Metric::Usable:
        return {QStringLiteral("libvirt_domain_memory_stats_usable_bytes"), FromBytes};
    case Metric::DiskCaches:
        return {QStringLiteral("libvirt_domain_memory_stats_disk_caches_bytes"), FromBytes};
    case Metric::Used:
        return {QStringLiteral("balloonscope_guest_used_bytes"), FromBytes};
    case Metric::UsedExcludingCache:
        return {QStringLiteral("balloonscope_guest_used_excluding_cache_bytes"), FromBytes};
    case Metric::SwapIn:
        return {QStringLiteral("libvirt_domain_memory_stats_swap_in_bytes"), FromBytes};
    case Metric::SwapOut:
        return {QStringLiteral("libvirt_domain_memory_stats_swap_out_bytes"), FromBytes};
    case Metric::MajorFault:
        return {QStringLiteral("libvirt_domain_memory_stats_major_fault_total"), 1.0};
    case Metric::MinorFault:
        return {QStringLiteral("libvirt_domain_memory_stats_minor_fault_total"), 1.0};
    case Metric::HugetlbPgAlloc:
        return {QStringLiteral("libvirt_domain_memory_stats_hugetlb_pgalloc_total"), 1.0};
    case Metric::HugetlbPgFail:
        return {QStringLiteral("libvirt_domain_memory_stats_hugetlb_pgfail_total"), 1.0};
    case Metric::VmSwap:
        return {QStringLiteral("balloonscope_guest_vm_swap_bytes"), FromBytes};
    case Metric::PsiSome:
        return {QStringLiteral("balloonscope_guest_memory_pressure_some_ratio"), FromRatio};
    case Metric::PsiFull:
        return {QStringLiteral("balloonscope_guest_memory_pressure_full_ratio"), FromRatio};
    }
    return {};
}

MetricSeries hostSeriesFor(HostMetric metric) {
    switch (metric) {
    case HostMetric::Total:
        return {QStringLiteral("balloonscope_host_memory_total_bytes"), FromBytes};
    case HostMetric::Free:
        return {QStringLiteral("balloonscope_host_memory_free_bytes"), FromBytes};
    case HostMetric::FreeWithCaches:
        return {QStringLiteral("balloonscope_host_memory_available_bytes"), FromBytes};
    case HostMetric::GuestsMaximum:
        return {QStringLiteral("balloonscope_host_guests_maximum_bytes"), FromBytes};
    case HostMetric::GuestsActual:
        return {QStringLiteral("balloonscope_host_guests_balloon_bytes"), FromBytes};
    case HostMetric::GuestsUsed:
        return {QStringLiteral("balloonscope_host_guests_used_bytes"), FromBytes};
    case HostMetric::GuestsActive:
        return {QStringLiteral("balloonscope_host_guests_running"), 1.0};
    case HostMetric::GuestsReporting:
        return {QStringLiteral("balloonscope_host_guests_reporting"), 1.0};
    case HostMetric::KsmSaved:
        return {QStringLiteral("balloonscope_host_ksm_saved_bytes"), FromBytes};
    case HostMetric::Buffers:
    case HostMetric::Cached:
    case HostMetric::KsmPagesShared:
    case HostMetric::KsmPagesSharing:
    case HostMetric::KsmPagesUnshared:
    case HostMetric::KsmPagesVolatile:
    case HostMetric::KsmFullScans:
    case HostMetric::HugePagesTotal:
    case HostMetric::HugePagesFree:
        break;
    }
    return {};
}

QString quoted(const QString &value) {
    QString out = QStringLiteral("\"");
    for (QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\n");
            continue;
        }
        out += c;
    }
    return out + QLatin1Char('"');
}

} // namespace bs::prom
