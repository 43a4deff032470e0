#pragma once

#include "host/HostOverview.h"
#include "monitor/MemorySample.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace bs {

// One host as the endpoint shows it: its last poll (guests whose last fresh report is carried
// over repeated ones while they report) and its own figures.
// The sizing advisor's recommendation for a guest (Balanced policy, over the recorder's own
// history), KiB.
struct GuestSizing {
    qint64 recommendedKiB = 0;
    qint64 reclaimableKiB = 0; // balloon size − recommended, when positive
};

struct ExposedHost {
    QString hostId;
    bool connected = false;
    qint64 pollTimeMs = 0;
    QList<MemorySample> guests;
    std::optional<HostSample> host;
    QHash<QString, GuestSizing> sizing; // by uuid; a guest without a recommendation is absent
};

enum class ExpositionFormat {
    Prometheus,  // text/plain; version=0.0.4
    OpenMetrics, // application/openmetrics-text; version=1.0.0
};

// What the scraper asked for in its Accept header: OpenMetrics when it lists it, else the
// Prometheus text format.
ExpositionFormat negotiateExposition(const QByteArray &accept);
QByteArray expositionContentType(ExpositionFormat format);

// Every family with HELP and TYPE, its samples together; a figure that is not known has no
// sample (absent is not zero): balloonscope_guest_stats_state says why a guest has none.
QByteArray renderExposition(const QList<ExposedHost> &hosts, ExpositionFormat format);

// The libvirt exporter's metric names this endpoint serves (libvirt_domain_memory_stats_*).
QStringList libvirtExporterMetricNames();

} // namespace bs
