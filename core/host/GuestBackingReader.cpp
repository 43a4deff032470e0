#include "GuestBackingReader.h"

#include "common/Logging.h"
#include "libvirt/LibvirtError.h"
#include "libvirt/LibvirtHandles.h"

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

} // namespace

void GuestBackingReader::reset() {
    m_entries.clear();
    m_pollStates.clear();
    m_order.clear();
    m_current.clear();
    m_listedMs = -1;
}

bool GuestBackingReader::needsList(const QList<MemorySample> &guests, qint64 monotonicMs) const {
    if (m_listedMs < 0 || monotonicMs - m_listedMs >= RefreshMs)
        return true;
    if (guests.size() != m_pollStates.size())
        return true;
    for (const MemorySample &guest : guests) {
        const auto it = m_pollStates.constFind(guest.uuid);
        if (it == m_pollStates.cend() || *it != isActive(guest.state))
            return true;
    }
    return false;
}

QList<GuestBacking> GuestBackingReader::listed() const {
    QList<GuestBacking> out;
    out.reserve(m_order.size());
    for (const QString &uuid : m_order) {
        const auto it = m_entries.constFind(uuid);
        if (it != m_entries.cend() && it->backing.backing.parsed)
            out.append(it->backing);
    }
    return out;
}

NodeRead<QList<GuestBacking>> GuestBackingReader::read(virConnectPtr conn,
                                                       const QList<MemorySample> &guests,
                                                       qint64 monotonicMs) {
    if (!needsList(guests, monotonicMs))
        return {m_current, {Availability::Available, {}}};

    DomainList list;
    ++m_calls;
    const int n = virConnectListAllDomains(conn, list.out(), 0);
    if (n < 0) {
        const Error error = lastLibvirtError();
        qCDebug(lcHost) << "listing the guests for their backing failed:"
                        << error.technicalDetail();
        const Availability availability =
            isUnsupported(error) ? Availability::Unsupported : Availability::Failed;
        return {std::nullopt, {availability, error.technicalDetail()}};
    }
    list.setSize(n);

    QHash<QString, Entry> entries;
    QList<QString> order;
    for (int i = 0; i < n; ++i) {
        virDomainPtr domain = list.at(i);
        const QString uuid = uuidOf(domain);
        if (uuid.isEmpty())
            continue;
        const unsigned id = virDomainGetID(domain);
        const bool active = id != unsigned(-1);
        Entry entry;
        const auto old = m_entries.constFind(uuid);
        const bool reuse = old != m_entries.cend() && old->id == id &&
                           (active || monotonicMs - old->readMs < RefreshMs);
        if (reuse) {
            entry = *old;
        } else {
            // The live XML holds what the running guest was started with; a shut-off guest
            // has only its persistent definition.
            ++m_calls;
            LibvirtString xml(virDomainGetXMLDesc(domain, active ? 0 : VIR_DOMAIN_XML_INACTIVE));
            if (!xml) {
                qCDebug(lcHost) << "XML of" << uuid << lastLibvirtError().technicalDetail();
                continue; // gone meanwhile
            }
            entry.id = id;
            entry.readMs = monotonicMs;
            entry.backing.uuid = uuid;
            const char *name = virDomainGetName(domain);
            entry.backing.name = QString::fromUtf8(name ? name : "");
            entry.backing.backing = parseMemoryBacking(QString::fromUtf8(xml.get()));
        }
        entry.backing.active = active;
        entries.insert(uuid, entry);
        order.append(uuid);
    }
    m_entries = std::move(entries);
    m_order = std::move(order);
    m_pollStates.clear();
    for (const MemorySample &guest : guests)
        m_pollStates.insert(guest.uuid, isActive(guest.state));
    m_listedMs = monotonicMs;
    m_current = listed();
    return {m_current, {Availability::Available, {}}};
}

} // namespace bs
