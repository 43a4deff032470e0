#include "CapabilitiesParser.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

#include <algorithm>
#include <limits>

namespace bs {

namespace {

// <pages unit='KiB' size='2048'>: size in `unit`, KiB by default.
std::optional<quint64> pageSizeOf(const QXmlStreamAttributes &attrs) {
    bool ok = false;
    const quint64 size = attrs.value(QLatin1String("size")).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return scaledToKiB(size, attrs.value(QLatin1String("unit")));
}

NumaCell readCell(QXmlStreamReader &xml) {
    NumaCell cell;
    cell.id = xml.attributes().value(QLatin1String("id")).toInt();
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == u"memory") {
            const QString unit = xml.attributes().value(QLatin1String("unit")).toString();
            bool ok = false;
            const quint64 value = xml.readElementText().trimmed().toULongLong(&ok);
            if (ok)
                cell.memory = scaledToKiB(value, unit);
        } else if (name == u"pages") {
            const std::optional<quint64> size = pageSizeOf(xml.attributes());
            bool ok = false;
            const quint64 count = xml.readElementText().trimmed().toULongLong(&ok);
            if (size && ok)
                cell.pages.append({*size, count});
        } else if (name == u"cpus") {
            cell.cpus = xml.attributes().value(QLatin1String("num")).toInt();
            xml.skipCurrentElement();
        } else {
            xml.skipCurrentElement();
        }
    }
    return cell;
}

void readTopology(QXmlStreamReader &xml, HostTopology &topology) {
    while (xml.readNextStartElement()) {
        if (xml.name() != u"cells") {
            xml.skipCurrentElement();
            continue;
        }
        while (xml.readNextStartElement()) {
            if (xml.name() == u"cell")
                topology.cells.append(readCell(xml));
            else
                xml.skipCurrentElement();
        }
    }
}

void readCpu(QXmlStreamReader &xml, HostTopology &topology) {
    while (xml.readNextStartElement()) {
        if (xml.name() == u"arch") {
            topology.arch = xml.readElementText().trimmed();
        } else if (xml.name() == u"pages") {
            if (const auto size = pageSizeOf(xml.attributes()))
                topology.pageSizes.append(*size);
            xml.skipCurrentElement();
        } else {
            xml.skipCurrentElement();
        }
    }
}

Error parseError(const QString &what) {
    return Error::invalidArgument(
        QCoreApplication::translate("bs::CapabilitiesParser",
                                    "The host's capabilities could not be read: %1")
            .arg(what));
}

} // namespace

std::optional<quint64> fixedBasePageSize(const QString &arch) {
    if (arch == u"x86_64" || arch == u"i686" || arch == u"i386")
        return 4;
    return std::nullopt;
}

std::optional<quint64> HostTopology::basePageSize() const {
    if (!pageSizes.isEmpty())
        return *std::min_element(pageSizes.cbegin(), pageSizes.cend());
    return fixedBasePageSize(arch);
}

bool HostTopology::isHugePagePool(const NumaCell &cell, const CellPages &pages) const {
    const std::optional<quint64> base = basePageSize();
    if (base && pages.size <= *base)
        return false;
    if (cell.memory && pages.count > 0 && pages.count * pages.size == *cell.memory)
        return false;
    return true;
}

QList<quint64> HostTopology::hugePageSizes() const {
    QList<quint64> sizes;
    for (const NumaCell &cell : cells) {
        for (const CellPages &pages : cell.pages) {
            if (isHugePagePool(cell, pages) && !sizes.contains(pages.size))
                sizes.append(pages.size);
        }
    }
    std::sort(sizes.begin(), sizes.end());
    return sizes;
}

Result<HostTopology> parseCapabilities(const QString &text) {
    QXmlStreamReader xml(text);
    if (!xml.readNextStartElement() || xml.name() != u"capabilities")
        return parseError(xml.hasError() ? xml.errorString()
                                         : QStringLiteral("no <capabilities> element"));
    HostTopology topology;
    bool sawHost = false;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"host") {
            xml.skipCurrentElement();
            continue;
        }
        sawHost = true;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"cpu")
                readCpu(xml, topology);
            else if (xml.name() == u"topology")
                readTopology(xml, topology);
            else
                xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        return parseError(xml.errorString());
    if (!sawHost)
        return parseError(QStringLiteral("no <host> element"));
    return topology;
}

std::optional<quint64> scaledToKiB(quint64 value, QStringView unit, quint64 defaultScale) {
    quint64 scale = defaultScale;
    if (!unit.isEmpty()) {
        const QString u = unit.toString().toLower();
        if (u == u"b" || u == u"byte" || u == u"bytes") {
            scale = 1;
        } else {
            quint64 base = 0;
            if (u.size() == 1 || u.mid(1) == u"ib")
                base = 1024;
            else if (u.size() == 2 && u.at(1) == u'b')
                base = 1000;
            else
                return std::nullopt;
            int power = 0;
            switch (u.at(0).unicode()) {
            case 'k':
                power = 1;
                break;
            case 'm':
                power = 2;
                break;
            case 'g':
                power = 3;
                break;
            case 't':
                power = 4;
                break;
            case 'p':
                power = 5;
                break;
            default:
                return std::nullopt;
            }
            scale = 1;
            for (int i = 0; i < power; ++i)
                scale *= base;
        }
    }
    if (scale != 0 && value > std::numeric_limits<quint64>::max() / scale)
        return std::nullopt;
    const quint64 bytes = value * scale;
    return bytes / 1024 + (bytes % 1024 ? 1 : 0);
}

} // namespace bs
