#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace bs {

// One <pages unit='KiB' size='2048'>N</pages> of a NUMA cell: N pages of `size` KiB.
struct CellPages {
    quint64 size = 0; // KiB
    quint64 count = 0;
    bool operator==(const CellPages &) const = default;
};

// One <topology><cells><cell> of the capabilities XML.
struct NumaCell {
    int id = 0;
    std::optional<quint64> memory; // KiB, <memory unit='KiB'>
    // As libvirt lists them: the base page size first (the cell's memory in base pages), then
    // the huge page pools (nr_hugepages of each size on that node).
    QList<CellPages> pages;
    int cpus = 0;
    bool operator==(const NumaCell &) const = default;
};

// What the Balloonscope host overview needs from virConnectGetCapabilities.
struct HostTopology {
    QString arch;             // <host><cpu><arch>
    QList<quint64> pageSizes; // <host><cpu><pages size=...> in KiB, as listed
    QList<NumaCell> cells;

    // The host's base page size in KiB: the smallest <host><cpu><pages> (libvirt lists the
    // system page size, then the huge page sizes); failing that, 4 KiB on x86, where it is fixed.
    // Empty when neither tells (an aarch64 host may use 4, 16 or 64 KiB pages).
    std::optional<quint64> basePageSize() const;
    // The sizes of the huge page pools the cells list (every size above the base page size
    // that some cell lists as a pool), ascending.
    QList<quint64> hugePageSizes() const;
    // Whether a cell's entry is a huge page pool, not the cell's memory in base pages. libvirt
    // writes the base entry as "cell memory / page size"; the test driver's second cell uses
    // 8 KiB pages for that, so an entry covering the whole cell counts as its base entry too.
    bool isHugePagePool(const NumaCell &cell, const CellPages &pages) const;

    bool operator==(const HostTopology &) const = default;
};

// Parses the capabilities XML. A document that does not parse, or has no <host>, is an error;
// a host without <topology> (old libvirt, no NUMA information) gives no cells.
Result<HostTopology> parseCapabilities(const QString &xml);

// 4 for x86_64/i686 (and the test driver's i686), empty otherwise.
std::optional<quint64> fixedBasePageSize(const QString &arch);

// libvirt's size units (virScaleInteger): b/bytes, k/KiB/KB, M/MiB/MB, G/GiB/GB, T/TiB/TB; an
// empty unit means `defaultScale` bytes. Returns KiB rounded up, as virDomainParseMemory does.
std::optional<quint64> scaledToKiB(quint64 value, QStringView unit, quint64 defaultScale = 1024);

} // namespace bs
