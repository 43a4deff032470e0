#include "GuestFactsReader.h"

#include "LibvirtAgentChannel.h"
#include "common/Logging.h"
#include "libvirt/LibvirtError.h"
#include "libvirt/LibvirtHandles.h"
#include "libvirt/TypedParams.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace bs {

namespace {

std::optional<DomainXmlFacts> readXml(virDomainPtr domain, unsigned flags, Error *error,
                                      XmlFactsCache *cache, const QString &uuid) {
    LibvirtString xml(virDomainGetXMLDesc(domain, flags));
    if (!xml) {
        const Error e = lastLibvirtError();
        if (error)
            *error = e;
        qCDebug(lcReadiness) << "XML" << flags << e.technicalDetail();
        return std::nullopt;
    }
    if (!cache)
        return parseDomainXmlFacts(QString::fromUtf8(xml.get()));
    const auto kind = (flags & VIR_DOMAIN_XML_INACTIVE) ? XmlFactsCache::Kind::Inactive
                                                        : XmlFactsCache::Kind::Live;
    return cache->facts(uuid, kind, QByteArrayView(xml.get()));
}

bool looksLikeUuid(const QString &text) {
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                       "[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

} // namespace

GuestFacts GuestFactsReader::readOne(virDomainPtr domain, const GuestFactsRequest &request) {
    GuestFacts f;
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetUUIDString(domain, uuid) == 0)
        f.uuid = QString::fromLatin1(uuid);
    else
        virResetLastError();
    const char *name = virDomainGetName(domain);
    f.name = QString::fromUtf8(name ? name : "");

    int state = 0;
    int reason = 0;
    if (virDomainGetState(domain, &state, &reason, 0) < 0) {
        f.error = lastLibvirtError(tr("Could not read the state of %1").arg(f.name));
        return f;
    }
    f.state = domainStateFromLibvirt(state);
    const int persistent = virDomainIsPersistent(domain);
    if (persistent < 0)
        virResetLastError();
    f.persistent = persistent != 0;

    const bool active = isActive(f.state);
    Error xmlError;
    XmlFactsCache *cache = request.xmlCache.get();
    const auto live =
        readXml(domain, active ? 0 : VIR_DOMAIN_XML_INACTIVE, &xmlError, cache, f.uuid);
    if (!live) {
        f.error =
            Error{xmlError.kind, xmlError.code, xmlError.domain,
                  tr("Could not read the configuration of %1: %2").arg(f.name, xmlError.message)};
        return f;
    }
    f.live = *live;
    if (f.persistent)
        f.persistentConfig =
            active ? readXml(domain, VIR_DOMAIN_XML_INACTIVE, nullptr, cache, f.uuid) : live;

    if (active) {
        virDomainMemoryStatStruct raw[VIR_DOMAIN_MEMORY_STAT_NR];
        const int n = virDomainMemoryStats(domain, raw, VIR_DOMAIN_MEMORY_STAT_NR, 0);
        if (n >= 0)
            f.reading = StatsObservation{QDateTime::currentMSecsSinceEpoch(),
                                         balloonStatsFromMemoryStats(raw, n)};
        else
            qCDebug(lcReadiness) << "memory stats of" << f.name
                                 << lastLibvirtError().technicalDetail();
    }

    if (!request.agentChecks)
        return f;
    if (f.state != DomainState::Running && f.state != DomainState::Blocked) {
        f.agentNotRunReason = tr("the guest does not run.");
    } else if (f.live.agentChannel == DomainXmlFacts::AgentChannel::Absent) {
        f.agentNotRunReason = tr("the guest has no guest-agent channel.");
    } else if (f.live.agentChannel == DomainXmlFacts::AgentChannel::Disconnected) {
        f.agentNotRunReason = tr("no agent is connected to the guest's channel.");
    } else {
        LibvirtAgentChannel channel(domain);
        AgentInspector inspector(channel, request.agentOptions);
        f.agent = inspector.run(f.live.osFamily());
    }
    return f;
}

Result<QList<GuestFacts>> GuestFactsReader::read(virConnectPtr conn,
                                                 const GuestFactsRequest &request) {
    QList<GuestFacts> out;
    if (request.guests.isEmpty()) {
        DomainList list;
        const int n = virConnectListAllDomains(conn, list.out(), 0);
        if (n < 0)
            return lastLibvirtError(tr("Could not list the guests"));
        list.setSize(n);
        for (int i = 0; i < n; ++i)
            out.append(readOne(list.at(i), request));
        if (request.xmlCache) {
            QSet<QString> present;
            present.reserve(out.size());
            for (const GuestFacts &f : std::as_const(out))
                present.insert(f.uuid);
            request.xmlCache->retain(present);
        }
        std::sort(out.begin(), out.end(), [](const GuestFacts &a, const GuestFacts &b) {
            return a.name.localeAwareCompare(b.name) < 0;
        });
        return out;
    }
    for (const QString &guest : request.guests) {
        const QByteArray utf8 = guest.toUtf8();
        DomainHandle domain(virDomainLookupByName(conn, utf8.constData()));
        if (!domain && looksLikeUuid(guest)) {
            virResetLastError();
            domain.reset(virDomainLookupByUUIDString(conn, utf8.constData()));
        }
        if (!domain) {
            const Error e = lastLibvirtError();
            GuestFacts missing;
            missing.name = guest;
            missing.error = e.code == VIR_ERR_NO_DOMAIN
                                ? Error::notFound(tr("There is no guest named \"%1\".").arg(guest))
                                : e;
            out.append(missing);
            continue;
        }
        out.append(readOne(domain.get(), request));
    }
    return out;
}

} // namespace bs
