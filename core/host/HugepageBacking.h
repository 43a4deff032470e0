#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// One <memoryBacking><hugepages><page size=.. unit=.. nodeset=../> of a domain.
struct HugePageRequest {
    std::optional<quint64> size; // KiB; empty = the host's default huge page size
    QString nodeset;             // guest NUMA nodes this size backs; empty = all
    bool operator==(const HugePageRequest &) const = default;
};

// How a guest's memory is backed, from its domain XML.
struct MemoryBacking {
    bool parsed = false;           // the XML was read; false = unknown, never "not backed"
    bool hugePages = false;        // <memoryBacking><hugepages/>: static huge pages (hugetlbfs)
    QList<HugePageRequest> pages;  // explicit sizes; empty with hugePages = default size
    bool noSharePages = false;     // <nosharepages/>: KSM may not merge this guest's memory
    bool locked = false;           // <locked/>: pinned in host RAM, never swapped
    QString source;                // <source type=...>: "file", "anonymous", "memfd" or empty
    std::optional<quint64> memory; // <memory>, KiB: the guest's maximum at boot

    // The huge page sizes it asks for (KiB), without the "default size" entry.
    QList<quint64> explicitSizes() const;
    bool operator==(const MemoryBacking &) const = default;
};

MemoryBacking parseMemoryBacking(const QString &domainXml);

// One guest's backing as the overview shows it.
struct GuestBacking {
    QString uuid;
    QString name;
    bool active = false; // running (or paused): its huge pages are taken from the pools now
    MemoryBacking backing;
    bool operator==(const GuestBacking &) const = default;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::GuestBacking)
