#include "DomainMemoryConfig.h"

#include <QXmlStreamReader>

#include <limits>

namespace bs {

std::optional<quint64> memoryToKiB(QStringView value, QStringView unit) {
    bool ok = false;
    const quint64 number = value.trimmed().toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QStringView u = unit.trimmed();
    quint64 bytesPer = 1024; // empty = KiB
    if (!u.isEmpty()) {
        if (u.compare(u"b", Qt::CaseInsensitive) == 0 ||
            u.compare(u"bytes", Qt::CaseInsensitive) == 0) {
            bytesPer = 1;
        } else {
            static constexpr char16_t prefixes[] = u"kmgtpe";
            const auto power =
                std::u16string_view(prefixes).find(char16_t(u[0].toLower().unicode()));
            const QStringView rest = u.mid(1);
            if (power == std::u16string_view::npos)
                return std::nullopt;
            quint64 base = 1024;
            if (rest.compare(u"B", Qt::CaseInsensitive) == 0)
                base = 1000;
            else if (!rest.isEmpty() && rest.compare(u"iB", Qt::CaseInsensitive) != 0)
                return std::nullopt;
            bytesPer = 1;
            for (size_t i = 0; i <= power; ++i) {
                if (bytesPer > std::numeric_limits<quint64>::max() / base)
                    return std::nullopt;
                bytesPer *= base;
            }
        }
    }
    if (number != 0 && bytesPer > std::numeric_limits<quint64>::max() / number)
        return std::nullopt;
    const quint64 bytes = number * bytesPer;
    return bytes / 1024 + (bytes % 1024 ? 1 : 0);
}

DomainMemoryConfig parseDomainMemoryConfig(const QString &domainXml) {
    DomainMemoryConfig config;
    QXmlStreamReader xml(domainXml);
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth == 1) {
                config.domainType = xml.attributes().value(QLatin1String("type")).toString();
            } else if (depth == 2 && (xml.name() == u"memory" || xml.name() == u"currentMemory")) {
                const bool current = xml.name() == u"currentMemory";
                const QString unit = xml.attributes().value(QLatin1String("unit")).toString();
                const QString text = xml.readElementText();
                --depth; // readElementText consumed the end tag
                (current ? config.currentMemoryKiB : config.memoryKiB) = memoryToKiB(text, unit);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    if (xml.hasError())
        return DomainMemoryConfig{};
    return config;
}

} // namespace bs
