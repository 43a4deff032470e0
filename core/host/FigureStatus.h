#pragma once

#include <QMetaType>
#include <QString>

namespace bs {

// The host figures grouped by the libvirt call they come from. Each group has its own
// availability: a call a host cannot answer marks its figures "not available on this host"
// instead of failing the whole overview.
enum class HostFigure {
    NodeMemory,    // virNodeGetMemoryStats: total, free, buffers, cached
    NodeInfo,      // virNodeGetInfo: memory size, CPUs, NUMA cells, architecture
    Ksm,           // virNodeGetMemoryParameters: the shm_* KSM counters and tunables
    Topology,      // virConnectGetCapabilities: NUMA cells, page sizes, huge page pools
    FreeHugePages, // virNodeGetFreePages for the huge page pools of the topology
    GuestBacking,  // the guests' XML: <memoryBacking><hugepages/>
};
inline constexpr int HostFigureCount = 6;

enum class Availability {
    NotRead,     // not asked (yet): no connection, or an input it depends on is missing
    Available,   // read at the overview's time
    Unsupported, // the driver, kernel or libvirt cannot give it; not asked again on this connection
    Denied,      // this connection may not ask (read-only, ACL); not asked again on it
    Failed,      // the call failed this time (transient); asked again next time
};

struct FigureStatus {
    Availability availability = Availability::NotRead;
    QString detail; // libvirt's technical message when not available, for "details"

    bool isAvailable() const { return availability == Availability::Available; }
    bool operator==(const FigureStatus &) const = default;
};

QString hostFigureKey(HostFigure figure);     // stable, for JSON: "node_memory", "ksm", ...
QString availabilityKey(Availability value);  // stable, for JSON: "unsupported", ...
QString availabilityText(Availability value); // translated: "not available on this host"

} // namespace bs

Q_DECLARE_METATYPE(bs::FigureStatus)
