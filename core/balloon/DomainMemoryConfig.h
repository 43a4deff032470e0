#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// What a domain XML says about its memory, in KiB, and which hypervisor type it is for.
struct DomainMemoryConfig {
    QString domainType;                      // <domain type=...>: kvm, qemu, xen, test, ...
    std::optional<quint64> memoryKiB;        // <memory>: the maximum the balloon can give
    std::optional<quint64> currentMemoryKiB; // <currentMemory>: the balloon target at boot

    bool operator==(const DomainMemoryConfig &) const = default;
};

DomainMemoryConfig parseDomainMemoryConfig(const QString &domainXml);

// A libvirt memory value in KiB: `unit` as libvirt reads it (b/bytes, KB = 1000, k/KiB = 1024,
// MB, M/MiB, GB, G/GiB, TB, T/TiB; empty = KiB), rounded up to whole KiB like libvirt does.
std::optional<quint64> memoryToKiB(QStringView value, QStringView unit);

} // namespace bs

Q_DECLARE_METATYPE(bs::DomainMemoryConfig)
