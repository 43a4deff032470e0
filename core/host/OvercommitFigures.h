#pragma once

#include "monitor/MemorySample.h"

#include <QHash>
#include <QList>

#include <optional>

namespace bs {

// The guests' memory against the host's, from one poll. Memory KiB. "Active" guests are those
// whose memory the host holds now (running, paused, suspended: DomainState isActive()). Sums
// cover the guests that gave the figure; the counts say how many did, so a partial sum is never
// mistaken for the whole. With no active guest the sums are a known 0.
struct OvercommitFigures {
    int guestsDefined = 0; // every guest of the host, shut off included
    int guestsActive = 0;
    int guestsWithMaximum = 0; // active guests whose maximum is known
    int guestsWithActual = 0;
    int guestsReporting = 0; // active guests in StatsState::Reporting whose own use is known

    std::optional<quint64> hostTotal;          // the denominator: NodeMemory::total, else nodeinfo
    std::optional<quint64> maximum;            // Σ maximum of the active guests
    std::optional<quint64> actual;             // Σ actual (balloon size) of the active guests
    std::optional<quint64> definedMaximum;     // Σ maximum of every guest whose maximum is known
    std::optional<quint64> used;               // Σ (available − unused) of the reporting guests
    std::optional<quint64> usedExcludingCache; // Σ (available − usable); only if all give usable
    std::optional<quint64> reportingAvailable; // Σ available of the reporting guests

    std::optional<double> maximumRatio;        // maximum / hostTotal: > 1 = oversold
    std::optional<double> actualRatio;         // actual / hostTotal
    std::optional<double> definedMaximumRatio; // definedMaximum / hostTotal
    std::optional<double> usedPercentOfHost;   // used / hostTotal × 100
    // used / reportingAvailable × 100: how much of their own memory the reporting guests use.
    std::optional<double> usedPercentOfGuests;

    bool operator==(const OvercommitFigures &) const = default;
};

OvercommitFigures overcommitFigures(const QList<MemorySample> &guests,
                                    std::optional<quint64> hostTotal);

// Keeps each guest's last fresh report while it still counts as reporting. The monitor clears
// the guest fields of a repeated report (a guest reporting every 10 s, polled every 5 s, repeats
// every other poll); without this the Σ used would drop to "unknown" every other poll. A guest
// that stops reporting, or disappears, is forgotten.
class ReportCarry {
public:
    // The samples with the last fresh report carried into repeated ones. Shares `samples`' data
    // when nothing was carried (every guest reported afresh).
    QList<MemorySample> apply(const QList<MemorySample> &samples);
    void clear() { m_last.clear(); }

private:
    struct Last {
        BalloonStats stats;
        quint64 seen = 0; // the apply() that last saw the guest
    };
    QHash<QString, Last> m_last;
    quint64 m_applied = 0;
};

} // namespace bs
