#include "OvercommitFigures.h"

#include "metrics/DerivedMetrics.h"

#include <QSet>

namespace bs {

namespace {

std::optional<double> ratio(const std::optional<quint64> &part, const std::optional<quint64> &whole,
                            double scale = 1.0) {
    if (!part || !whole || *whole == 0)
        return std::nullopt;
    return double(*part) * scale / double(*whole);
}

void add(std::optional<quint64> &sum, quint64 value) {
    sum = sum.value_or(0) + value;
}

void copyGuestFields(BalloonStats &to, const BalloonStats &from) {
    to.unused = from.unused;
    to.available = from.available;
    to.usable = from.usable;
    to.diskCaches = from.diskCaches;
    to.swapIn = from.swapIn;
    to.swapOut = from.swapOut;
    to.majorFault = from.majorFault;
    to.minorFault = from.minorFault;
    to.hugetlbPgAlloc = from.hugetlbPgAlloc;
    to.hugetlbPgFail = from.hugetlbPgFail;
}

} // namespace

OvercommitFigures overcommitFigures(const QList<MemorySample> &guests,
                                    std::optional<quint64> hostTotal) {
    OvercommitFigures f;
    f.hostTotal = hostTotal;
    f.maximum = 0;
    f.actual = 0;
    bool allUsable = true;
    for (const MemorySample &guest : guests) {
        ++f.guestsDefined;
        if (guest.stats.maximum)
            add(f.definedMaximum, *guest.stats.maximum);
        if (!isActive(guest.state))
            continue;
        ++f.guestsActive;
        if (guest.stats.maximum) {
            ++f.guestsWithMaximum;
            add(f.maximum, *guest.stats.maximum);
        }
        if (guest.stats.actual) {
            ++f.guestsWithActual;
            add(f.actual, *guest.stats.actual);
        }
        // Only a guest that reports now counts: with stats off a Linux driver still shows the
        // figures of its one report at load time, frozen (DOMAIN.md §3).
        if (guest.statsState != StatsState::Reporting)
            continue;
        const DerivedMetrics d = deriveMetrics(guest.stats);
        if (!d.used)
            continue;
        ++f.guestsReporting;
        add(f.used, *d.used);
        add(f.reportingAvailable, *guest.stats.available);
        if (d.usedExcludingCache)
            add(f.usedExcludingCache, *d.usedExcludingCache);
        else
            allUsable = false;
    }
    if (f.guestsActive == 0)
        f.used = 0;
    if (!allUsable)
        f.usedExcludingCache.reset();
    f.maximumRatio = ratio(f.maximum, hostTotal);
    f.actualRatio = ratio(f.actual, hostTotal);
    f.definedMaximumRatio = ratio(f.definedMaximum, hostTotal);
    f.usedPercentOfHost = ratio(f.used, hostTotal, 100.0);
    f.usedPercentOfGuests = ratio(f.used, f.reportingAvailable, 100.0);
    return f;
}

QList<MemorySample> ReportCarry::apply(const QList<MemorySample> &samples) {
    // Shared until a report is carried (out[i] detaches): at every poll of guests that all report
    // afresh, no sample is copied. The guests seen are told by m_applied, not by a set of their
    // UUIDs built every poll (the recorder's monitors did both for 5,000 guests: issue 18).
    QList<MemorySample> out = samples;
    const quint64 now = ++m_applied;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const MemorySample &sample = samples.at(i);
        if (sample.freshReport && sample.stats.hasGuestFields()) {
            m_last.insert(sample.uuid, Last{sample.stats, now});
            continue;
        }
        if (sample.statsState != StatsState::Reporting || !isActive(sample.state)) {
            m_last.remove(sample.uuid);
            continue;
        }
        const auto it = m_last.find(sample.uuid);
        if (it == m_last.end())
            continue;
        it->seen = now;
        if (!sample.stats.hasGuestFields())
            copyGuestFields(out[i].stats, it->stats);
    }
    m_last.removeIf([now](const QHash<QString, Last>::iterator &it) { return it->seen != now; });
    return out;
}

} // namespace bs
