#pragma once

#include "CapabilitiesParser.h"

#include <QList>

#include <optional>

namespace bs {

// One huge page pool: the pages of one size on one NUMA cell. Counts are pages; the *KiB()
// helpers give memory. `total` comes from the capabilities (nr_hugepages when they were read),
// `free` from virNodeGetFreePages at the overview's time.
struct HugePagePool {
    int cell = 0;
    quint64 pageSize = 0; // KiB
    std::optional<quint64> total;
    std::optional<quint64> free;

    // total − free; empty when either is missing or they contradict each other (free > total:
    // the pool was resized after the capabilities were read, or the test driver's made-up
    // counts).
    std::optional<quint64> used() const;
    std::optional<quint64> totalKiB() const;
    std::optional<quint64> freeKiB() const;
    bool consistent() const { return !total || !free || *free <= *total; }
    bool operator==(const HugePagePool &) const = default;
};

// The same over all cells, per page size.
struct HugePageSize {
    quint64 pageSize = 0;         // KiB
    std::optional<quint64> total; // pages, summed over the cells that list the size
    std::optional<quint64> free;  // pages; empty when any cell's free count is missing
    bool consistent = true;       // no cell has free > total

    std::optional<quint64> totalKiB() const;
    std::optional<quint64> freeKiB() const;
    std::optional<quint64> usedKiB() const; // only when consistent
    bool operator==(const HugePageSize &) const = default;
};

// The pools the topology lists (totals only), cell by cell, sizes ascending.
QList<HugePagePool> hugePagePools(const HostTopology &topology);

// Fills `free` from virNodeGetFreePages' answer for `sizes` × cells [firstCell, firstCell +
// cellCount): counts[(cell − firstCell) × sizes.size() + i]. Pools the answer does not cover
// keep an empty `free`. A pool whose size the cell does not list gets no new entry.
void applyFreePages(QList<HugePagePool> &pools, const QList<quint64> &sizes, int firstCell,
                    int cellCount, const QList<quint64> &counts);

QList<HugePageSize> hugePagesBySize(const QList<HugePagePool> &pools);

// A page size as people say it: "4 KiB", "2 MiB", "1 GiB" (the largest unit it is a whole
// number of).
QString pageSizeText(quint64 kib);

// Σ over sizes of total/free memory in huge pages, KiB; empty when no pool is known. free only
// over consistent pools with a free count.
std::optional<quint64> hugePagesTotalKiB(const QList<HugePageSize> &sizes);
std::optional<quint64> hugePagesFreeKiB(const QList<HugePageSize> &sizes);

} // namespace bs
