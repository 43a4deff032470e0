#include "HostWhatIf.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace bs {

namespace {

constexpr qint64 GiB = 1024 * 1024;

// Per hour, per guest: what it held (KiB), in the order of `guests`.
struct HourTable {
    std::map<qint64, QList<std::optional<qint64>>> held; // hourMs → per guest (nullopt: not run)
    QHash<qint64, qint64> ksm;                           // hourMs → lowest KSM saving
};

struct Peak {
    qint64 kib = 0;
    qint64 hourMs = 0;
};

Peak peakOf(const HourTable &table, const QList<std::optional<qint64>> &applied, bool countKsm) {
    Peak peak;
    bool first = true;
    for (const auto &[hour, held] : table.held) {
        qint64 sum = 0;
        for (qsizetype i = 0; i < held.size(); ++i) {
            if (held.at(i))
                sum += applied.at(i).value_or(*held.at(i));
        }
        if (countKsm)
            sum = qMax<qint64>(0, sum - table.ksm.value(hour, 0));
        if (first || sum > peak.kib) {
            peak = Peak{sum, hour};
            first = false;
        }
    }
    return peak;
}

} // namespace

qint64 hostReserveKiB(qint64 hostTotalKiB) {
    return qMax<qint64>(GiB, hostTotalKiB / 10);
}

HostWhatIf hostWhatIf(const NeedResult &history, const QList<GuestAdvice> &advice,
                      const WhatIfRequest &request) {
    HostWhatIf out;
    out.newGuestKiB = request.newGuestKiB;
    out.ksmCounted = request.countKsm;
    if (history.hostTotalKiB && *history.hostTotalKiB > 0) {
        out.known = true;
        out.hostTotalKiB = *history.hostTotalKiB;
        out.reserveKiB = hostReserveKiB(out.hostTotalKiB);
        out.capacityKiB = out.hostTotalKiB - out.reserveKiB;
    }

    QHash<QString, const GuestAdvice *> byUuid;
    for (const GuestAdvice &a : advice)
        byUuid.insert(a.uuid, &a);
    HourTable table;
    const qsizetype n = history.guests.size();
    for (qsizetype i = 0; i < n; ++i) {
        for (const GuestHour &h : history.guests.at(i).hours) {
            auto &row = table.held[h.hourMs];
            if (row.isEmpty())
                row.resize(n);
            row[i] = h.actualMaxKiB;
        }
    }
    for (const HostHour &h : history.hostHours) {
        if (h.ksmSavedKiB)
            table.ksm.insert(h.hourMs, *h.ksmSavedKiB);
    }
    out.hours = int(table.held.size());

    QList<std::optional<qint64>> none(n);
    QList<std::optional<qint64>> all(n);
    // Candidates for "apply these for a yes": guests whose recommendation frees memory, the
    // biggest reclaim first.
    QList<qsizetype> reclaimers;
    for (qsizetype i = 0; i < n; ++i) {
        const GuestAdvice *a = byUuid.value(history.guests.at(i).uuid);
        if (!a || !a->recommendedKiB)
            continue;
        all[i] = a->recommendedKiB;
        if (a->reclaimableKiB > 0)
            reclaimers.append(i);
    }
    std::stable_sort(reclaimers.begin(), reclaimers.end(), [&](qsizetype x, qsizetype y) {
        return byUuid.value(history.guests.at(x).uuid)->reclaimableKiB >
               byUuid.value(history.guests.at(y).uuid)->reclaimableKiB;
    });

    const Peak today = peakOf(table, none, request.countKsm);
    const Peak applied = peakOf(table, all, request.countKsm);
    out.peakTodayKiB = today.kib;
    out.peakTodayHourMs = today.hourMs;
    out.peakKiB = applied.kib;
    out.peakHourMs = applied.hourMs;
    if (table.ksm.contains(applied.hourMs))
        out.ksmSavedKiB = table.ksm.value(applied.hourMs);
    if (!out.known)
        return out;

    // The fewest reclaiming recommendations, biggest first, that make room for the new guest.
    QList<std::optional<qint64>> chosen = none;
    Peak peak = today;
    out.fitsToday = peak.kib + request.newGuestKiB <= out.capacityKiB;
    for (qsizetype k = 0; peak.kib + request.newGuestKiB > out.capacityKiB && k < reclaimers.size();
         ++k) {
        const qsizetype i = reclaimers.at(k);
        chosen[i] = all.at(i);
        out.mustApply.append(history.guests.at(i).uuid);
        peak = peakOf(table, chosen, request.countKsm);
    }
    out.fits = peak.kib + request.newGuestKiB <= out.capacityKiB;
    out.marginKiB = out.capacityKiB - peak.kib - request.newGuestKiB;
    out.worstHourMs = peak.hourMs;
    return out;
}

} // namespace bs
