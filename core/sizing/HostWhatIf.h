#pragma once

#include "GuestAdvice.h"
#include "history/NeedQuery.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

struct WhatIfRequest {
    qint64 newGuestKiB = 0; // "can I start a guest of N GiB?"; 0: only the host's headroom
    bool countKsm = false;  // take KSM's savings off the guests' demand (not by default)
};

// The host's side of the advice, hour by hour over the window (SIZING.md §2, HP Capacity
// Advisor: the peak of the sum, not the sum of the peaks). In each hour a guest that ran holds
// its recommendation where it has one applied, else the most its balloon held in that hour; a
// guest that did not run holds nothing. Against the host's memory less a reserve for the host
// itself: max(1 GiB, 10 %).
struct HostWhatIf {
    bool known = false; // the host's memory size is recorded
    qint64 hostTotalKiB = 0;
    qint64 reserveKiB = 0;
    qint64 capacityKiB = 0; // total − reserve
    int hours = 0;          // hours of the window with any guest running

    // With every recommendation applied (guests without one keep their balloon):
    qint64 peakKiB = 0; // the worst hour's sum
    qint64 peakHourMs = 0;
    // As the guests are today (no recommendation applied):
    qint64 peakTodayKiB = 0;
    qint64 peakTodayHourMs = 0;
    std::optional<qint64> ksmSavedKiB; // KSM's saving in the worst hour (lowest in it)
    bool ksmCounted = false;

    // The new guest:
    qint64 newGuestKiB = 0;
    bool fits = false;      // fits with the recommendations listed in mustApply applied
    bool fitsToday = false; // fits without applying anything
    qint64 marginKiB = 0;   // capacity − worst hour − new guest, after mustApply
    qint64 worstHourMs = 0; // the hour that decides it, after mustApply
    QStringList mustApply;  // UUIDs, biggest reclaim first: the fewest to apply for a yes
};

HostWhatIf hostWhatIf(const NeedResult &history, const QList<GuestAdvice> &advice,
                      const WhatIfRequest &request);

qint64 hostReserveKiB(qint64 hostTotalKiB); // max(1 GiB, 10 %)

} // namespace bs
