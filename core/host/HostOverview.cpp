#include "HostOverview.h"

namespace bs {

std::optional<quint64> HostOverview::hostTotal() const {
    if (memory.total)
        return memory.total;
    if (info && info->memory > 0)
        return info->memory;
    return std::nullopt;
}

QList<GuestBacking> HostOverview::hugePageGuests() const {
    QList<GuestBacking> out;
    for (const GuestBacking &guest : guestBacking) {
        if (guest.backing.hugePages)
            out.append(guest);
    }
    return out;
}

HostSample hostSampleFrom(const HostOverview &o) {
    HostSample s;
    s.hostId = o.hostId;
    s.timeMs = o.timeMs;
    s.total = o.memory.total;
    s.free = o.memory.free;
    s.buffers = o.memory.buffers;
    s.cached = o.memory.cached;
    s.guestsMaximum = o.overcommit.maximum;
    s.guestsActual = o.overcommit.actual;
    s.guestsUsed = o.overcommit.used;
    s.guestsActive = o.overcommit.guestsActive;
    s.guestsReporting = o.overcommit.guestsReporting;
    s.ksmSaved = o.ksmFigures.saved;
    s.ksmPagesShared = o.ksm.pagesShared;
    s.ksmPagesSharing = o.ksm.pagesSharing;
    s.ksmPagesUnshared = o.ksm.pagesUnshared;
    s.ksmPagesVolatile = o.ksm.pagesVolatile;
    s.ksmFullScans = o.ksm.fullScans;
    s.hugePagesTotal = hugePagesTotalKiB(o.hugePageSizes);
    s.hugePagesFree = hugePagesFreeKiB(o.hugePageSizes);
    return s;
}

QString pageSizeSourceKey(PageSizeSource source) {
    switch (source) {
    case PageSizeSource::Unknown:
        return QStringLiteral("unknown");
    case PageSizeSource::Capabilities:
        return QStringLiteral("capabilities");
    case PageSizeSource::Architecture:
        return QStringLiteral("architecture");
    }
    return {};
}

} // namespace bs
