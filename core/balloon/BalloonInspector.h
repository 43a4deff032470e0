#pragma once

#include "GuestBalloonInfo.h"
#include "common/Result.h"

#include <libvirt/libvirt.h>

namespace bs {

class Connection;

// Reads what the balloon controls need about guests. Blocking libvirt calls: run it on the
// host's worker thread (MonitoredHost::submit). Per guest: state, persistence, the live and the
// inactive XML, virDomainGetInfo and, for running guests, virDomainMemoryStats.
//
// Names (or UUIDs) that match no guest come back as entries with an error, in the order given;
// only a failure to list the guests at all fails the whole call.
Result<QList<GuestBalloonInfo>> inspectGuests(const Connection &connection,
                                              const GuestSelection &selection, qint64 nowMs);

GuestBalloonInfo inspectGuest(virDomainPtr domain, const QString &hostId, bool readOnly,
                              qint64 nowMs);

} // namespace bs
