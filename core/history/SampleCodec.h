#pragma once

#include "model/DomainState.h"
#include "model/StatsState.h"
#include "monitor/MemorySample.h"

#include <optional>

namespace bs::history {

// How one guest's poll is stored: one row in `samples`, integers only, NULL for absent, so SQLite
// keeps each value in 0-4 bytes. Three fields are stored relative to others because the
// difference is small or usually zero and that keeps a full sample within 64 bytes on disk:
//   inflated   = maximum − actual (actual taken as 0 when absent): 0 unless the balloon is inflated
//   report_age = t − last_update, seconds: only on a fresh report (a repeated one is not stored)
//   flags      = domain state code | stats state code << 4: 1 (running, reporting) costs no byte
// The codes are on-disk values, fixed here whatever the C++ enums do.
struct StoredSample {
    qint64 t = 0; // seconds since the epoch
    int flags = 0;
    std::optional<qint64> actual;
    std::optional<qint64> inflated;
    std::optional<qint64> rss;
    std::optional<qint64> available;
    std::optional<qint64> unused;
    std::optional<qint64> usable;
    std::optional<qint64> diskCaches;
    std::optional<qint64> swapIn;
    std::optional<qint64> swapOut;
    std::optional<qint64> majorFault;
    std::optional<qint64> minorFault;
    std::optional<qint64> hugetlbPgAlloc;
    std::optional<qint64> hugetlbPgFail;
    std::optional<qint64> reportAge;
    std::optional<qint64> vmSwap;
    std::optional<qint64> psiSome; // hundredths of a percent
    std::optional<qint64> psiFull;

    bool operator==(const StoredSample &) const = default;
};

// A guest that does not run has no figures at all: only its state is stored.
// Repeated reports are not stored twice: the monitor already cleared the guest fields of a poll
// that brought no new report (MemorySample::freshReport), so such a row keeps only the host-side
// figures, and its flags say whether the guest is still reporting (the chart holds the line) or
// not (a gap).
StoredSample encodeSample(const MemorySample &sample);

// Inverse of encodeSample for the fields a MemorySample holds (name, uuid, host not included).
MemorySample decodeSample(const StoredSample &stored);

int domainStateCode(DomainState state);
DomainState domainStateFromCode(int code);
int statsStateCode(StatsState state);
StatsState statsStateFromCode(int code);
inline constexpr int ReportingCode = 0;

inline int encodeFlags(DomainState domain, StatsState stats) {
    return domainStateCode(domain) | statsStateCode(stats) << 4;
}

// Whether a guest's row is worth storing: every poll of a running guest; for a guest that does not
// run, only when its state changed (a row marks the moment it went off; the rest is a gap).
bool worthStoring(const MemorySample &sample, std::optional<int> previousFlags);

} // namespace bs::history
