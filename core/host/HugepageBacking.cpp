#include "HugepageBacking.h"

#include "CapabilitiesParser.h"

#include <QXmlStreamReader>

namespace bs {

namespace {

std::optional<quint64> readSize(QXmlStreamReader &xml) {
    const QString unit = xml.attributes().value(QLatin1String("unit")).toString();
    bool ok = false;
    const quint64 value = xml.readElementText().trimmed().toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return scaledToKiB(value, unit);
}

void readHugePages(QXmlStreamReader &xml, MemoryBacking &backing) {
    backing.hugePages = true;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"page") {
            xml.skipCurrentElement();
            continue;
        }
        const QXmlStreamAttributes attrs = xml.attributes();
        HugePageRequest request;
        bool ok = false;
        const quint64 size = attrs.value(QLatin1String("size")).toULongLong(&ok);
        if (ok)
            request.size = scaledToKiB(size, attrs.value(QLatin1String("unit")));
        request.nodeset = attrs.value(QLatin1String("nodeset")).toString();
        backing.pages.append(request);
        xml.skipCurrentElement();
    }
}

void readBacking(QXmlStreamReader &xml, MemoryBacking &backing) {
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == u"hugepages") {
            readHugePages(xml, backing);
            continue;
        }
        if (name == u"nosharepages")
            backing.noSharePages = true;
        else if (name == u"locked")
            backing.locked = true;
        else if (name == u"source")
            backing.source = xml.attributes().value(QLatin1String("type")).toString();
        xml.skipCurrentElement();
    }
}

} // namespace

QList<quint64> MemoryBacking::explicitSizes() const {
    QList<quint64> sizes;
    for (const HugePageRequest &request : pages) {
        if (request.size && !sizes.contains(*request.size))
            sizes.append(*request.size);
    }
    return sizes;
}

MemoryBacking parseMemoryBacking(const QString &domainXml) {
    QXmlStreamReader xml(domainXml);
    MemoryBacking backing;
    if (!xml.readNextStartElement() || xml.name() != u"domain")
        return {};
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == u"memoryBacking")
            readBacking(xml, backing);
        else if (name == u"memory")
            backing.memory = readSize(xml);
        else
            xml.skipCurrentElement();
    }
    if (xml.hasError())
        return {};
    backing.parsed = true;
    return backing;
}

} // namespace bs
