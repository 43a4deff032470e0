#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace bs {

// virNodeGetMemoryStats for the whole host (all cells), in KiB. On Linux libvirt reads
// /proc/meminfo: total = MemTotal, free = MemFree, buffers = Buffers, cached = Cached. A field the
// host did not give stays empty: absent is not zero.
struct NodeMemory {
    std::optional<quint64> total;
    std::optional<quint64> free;
    std::optional<quint64> buffers;
    std::optional<quint64> cached;

    bool any() const { return total || free || buffers || cached; }
    // free + buffers + cached: memory the kernel can hand out without swapping much. An upper
    // bound (Cached includes tmpfs/shmem and dirty pages); libvirt does not give MemAvailable.
    std::optional<quint64> freeWithCaches() const;
    bool operator==(const NodeMemory &) const = default;
};

// The (field, value) pairs virNodeGetMemoryStats fills ("total", "free", "buffers", "cached";
// KiB). Unknown fields are ignored.
NodeMemory nodeMemoryFromStats(const QList<std::pair<QString, quint64>> &fields);

// virNodeGetInfo. `memory` is KiB; libvirt sums the NUMA cells' MemTotal for it, which can be
// less than /proc/meminfo's MemTotal (memory outside any node), so the overcommit ratios use
// NodeMemory::total first.
struct NodeInfo {
    QString model; // the host architecture for the QEMU driver: "x86_64"
    quint64 memory = 0;
    unsigned cpus = 0;
    unsigned mhz = 0;
    unsigned nodes = 0; // NUMA cells (1 when libvirt cannot tell)
    unsigned sockets = 0;
    unsigned cores = 0;
    unsigned threads = 0;
    bool operator==(const NodeInfo &) const = default;
};

} // namespace bs
