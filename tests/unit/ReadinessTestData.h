#pragma once

// Builders for readiness evidence, shared by the readiness tests.

#include "readiness/HostSideInspector.h"

#include <QString>

namespace bs::test {

constexpr qint64 T0 = 1764150000; // seconds since the epoch: the "now" of these tests

// A domain XML with the given <memballoon> (model, period), libosinfo id and agent channel.
inline DomainXmlFacts domain(const QString &model, std::optional<int> period = std::nullopt,
                             const QString &libosinfo = {}, const QString &channelState = {},
                             bool hugePages = false) {
    QString xml = QStringLiteral("<domain type='kvm'><name>g</name>");
    if (!libosinfo.isEmpty())
        xml += QStringLiteral("<metadata><libosinfo:libosinfo "
                              "xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
                              "<libosinfo:os id='%1'/></libosinfo:libosinfo></metadata>")
                   .arg(libosinfo);
    if (hugePages)
        xml += QStringLiteral("<memoryBacking><hugepages/></memoryBacking>");
    xml += QStringLiteral("<devices>");
    if (!channelState.isEmpty())
        xml += QStringLiteral("<channel type='unix'><target type='virtio' "
                              "name='org.qemu.guest_agent.0'%1/></channel>")
                   .arg(channelState == QLatin1String("-")
                            ? QString()
                            : QStringLiteral(" state='%1'").arg(channelState));
    if (!model.isEmpty()) {
        xml += QStringLiteral("<memballoon model='%1'>").arg(model);
        if (period)
            xml += QStringLiteral("<stats period='%1'/>").arg(*period);
        xml += QStringLiteral("</memballoon>");
    }
    xml += QStringLiteral("</devices></domain>");
    return parseDomainXmlFacts(xml);
}

// A reading `atSeconds` after T0 whose last_update is `lastUpdate` (0 = never reported).
inline StatsObservation reading(double atSeconds, qint64 lastUpdate, bool guestFields = true) {
    StatsObservation o;
    o.timeMs = T0 * 1000 + qint64(atSeconds * 1000);
    o.stats.actual = 1048576;
    o.stats.rss = 400000;
    o.stats.lastUpdate = lastUpdate;
    if (guestFields && lastUpdate > 0) {
        o.stats.available = 1000000;
        o.stats.unused = 600000;
        o.stats.usable = 700000;
        o.stats.diskCaches = 50000;
    }
    return o;
}

inline HostEvidence runningGuest(const DomainXmlFacts &live,
                                 QList<StatsObservation> readings = {}) {
    HostEvidence e;
    e.uri = QStringLiteral("qemu:///system");
    e.name = QStringLiteral("g");
    e.state = DomainState::Running;
    e.live = live;
    e.persistentConfig = live;
    e.persistent = true;
    e.observations = std::move(readings);
    e.nowMs = T0 * 1000 + 60000;
    return e;
}

} // namespace bs::test
