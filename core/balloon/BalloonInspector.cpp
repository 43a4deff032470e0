#include "BalloonInspector.h"

#include "BalloonText.h"
#include "DomainMemoryConfig.h"
#include "libvirt/Connection.h"
#include "libvirt/LibvirtError.h"
#include "libvirt/TypedParams.h"

#include <algorithm>

namespace bs {

namespace {

QString uuidOf(virDomainPtr domain) {
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetUUIDString(domain, uuid) < 0) {
        virResetLastError();
        return {};
    }
    return QString::fromLatin1(uuid);
}

std::optional<QString> xmlOf(virDomainPtr domain, unsigned flags, std::optional<Error> &error) {
    LibvirtString xml(virDomainGetXMLDesc(domain, flags));
    if (!xml) {
        error = lastLibvirtError(BalloonText::tr("Could not read the guest's configuration"));
        return std::nullopt;
    }
    return QString::fromUtf8(xml.get());
}

DomainHandle lookUp(virConnectPtr conn, const QString &nameOrUuid) {
    const QByteArray utf8 = nameOrUuid.toUtf8();
    DomainHandle domain(virDomainLookupByName(conn, utf8.constData()));
    if (!domain) {
        virResetLastError();
        domain.reset(virDomainLookupByUUIDString(conn, utf8.constData()));
        if (!domain)
            virResetLastError();
    }
    return domain;
}

} // namespace

GuestBalloonInfo inspectGuest(virDomainPtr domain, const QString &hostId, bool readOnly,
                              qint64 nowMs) {
    GuestBalloonInfo info;
    info.hostId = hostId;
    info.readOnly = readOnly;
    info.uuid = uuidOf(domain);
    const char *name = virDomainGetName(domain);
    info.name = QString::fromUtf8(name ? name : "");

    int state = 0;
    int reason = 0;
    if (virDomainGetState(domain, &state, &reason, 0) < 0) {
        info.error = lastLibvirtError(BalloonText::tr("Could not read the guest's state"));
        return info;
    }
    info.state = domainStateFromLibvirt(state);
    const int persistent = virDomainIsPersistent(domain);
    if (persistent < 0) {
        info.error = lastLibvirtError(BalloonText::tr("Could not tell whether the guest is "
                                                      "persistent"));
        return info;
    }
    info.persistent = persistent == 1;

    if (info.isActive()) {
        const auto live = xmlOf(domain, 0, info.error);
        if (!live)
            return info;
        info.liveBalloon = parseBalloonConfig(*live);
        info.domainType = parseDomainMemoryConfig(*live).domainType;
        virDomainInfo raw{};
        if (virDomainGetInfo(domain, &raw) == 0) {
            info.liveMaximumKiB = quint64(raw.maxMem);
            info.liveCurrentKiB = quint64(raw.memory);
        } else {
            virResetLastError();
        }
        virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
        const int n = virDomainMemoryStats(domain, stats, VIR_DOMAIN_MEMORY_STAT_NR, 0);
        if (n >= 0) {
            info.stats = balloonStatsFromMemoryStats(stats, n);
            info.stats.maximum = info.liveMaximumKiB;
            if (info.stats.actual)
                info.liveCurrentKiB = info.stats.actual;
            info.statsFresh = statsLookFresh(info.stats, info.liveBalloon.period, nowMs);
        } else {
            virResetLastError(); // no balloon: no stats, which the planner explains
        }
    }
    if (info.persistent) {
        const auto inactive = xmlOf(domain, VIR_DOMAIN_XML_INACTIVE, info.error);
        if (!inactive)
            return info;
        info.persistentXml = *inactive;
        info.persistentBalloon = parseBalloonConfig(*inactive);
        const DomainMemoryConfig memory = parseDomainMemoryConfig(*inactive);
        info.persistentMaximumKiB = memory.memoryKiB;
        info.persistentCurrentKiB =
            memory.currentMemoryKiB ? memory.currentMemoryKiB : memory.memoryKiB;
        info.domainType = memory.domainType;
    }
    return info;
}

Result<QList<GuestBalloonInfo>> inspectGuests(const Connection &connection,
                                              const GuestSelection &selection, qint64 nowMs) {
    virConnectPtr conn = connection.get();
    QList<GuestBalloonInfo> out;
    if (selection.all) {
        DomainList list;
        const int n = virConnectListAllDomains(conn, list.out(), 0);
        if (n < 0)
            return lastLibvirtError(BalloonText::tr("Could not list the guests"));
        list.setSize(n);
        for (int i = 0; i < n; ++i)
            out.append(inspectGuest(list.at(i), connection.uri(), connection.isReadOnly(), nowMs));
        std::sort(out.begin(), out.end(), [](const GuestBalloonInfo &a, const GuestBalloonInfo &b) {
            return a.name < b.name;
        });
        return out;
    }
    for (const QString &wanted : selection.guests) {
        DomainHandle domain = lookUp(conn, wanted);
        if (!domain) {
            GuestBalloonInfo missing;
            missing.hostId = connection.uri();
            missing.name = wanted;
            missing.readOnly = connection.isReadOnly();
            missing.error = Error::notFound(BalloonText::tr("There is no guest named \"%1\" on %2.")
                                                .arg(wanted, connection.uri()));
            out.append(missing);
            continue;
        }
        out.append(inspectGuest(domain.get(), connection.uri(), connection.isReadOnly(), nowMs));
    }
    return out;
}

} // namespace bs
