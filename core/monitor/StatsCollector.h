#pragma once

#include "common/Result.h"
#include "libvirt/LibvirtHandles.h"
#include "model/BalloonStats.h"
#include "model/DomainState.h"

#include <QList>
#include <QString>

namespace bs {

struct CollectedGuest {
    QString uuid;
    QString name;
    DomainState state = DomainState::Unknown;
    BalloonStats stats;
    std::shared_ptr<virDomain> domain; // for follow-up calls (XML), freed with the last copy
};

struct Collection {
    QList<CollectedGuest> guests;
    int libvirtCalls = 0;
    bool usedFallback = false;
};

// One poll of a host's guests: ONE virConnectGetAllDomainStats(STATE|BALLOON) call, so a remote
// link costs one round trip whatever the number of guests. Falls back to per-guest
// virDomainMemoryStats where the bulk call is unsupported or returns no balloon fields for a
// running guest (the test driver does that). Blocking; call it on the host's worker thread.
Result<Collection> collectGuests(virConnectPtr conn);

// The per-guest path on its own, for the benchmark that compares both.
Result<Collection> collectGuestsOneByOne(virConnectPtr conn);

} // namespace bs
