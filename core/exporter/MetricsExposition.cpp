#include "MetricsExposition.h"

#include "metrics/DerivedMetrics.h"

#include <charconv>
#include <cmath>

namespace bs {

namespace {

using Value = std::optional<double>;

Value bytes(const std::optional<quint64> &kib) {
    return kib ? Value(double(*kib) * 1024.0) : std::nullopt;
}

Value count(const std::optional<quint64> &v) {
    return v ? Value(double(*v)) : std::nullopt;
}

struct GuestFamily {
    const char *name; // the samples' name (a counter's ends in _total)
    const char *help;
    bool counter;
    Value (*value)(const MemorySample &s, qint64 pollTimeMs);
};

// The libvirt exporter's names first (libvirt_domain_memory_stats_*: dashboards built for it
// work unchanged; swap is cumulative there but typed gauge, as it does), then Balloonscope's.
const GuestFamily GuestFamilies[] = {
    {"libvirt_domain_memory_stats_current_balloon_bytes",
     "Current balloon size (libvirt 'actual'), bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.actual);
     }},
    {"libvirt_domain_memory_stats_maximum_bytes", "Maximum memory of the domain, bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.maximum);
     }},
    {"libvirt_domain_memory_stats_unused_bytes", "Memory the guest leaves unused (MemFree), bytes.",
     false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.unused);
     }},
    {"libvirt_domain_memory_stats_available_bytes",
     "Memory the guest sees in total (MemTotal), bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.available);
     }},
    {"libvirt_domain_memory_stats_usable_bytes",
     "Memory the guest could use without swapping (MemAvailable), bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.usable);
     }},
    {"libvirt_domain_memory_stats_rss_bytes",
     "Resident set of the QEMU process on the host, bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.rss);
     }},
    {"libvirt_domain_memory_stats_disk_caches_bytes",
     "Guest memory used for caches it can drop, bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.diskCaches);
     }},
    {"libvirt_domain_memory_stats_swap_in_bytes",
     "Data the guest read in from its swap since it booted, bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.swapIn);
     }},
    {"libvirt_domain_memory_stats_swap_out_bytes",
     "Data the guest wrote out to its swap since it booted, bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.swapOut);
     }},
    {"libvirt_domain_memory_stats_major_fault_total", "Major page faults in the guest.", true,
     [](const MemorySample &s, qint64) {
         return count(s.stats.majorFault);
     }},
    {"libvirt_domain_memory_stats_minor_fault_total", "Minor page faults in the guest.", true,
     [](const MemorySample &s, qint64) {
         return count(s.stats.minorFault);
     }},
    {"libvirt_domain_memory_stats_hugetlb_pgalloc_total",
     "Successful huge page allocations in the guest.", true,
     [](const MemorySample &s, qint64) {
         return count(s.stats.hugetlbPgAlloc);
     }},
    {"libvirt_domain_memory_stats_hugetlb_pgfail_total",
     "Failed huge page allocations in the guest.", true,
     [](const MemorySample &s, qint64) {
         return count(s.stats.hugetlbPgFail);
     }},
    {"libvirt_domain_memory_stats_last_update_timestamp_seconds",
     "When the guest last reported its statistics, seconds since the epoch.", false,
     [](const MemorySample &s, qint64) {
         return s.stats.lastUpdate && *s.stats.lastUpdate > 0 ? Value(double(*s.stats.lastUpdate))
                                                              : std::nullopt;
     }},
    {"libvirt_domain_memory_stats_used_percent",
     "Share of its memory the guest uses, (available - unused) / available, percent.", false,
     [](const MemorySample &s, qint64) {
         return deriveMetrics(s.stats).usedPercentOfAvailable;
     }},
    {"balloonscope_guest_used_bytes",
     "Memory the guest uses with its caches, available - unused, bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(deriveMetrics(s.stats).used);
     }},
    {"balloonscope_guest_balloon_inflated_bytes",
     "Memory the balloon took back from the guest, maximum - current, bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(deriveMetrics(s.stats).balloonInflated);
     }},
    {"balloonscope_guest_used_excluding_cache_bytes",
     "Memory the guest uses without its caches, available - usable, bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(deriveMetrics(s.stats).usedExcludingCache);
     }},
    {"balloonscope_guest_report_age_seconds",
     "Seconds between the guest's last report and the poll.", false,
     [](const MemorySample &s, qint64 pollTimeMs) {
         if (!s.stats.lastUpdate || *s.stats.lastUpdate <= 0)
             return Value();
         return Value(double(std::max<qint64>(0, pollTimeMs / 1000 - *s.stats.lastUpdate)));
     }},
    {"balloonscope_guest_vm_swap_bytes",
     "Memory of the guest's QEMU process the host swapped out (VmSwap), bytes.", false,
     [](const MemorySample &s, qint64) {
         return bytes(s.stats.vmSwap);
     }},
    {"balloonscope_guest_memory_pressure_some_ratio",
     "Share of the last 10 s some of the guest's threads waited for memory on the host (PSI).",
     false,
     [](const MemorySample &s, qint64) {
         return s.stats.psiSome ? Value(double(*s.stats.psiSome) / 10000.0) : std::nullopt;
     }},
    {"balloonscope_guest_memory_pressure_full_ratio",
     "Share of the last 10 s all of the guest's threads waited for memory on the host (PSI).",
     false,
     [](const MemorySample &s, qint64) {
         return s.stats.psiFull ? Value(double(*s.stats.psiFull) / 10000.0) : std::nullopt;
     }},
};

struct HostFamily {
    const char *name;
    const char *help;
    Value (*value)(const HostSample &h);
};

const HostFamily HostFamilies[] = {
    {"balloonscope_host_memory_total_bytes", "The host's memory (MemTotal), bytes.",
     [](const HostSample &h) {
         return bytes(h.total);
     }},
    {"balloonscope_host_memory_free_bytes", "The host's free memory (MemFree), bytes.",
     [](const HostSample &h) {
         return bytes(h.free);
     }},
    {"balloonscope_host_memory_available_bytes",
     "The host's free memory with buffers and page cache, bytes.",
     [](const HostSample &h) {
         if (!h.free || !h.buffers || !h.cached)
             return Value();
         return bytes(*h.free + *h.buffers + *h.cached);
     }},
    {"balloonscope_host_guests_maximum_bytes", "Sum of the running guests' maximum memory, bytes.",
     [](const HostSample &h) {
         return bytes(h.guestsMaximum);
     }},
    {"balloonscope_host_guests_balloon_bytes",
     "Sum of the running guests' current balloon sizes, bytes.",
     [](const HostSample &h) {
         return bytes(h.guestsActual);
     }},
    {"balloonscope_host_guests_used_bytes", "Sum of what the reporting guests use, bytes.",
     [](const HostSample &h) {
         return bytes(h.guestsUsed);
     }},
    {"balloonscope_host_overcommit_ratio",
     "Sum of the running guests' maximum memory over the host's memory.",
     [](const HostSample &h) {
         if (!h.guestsMaximum || !h.total || *h.total == 0)
             return Value();
         return Value(double(*h.guestsMaximum) / double(*h.total));
     }},
    {"balloonscope_host_guests_running", "Running guests.",
     [](const HostSample &h) {
         return Value(double(h.guestsActive));
     }},
    {"balloonscope_host_guests_reporting", "Running guests whose balloon driver reports.",
     [](const HostSample &h) {
         return Value(double(h.guestsReporting));
     }},
    {"balloonscope_host_ksm_saved_bytes", "Memory KSM saves by sharing pages, bytes.",
     [](const HostSample &h) {
         return bytes(h.ksmSaved);
     }},
    {"balloonscope_host_huge_pages_free", "Free huge pages, every size and NUMA cell.",
     [](const HostSample &h) {
         return count(h.hugePagesFree);
     }},
};

constexpr StatsState States[] = {StatsState::Reporting, StatsState::Waiting, StatsState::Off,
                                 StatsState::NoDriver,  StatsState::Stale,   StatsState::NoBalloon,
                                 StatsState::Inactive,  StatsState::Unknown};

void appendEscaped(QByteArray &out, const QString &value) {
    const QByteArray utf8 = value.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
}

void appendNumber(QByteArray &out, double v) {
    char buffer[32];
    std::to_chars_result r;
    if (v == std::floor(v) && std::abs(v) < 9.0e15)
        r = std::to_chars(buffer, buffer + sizeof buffer, qint64(v));
    else
        r = std::to_chars(buffer, buffer + sizeof buffer, v); // shortest exact form
    out.append(buffer, qsizetype(r.ptr - buffer));
}

void appendHeader(QByteArray &out, const char *name, const char *help, bool counter,
                  ExpositionFormat format) {
    QByteArray family(name);
    // OpenMetrics names a counter's family without the _total its samples carry.
    if (counter && format == ExpositionFormat::OpenMetrics && family.endsWith("_total"))
        family.chop(6);
    out += "# HELP " + family + ' ' + help + '\n';
    out += "# TYPE " + family + (counter ? " counter\n" : " gauge\n");
}

// `host="…",domain="…",uuid="…"` for each guest, built once per render.
QByteArray guestLabels(const QString &hostId, const MemorySample &s) {
    QByteArray out;
    out.reserve(96);
    out += "host=\"";
    appendEscaped(out, hostId);
    out += "\",domain=\"";
    appendEscaped(out, s.name);
    out += "\",uuid=\"";
    appendEscaped(out, s.uuid);
    out += '"';
    return out;
}

QByteArray hostLabel(const QString &hostId) {
    QByteArray out = "host=\"";
    appendEscaped(out, hostId);
    return out + '"';
}

} // namespace

ExpositionFormat negotiateExposition(const QByteArray &accept) {
    return accept.contains("application/openmetrics-text") ? ExpositionFormat::OpenMetrics
                                                           : ExpositionFormat::Prometheus;
}

QByteArray expositionContentType(ExpositionFormat format) {
    return format == ExpositionFormat::OpenMetrics
               ? QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8")
               : QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

QByteArray renderExposition(const QList<ExposedHost> &hosts, ExpositionFormat format) {
    struct Guest {
        QByteArray labels;
        const MemorySample *sample;
        qint64 pollTimeMs;
    };
    QList<Guest> guests;
    for (const ExposedHost &h : hosts) {
        for (const MemorySample &s : h.guests)
            guests.append({guestLabels(h.hostId, s), &s, h.pollTimeMs});
    }
    QByteArray out;
    out.reserve(qsizetype(guests.size()) * 2200 + 4096);

    appendHeader(out, "balloonscope_host_up",
                 "Whether the recorder is connected to the host (1) or not (0).", false, format);
    for (const ExposedHost &h : hosts)
        out += "balloonscope_host_up{" + hostLabel(h.hostId) + "} " + (h.connected ? "1\n" : "0\n");
    // When the newest poll finished (ms precision): a recorder that stopped polling, or polls
    // late, shows here; absent until the first poll.
    appendHeader(out, "balloonscope_host_last_poll_timestamp_seconds",
                 "When the recorder's newest poll of the host finished, seconds since the epoch.",
                 false, format);
    for (const ExposedHost &h : hosts) {
        if (h.pollTimeMs <= 0)
            continue;
        out += "balloonscope_host_last_poll_timestamp_seconds{" + hostLabel(h.hostId) + "} ";
        appendNumber(out, double(h.pollTimeMs) / 1000.0);
        out += '\n';
    }

    for (const HostFamily &f : HostFamilies) {
        appendHeader(out, f.name, f.help, false, format);
        for (const ExposedHost &h : hosts) {
            if (!h.host)
                continue;
            if (const Value v = f.value(*h.host)) {
                out += f.name;
                out += '{' + hostLabel(h.hostId) + "} ";
                appendNumber(out, *v);
                out += '\n';
            }
        }
    }

    for (const GuestFamily &f : GuestFamilies) {
        appendHeader(out, f.name, f.help, f.counter, format);
        for (const Guest &g : std::as_const(guests)) {
            const Value v = f.value(*g.sample, g.pollTimeMs);
            if (!v || !std::isfinite(*v))
                continue; // absent is not zero
            out += f.name;
            out += '{';
            out += g.labels;
            out += "} ";
            appendNumber(out, *v);
            out += '\n';
        }
    }

    // The sizing advisor's recommendation, where the recorder's history gives one.
    struct SizingFamily {
        const char *name;
        const char *help;
        qint64 GuestSizing::*kib;
    };
    const SizingFamily sizingFamilies[] = {
        {"balloonscope_guest_recommended_bytes",
         "The memory the sizing advisor recommends for the guest (Balanced: P95 of its need over "
         "14 days + 15 %), bytes.",
         &GuestSizing::recommendedKiB},
        {"balloonscope_guest_reclaimable_bytes",
         "What the balloon could take back from the guest: its balloon size minus the "
         "recommendation, bytes.",
         &GuestSizing::reclaimableKiB},
    };
    for (const SizingFamily &f : sizingFamilies) {
        appendHeader(out, f.name, f.help, false, format);
        for (const ExposedHost &h : hosts) {
            for (const MemorySample &s : h.guests) {
                const auto it = h.sizing.constFind(s.uuid);
                if (it == h.sizing.cend())
                    continue;
                out += f.name;
                out += '{' + guestLabels(h.hostId, s) + "} ";
                appendNumber(out, double(*it.*f.kib) * 1024.0);
                out += '\n';
            }
        }
    }

    // Why a guest has figures or not: one series per state, 1 for the guest's.
    appendHeader(out, "balloonscope_guest_stats_state",
                 "The guest's balloon statistics state: 1 for the one it is in.", false, format);
    QList<QByteArray> stateKeys;
    for (StatsState state : States)
        stateKeys.append(statsStateKey(state).toLatin1());
    for (const Guest &g : std::as_const(guests)) {
        for (int i = 0; i < int(std::size(States)); ++i) {
            out += "balloonscope_guest_stats_state{";
            out += g.labels;
            out += ",state=\"";
            out += stateKeys[i];
            out += g.sample->statsState == States[i] ? "\"} 1\n" : "\"} 0\n";
        }
    }
    appendHeader(out, "balloonscope_guest_running", "Whether the guest runs (1) or not (0).", false,
                 format);
    for (const Guest &g : std::as_const(guests)) {
        out += "balloonscope_guest_running{";
        out += g.labels;
        out += isActive(g.sample->state) ? "} 1\n" : "} 0\n";
    }

    if (format == ExpositionFormat::OpenMetrics)
        out += "# EOF\n";
    return out;
}

QStringList libvirtExporterMetricNames() {
    QStringList out;
    for (const GuestFamily &f : GuestFamilies) {
        if (QByteArrayView(f.name).startsWith("libvirt_"))
            out.append(QString::fromLatin1(f.name));
    }
    return out;
}

} // namespace bs
