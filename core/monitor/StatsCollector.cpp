#include "StatsCollector.h"

#include "common/Logging.h"
#include "libvirt/LibvirtError.h"
#include "libvirt/TypedParams.h"

#include <QCoreApplication>

namespace bs {

namespace {

// The UUID's canonical text, formatted here from its 16 bytes: libvirt's own formatting goes
// through snprintf per byte, which was the recorder's largest single cost at 5,000 guests.
QString uuidOf(virDomainPtr domain) {
    unsigned char raw[VIR_UUID_BUFLEN] = {};
    if (virDomainGetUUID(domain, raw) < 0) {
        virResetLastError();
        return {};
    }
    static constexpr char Hex[] = "0123456789abcdef";
    char text[VIR_UUID_STRING_BUFLEN - 1];
    int at = 0;
    for (int i = 0; i < VIR_UUID_BUFLEN; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text[at++] = '-';
        text[at++] = Hex[raw[i] >> 4];
        text[at++] = Hex[raw[i] & 15];
    }
    return QString::fromLatin1(text, at);
}

QString nameOf(virDomainPtr domain) {
    const char *name = virDomainGetName(domain);
    return QString::fromUtf8(name ? name : "");
}

// Fills a running guest's stats with virDomainMemoryStats (+ maximum from virDomainGetInfo,
// or from `cache` while fresh). Errors about this one guest (it stopped meanwhile) leave its
// stats empty.
void fillPerGuest(CollectedGuest &guest, int &calls, GuestInfoCache *cache = nullptr) {
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
    const std::optional<quint64> cached =
        cache && stats.actual ? cache->maximum(guest.uuid) : std::nullopt;
    if (cached) {
        stats.maximum = *cached;
    } else {
        virDomainInfo info{};
        ++calls;
        if (virDomainGetInfo(guest.domain.get(), &info) == 0) {
            stats.maximum = quint64(info.maxMem);
            if (!stats.actual)
                stats.actual = quint64(info.memory);
            if (cache)
                cache->store(guest.uuid, quint64(info.maxMem));
        } else {
            virResetLastError();
        }
    }
    if (!stats.lastUpdate)
        stats.lastUpdate = keepUpdate;
    guest.stats = stats;
}

} // namespace

std::optional<quint64> GuestInfoCache::maximum(const QString &uuid) {
    auto it = m_entries.find(uuid);
    if (it == m_entries.end() || it->pollsLeft <= 0)
        return std::nullopt;
    --it->pollsLeft;
    return it->maximum;
}

void GuestInfoCache::store(const QString &uuid, quint64 maximum) {
    m_entries.insert(uuid, Entry{maximum, RefreshPolls});
}

void GuestInfoCache::retain(const QSet<QString> &uuids) {
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (uuids.contains(it.key()))
            ++it;
        else
            it = m_entries.erase(it);
    }
}

Result<Collection> collectGuests(virConnectPtr conn, GuestInfoCache *cache) {
    Collection out;
    auto owned = std::make_shared<DomainStatsRecords>();
    DomainStatsRecords &records = *owned;
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
    out.domains = owned;
    out.guests.reserve(n);
    for (int i = 0; i < n; ++i) {
        virDomainStatsRecordPtr record = records.at(i);
        CollectedGuest guest;
        guest.domain = BorrowedDomain(record->dom);
        guest.uuid = uuidOf(record->dom);
        guest.name = nameOf(record->dom);
        guest.state = stateFromDomainStats(record->params, record->nparams);
        guest.stats = balloonStatsFromDomainStats(record->params, record->nparams);
        out.guests.append(std::move(guest));
    }
    // The bulk call of some drivers returns no balloon group at all: ask those guests one by one.
    for (CollectedGuest &guest : out.guests) {
        if (isActive(guest.state) && !guest.stats.actual && guest.domain) {
            out.usedFallback = true;
            fillPerGuest(guest, out.libvirtCalls, cache);
        }
    }
    if (cache && out.usedFallback) {
        QSet<QString> present;
        present.reserve(out.guests.size());
        for (const CollectedGuest &guest : std::as_const(out.guests))
            present.insert(guest.uuid);
        cache->retain(present);
    }
    return out;
}

Result<Collection> collectGuestsOneByOne(virConnectPtr conn) {
    Collection out;
    out.usedFallback = true;
    auto owned = std::make_shared<DomainList>();
    DomainList &list = *owned;
    ++out.libvirtCalls;
    const int n = virConnectListAllDomains(conn, list.out(), 0);
    if (n < 0)
        return lastLibvirtError(
            QCoreApplication::translate("bs::StatsCollector", "Could not list the guests"));
    list.setSize(n);
    out.domains = owned;
    for (int i = 0; i < n; ++i) {
        CollectedGuest guest;
        guest.domain = BorrowedDomain(list.at(i));
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
