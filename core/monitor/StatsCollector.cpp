#include "StatsCollector.h"

#include "common/Logging.h"
#include "libvirt/LibvirtError.h"
#include "libvirt/TypedParams.h"

#include <QCoreApplication>

namespace bs {

namespace {

std::shared_ptr<virDomain> shareDomain(virDomainPtr domain) {
    if (!domain || virDomainRef(domain) < 0)
        return {};
    return std::shared_ptr<virDomain>(domain, [](virDomainPtr d) { virDomainFree(d); });
}

QString uuidOf(virDomainPtr domain) {
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetUUIDString(domain, uuid) < 0) {
        virResetLastError();
        return {};
    }
    return QString::fromLatin1(uuid);
}

QString nameOf(virDomainPtr domain) {
    const char *name = virDomainGetName(domain);
    return QString::fromUtf8(name ? name : "");
}

// Fills a running guest's stats with virDomainMemoryStats (+ maximum from virDomainGetInfo).
// Errors about this one guest (it stopped meanwhile) leave its stats empty.
void fillPerGuest(CollectedGuest &guest, int &calls) {
    virDomainMemoryStatStruct raw[VIR_DOMAIN_MEMORY_STAT_NR];
    ++calls;
    const int n = virDomainMemoryStats(guest.domain.get(), raw, VIR_DOMAIN_MEMORY_STAT_NR, 0);
    if (n < 0) {
        qCDebug(lcMonitor) << "memory stats of" << guest.name
                           << lastLibvirtError().technicalDetail();
        return;
    }
    const std::optional<qint64> keepUpdate = guest.stats.lastUpdate;
    BalloonStats stats = balloonStatsFromMemoryStats(raw, n);
    virDomainInfo info{};
    ++calls;
    if (virDomainGetInfo(guest.domain.get(), &info) == 0) {
        stats.maximum = quint64(info.maxMem);
        if (!stats.actual)
            stats.actual = quint64(info.memory);
    } else {
        virResetLastError();
    }
    if (!stats.lastUpdate)
        stats.lastUpdate = keepUpdate;
    guest.stats = stats;
}

} // namespace

Result<Collection> collectGuests(virConnectPtr conn) {
    Collection out;
    DomainStatsRecords records;
    ++out.libvirtCalls;
    const int n = virConnectGetAllDomainStats(
        conn, VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_BALLOON, records.out(), 0);
    if (n < 0) {
        Error error = lastLibvirtError(QCoreApplication::translate(
            "bs::StatsCollector", "Could not read the guests' statistics"));
        if (isUnsupported(error)) {
            qCDebug(lcMonitor) << "bulk stats unsupported, using per-guest calls";
            return collectGuestsOneByOne(conn);
        }
        return error;
    }
    records.setSize(n);
    out.guests.reserve(n);
    for (int i = 0; i < n; ++i) {
        virDomainStatsRecordPtr record = records.at(i);
        const QList<TypedParam> params = copyTypedParams(record->params, record->nparams);
        CollectedGuest guest;
        guest.domain = shareDomain(record->dom);
        guest.uuid = uuidOf(record->dom);
        guest.name = nameOf(record->dom);
        guest.state = stateFromDomainStats(params);
        guest.stats = balloonStatsFromDomainStats(params);
        out.guests.append(std::move(guest));
    }
    // The bulk call of some drivers returns no balloon group at all: ask those guests one by one.
    for (CollectedGuest &guest : out.guests) {
        if (isActive(guest.state) && !guest.stats.actual && guest.domain) {
            out.usedFallback = true;
            fillPerGuest(guest, out.libvirtCalls);
        }
    }
    return out;
}

Result<Collection> collectGuestsOneByOne(virConnectPtr conn) {
    Collection out;
    out.usedFallback = true;
    DomainList list;
    ++out.libvirtCalls;
    const int n = virConnectListAllDomains(conn, list.out(), 0);
    if (n < 0)
        return lastLibvirtError(
            QCoreApplication::translate("bs::StatsCollector", "Could not list the guests"));
    list.setSize(n);
    for (int i = 0; i < n; ++i) {
        CollectedGuest guest;
        guest.domain = shareDomain(list.at(i));
        guest.uuid = uuidOf(list.at(i));
        guest.name = nameOf(list.at(i));
        int state = 0;
        int reason = 0;
        ++out.libvirtCalls;
        if (virDomainGetState(list.at(i), &state, &reason, 0) < 0) {
            virResetLastError();
            continue; // vanished between the list and now
        }
        guest.state = domainStateFromLibvirt(state);
        if (isActive(guest.state))
            fillPerGuest(guest, out.libvirtCalls);
        out.guests.append(std::move(guest));
    }
    return out;
}

} // namespace bs
