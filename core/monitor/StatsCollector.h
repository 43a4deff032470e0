#pragma once

#include "common/Result.h"
#include "libvirt/LibvirtHandles.h"
#include "model/BalloonStats.h"
#include "model/DomainState.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace bs {

// A guest's domain handle, valid while the Collection it came from lives (the Collection keeps
// libvirt's list of them): no reference is taken and dropped per guest and poll, which cost 8 %
// of the recorder at 5,000 guests (issue 18).
class BorrowedDomain {
public:
    BorrowedDomain() = default;
    explicit BorrowedDomain(virDomainPtr domain)
        : m_domain(domain) {}
    virDomainPtr get() const { return m_domain; }
    explicit operator bool() const { return m_domain != nullptr; }

private:
    virDomainPtr m_domain = nullptr;
};

struct CollectedGuest {
    QString uuid;
    QString name;
    DomainState state = DomainState::Unknown;
    BalloonStats stats;
    BorrowedDomain domain; // for follow-up calls (XML), while the Collection lives
};

// What virDomainGetInfo said of each guest, for the per-guest fallback (drivers whose bulk call
// has no balloon group): the maximum rarely changes, so it is asked again only every
// RefreshPolls polls, or at once when the stats lack the balloon size. Halves the calls per
// guest on such hosts (issue 18: the recorder at 5,000 test-driver guests).
class GuestInfoCache {
public:
    static constexpr int RefreshPolls = 12;

    // The cached maximum of `uuid`, if it is still fresh (counts this poll).
    std::optional<quint64> maximum(const QString &uuid);
    void store(const QString &uuid, quint64 maximum);
    // Drops the guests not in `uuids` (gone from the host).
    void retain(const QSet<QString> &uuids);

private:
    struct Entry {
        quint64 maximum = 0;
        int pollsLeft = 0;
    };
    QHash<QString, Entry> m_entries;
};

struct Collection {
    QList<CollectedGuest> guests;
    std::shared_ptr<void> domains; // libvirt's records or list: owns the guests' handles
    int libvirtCalls = 0;
    bool usedFallback = false;
};

// One poll of a host's guests: ONE virConnectGetAllDomainStats(STATE|BALLOON) call, so a remote
// link costs one round trip whatever the number of guests. Falls back to per-guest
// virDomainMemoryStats where the bulk call is unsupported or returns no balloon fields for a
// running guest (the test driver does that). Blocking; call it on the host's worker thread.
// `cache` (optional) spares the fallback's virDomainGetInfo where it can.
Result<Collection> collectGuests(virConnectPtr conn, GuestInfoCache *cache = nullptr);

// The per-guest path on its own, for the benchmark that compares both.
Result<Collection> collectGuestsOneByOne(virConnectPtr conn);

} // namespace bs
