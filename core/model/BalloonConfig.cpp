#include "BalloonConfig.h"

#include <QXmlStreamReader>

namespace bs {

namespace {

BalloonModel modelFromName(QStringView name) {
    if (name == u"virtio")
        return BalloonModel::Virtio;
    if (name == u"virtio-transitional")
        return BalloonModel::VirtioTransitional;
    if (name == u"virtio-non-transitional")
        return BalloonModel::VirtioNonTransitional;
    if (name == u"none")
        return BalloonModel::None;
    if (name == u"xen")
        return BalloonModel::Xen;
    return BalloonModel::Other;
}

bool isOn(QStringView value) {
    return value == u"on" || value == u"yes";
}

} // namespace

BalloonConfig parseBalloonConfig(const QString &domainXml) {
    QXmlStreamReader xml(domainXml);
    BalloonConfig config;
    bool inDevices = false;
    int depth = 0;
    int balloonDepth = -1;
    bool done = false;
    while (!xml.atEnd() && !done) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            const QStringView name = xml.name();
            if (depth == 2 && name == u"devices") {
                inDevices = true;
            } else if (depth == 3 && balloonDepth < 0 && name == u"memballoon" && inDevices) {
                balloonDepth = depth;
                const auto attrs = xml.attributes();
                config.modelName = attrs.value(QLatin1String("model")).toString();
                config.model = modelFromName(config.modelName);
                config.autodeflate = isOn(attrs.value(QLatin1String("autodeflate")));
                config.freePageReporting = isOn(attrs.value(QLatin1String("freePageReporting")));
            } else if (balloonDepth > 0 && depth == balloonDepth + 1 && name == u"stats") {
                bool ok = false;
                const int period = xml.attributes().value(QLatin1String("period")).toInt(&ok);
                if (ok)
                    config.period = period;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == balloonDepth)
                done = true;
            if (depth == 2)
                inDevices = false;
            --depth;
        }
    }
    if (xml.hasError() && !done)
        return BalloonConfig{}; // Unknown: do not pretend to know
    if (config.model == BalloonModel::Unknown && depth == 0 && !domainXml.trimmed().isEmpty())
        config.model = BalloonModel::Absent; // the whole document read, no <memballoon>
    return config;
}

} // namespace bs
