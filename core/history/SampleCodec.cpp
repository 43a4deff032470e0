#include "SampleCodec.h"

#include <limits>

namespace bs::history {

namespace {

std::optional<qint64> toStored(const std::optional<quint64> &v) {
    if (!v)
        return std::nullopt;
    return qint64(qMin<quint64>(*v, quint64(std::numeric_limits<qint64>::max())));
}

std::optional<quint64> fromStored(const std::optional<qint64> &v) {
    if (!v || *v < 0)
        return std::nullopt;
    return quint64(*v);
}

} // namespace

int domainStateCode(DomainState state) {
    // libvirt's virDomainState numbers, which are stable.
    switch (state) {
    case DomainState::NoState:
        return 0;
    case DomainState::Running:
        return 1;
    case DomainState::Blocked:
        return 2;
    case DomainState::Paused:
        return 3;
    case DomainState::Shutdown:
        return 4;
    case DomainState::Shutoff:
        return 5;
    case DomainState::Crashed:
        return 6;
    case DomainState::PMSuspended:
        return 7;
    case DomainState::Unknown:
        break;
    }
    return 15;
}

DomainState domainStateFromCode(int code) {
    static constexpr DomainState States[] = {DomainState::NoState,  DomainState::Running,
                                             DomainState::Blocked,  DomainState::Paused,
                                             DomainState::Shutdown, DomainState::Shutoff,
                                             DomainState::Crashed,  DomainState::PMSuspended};
    if (code >= 0 && code < int(std::size(States)))
        return States[code];
    return DomainState::Unknown;
}

int statsStateCode(StatsState state) {
    switch (state) {
    case StatsState::Reporting:
        return ReportingCode;
    case StatsState::Off:
        return 1;
    case StatsState::Waiting:
        return 2;
    case StatsState::NoDriver:
        return 3;
    case StatsState::Stale:
        return 4;
    case StatsState::NoBalloon:
        return 5;
    case StatsState::Inactive:
        return 6;
    case StatsState::Unknown:
        break;
    }
    return 7;
}

StatsState statsStateFromCode(int code) {
    static constexpr StatsState States[] = {
        StatsState::Reporting, StatsState::Off,       StatsState::Waiting,  StatsState::NoDriver,
        StatsState::Stale,     StatsState::NoBalloon, StatsState::Inactive, StatsState::Unknown};
    if (code >= 0 && code < int(std::size(States)))
        return States[code];
    return StatsState::Unknown;
}

StoredSample encodeSample(const MemorySample &sample) {
    const BalloonStats &s = sample.stats;
    StoredSample out;
    out.t = sample.timeMs / 1000;
    out.flags = encodeFlags(sample.state, sample.statsState);
    if (!isActive(sample.state))
        return out; // libvirt may still name its configured size: the guest uses nothing
    out.actual = toStored(s.actual);
    if (s.maximum)
        out.inflated = *toStored(s.maximum) - out.actual.value_or(0);
    out.rss = toStored(s.rss);
    out.vmSwap = toStored(s.vmSwap);
    out.psiSome = toStored(s.psiSome);
    out.psiFull = toStored(s.psiFull);
    if (!sample.freshReport || !s.hasGuestFields())
        return out; // a repeated report: the guest fields were stored with the fresh one
    out.available = toStored(s.available);
    out.unused = toStored(s.unused);
    out.usable = toStored(s.usable);
    out.diskCaches = toStored(s.diskCaches);
    out.swapIn = toStored(s.swapIn);
    out.swapOut = toStored(s.swapOut);
    out.majorFault = toStored(s.majorFault);
    out.minorFault = toStored(s.minorFault);
    out.hugetlbPgAlloc = toStored(s.hugetlbPgAlloc);
    out.hugetlbPgFail = toStored(s.hugetlbPgFail);
    if (s.lastUpdate && *s.lastUpdate > 0)
        out.reportAge = out.t - *s.lastUpdate;
    return out;
}

MemorySample decodeSample(const StoredSample &stored) {
    MemorySample out;
    out.timeMs = stored.t * 1000;
    out.state = domainStateFromCode(stored.flags & 0xf);
    out.statsState = statsStateFromCode(stored.flags >> 4);
    BalloonStats &s = out.stats;
    s.actual = fromStored(stored.actual);
    if (stored.inflated)
        s.maximum = fromStored(stored.actual.value_or(0) + *stored.inflated);
    s.rss = fromStored(stored.rss);
    s.vmSwap = fromStored(stored.vmSwap);
    s.psiSome = fromStored(stored.psiSome);
    s.psiFull = fromStored(stored.psiFull);
    s.available = fromStored(stored.available);
    s.unused = fromStored(stored.unused);
    s.usable = fromStored(stored.usable);
    s.diskCaches = fromStored(stored.diskCaches);
    s.swapIn = fromStored(stored.swapIn);
    s.swapOut = fromStored(stored.swapOut);
    s.majorFault = fromStored(stored.majorFault);
    s.minorFault = fromStored(stored.minorFault);
    s.hugetlbPgAlloc = fromStored(stored.hugetlbPgAlloc);
    s.hugetlbPgFail = fromStored(stored.hugetlbPgFail);
    if (stored.reportAge)
        s.lastUpdate = stored.t - *stored.reportAge;
    out.freshReport = s.hasGuestFields();
    return out;
}

bool worthStoring(const MemorySample &sample, std::optional<int> previousFlags) {
    if (isActive(sample.state))
        return true;
    return !previousFlags || *previousFlags != encodeFlags(sample.state, sample.statsState);
}

} // namespace bs::history
