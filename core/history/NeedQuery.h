#pragma once

#include "SeriesTypes.h"
#include "model/DomainState.h"
#include "model/StatsState.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

// What the sizing advisor reads from the history (NeedReader): every guest's need over a window,
// from the finest tier that still holds each part of it. Raw polls where they exist; where they
// aged out, the 1-minute and then the 1-hour roll-ups' maxima, so a short peak is never averaged
// away.
struct NeedRequest {
    QString hostId;
    QStringList uuids; // empty: every guest the history knows on the host
    qint64 fromMs = 0;
    qint64 toMs = 0;
    // The percentiles of the need to answer (the policy's, and those the views show). Computed
    // where the rows are read, so that millions of polls never leave the history thread.
    QList<double> percentiles{50, 95, 99};
};

// One guest's need (KiB) at one raw poll or over one roll-up row: the highest need in it, and how
// many fresh reports it stands for (the percentile's weight). For summarizeNeeds().
struct NeedPoint {
    qint64 timeMs = 0;
    qint64 needKiB = 0;
    int reports = 1;
    Tier tier = Tier::Raw;
    // No `usable` (MemAvailable) in the report: need = available − unused, page cache included.
    bool cacheCounted = false;
    bool operator==(const NeedPoint &) const = default;
};

// A guest's need over the window, summarised: how much lies behind it and its percentiles.
struct NeedSummary {
    qint64 points = 0;  // raw polls and roll-up rows that carried a need
    qint64 reports = 0; // the fresh reports behind them: the percentiles' weight
    std::optional<qint64> highestKiB;
    QList<QPair<double, qint64>> percentiles; // (percent, KiB) as requested, when any need
    bool cacheCounted = false;                // some need counts page cache (no `usable`)
    QList<Tier> tiers;                        // where the need came from, finest first

    std::optional<qint64> at(double percent) const {
        for (const auto &[p, v] : percentiles) {
            if (qFuzzyCompare(p, percent))
                return v;
        }
        return std::nullopt;
    }
    bool isEmpty() const { return reports == 0; }
};

// Growth of the guest's swap-in and major-fault counters between two readings (the counters
// are cumulative; a drop is a reboot, not counted).
struct PressurePoint {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 swapInKiB = 0;
    qint64 majorFaults = 0;
    bool operator==(const PressurePoint &) const = default;
};

// The guest's balloon over one hour of the window in which it ran: for the host what-if.
struct GuestHour {
    qint64 hourMs = 0; // start of the hour
    qint64 actualMaxKiB = 0;
    bool operator==(const GuestHour &) const = default;
};

struct GuestNeedHistory {
    QString uuid;
    QString name;
    NeedSummary need;
    QList<PressurePoint> pressure; // only readings where a counter grew
    QList<GuestHour> hours;        // oldest first, hours in which the guest ran
    int reportingPolls = 0;        // polls in the window at which the guest was reporting
    // The newest recorded poll in the window: the guest's state then.
    qint64 lastPollMs = 0;
    DomainState lastState = DomainState::Unknown;
    StatsState lastStatsState = StatsState::Unknown;
    qint64 lastReportMs = 0;          // the newest fresh report (0: none in the window)
    std::optional<qint64> actualKiB;  // balloon size at the newest poll that knew it
    std::optional<qint64> maximumKiB; // maximum memory at the newest poll that knew it
    // The guest kernel's memory outside MemTotal at the newest fresh raw report
    // (kernelOverheadKiB); 0 where no raw report is left in the window.
    qint64 overheadKiB = 0;
};

// The host's own figures per hour of the window (host_samples and roll-ups).
struct HostHour {
    qint64 hourMs = 0;
    std::optional<qint64> totalKiB;    // highest MemTotal in the hour
    std::optional<qint64> ksmSavedKiB; // lowest KSM saving in the hour
    bool operator==(const HostHour &) const = default;
};

struct NeedResult {
    QString hostId;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int intervalSeconds = 0; // the polling interval recorded in the window (the longest)
    QList<Tier> tiers;       // which tiers the window's data came from, finest first
    QList<GuestNeedHistory> guests;
    QList<HostHour> hostHours;          // oldest first
    std::optional<qint64> hostTotalKiB; // the newest host memory size recorded
};

} // namespace bs

Q_DECLARE_METATYPE(bs::NeedResult)
