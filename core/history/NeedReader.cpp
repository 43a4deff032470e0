#include "NeedReader.h"

#include "Decimator.h"
#include "RollupCompactor.h"
#include "SampleCodec.h"

#include <limits>

namespace bs::history {

namespace {

constexpr int FallbackIntervalSeconds = 60; // as SampleReader: no recording session in range
constexpr qint64 HourSeconds = 3600;

qint64 floorSeconds(qint64 ms) {
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

qint64 hourOf(qint64 seconds) {
    return (seconds >= 0 ? seconds / HourSeconds : -((-seconds + HourSeconds - 1) / HourSeconds)) *
           HourSeconds;
}

// need = available − usable; without usable, available − unused (page cache counted as used).
// Figures that contradict each other (usable above available) give no need.
std::optional<NeedPoint> needOf(std::optional<qint64> available, std::optional<qint64> unused,
                                std::optional<qint64> usable) {
    if (!available)
        return std::nullopt;
    if (usable && *usable <= *available)
        return NeedPoint{0, *available - *usable, 1, Tier::Raw, false};
    if (!usable && unused && *unused <= *available)
        return NeedPoint{0, *available - *unused, 1, Tier::Raw, true};
    return std::nullopt;
}

} // namespace

// What one guest's rows leave behind while they are read in time order.
struct NeedReader::GuestRows {
    GuestNeedHistory &out;
    std::optional<qint64> swapIn;     // the counters at the last reading
    std::optional<qint64> majorFault; //
    qint64 countersMs = 0;            // when they were read
    bool any = false;                 // a row in the window

    void hour(qint64 seconds, qint64 actualKiB) {
        const qint64 h = hourOf(seconds) * 1000;
        if (!out.hours.isEmpty() && out.hours.last().hourMs == h)
            out.hours.last().actualMaxKiB = qMax(out.hours.last().actualMaxKiB, actualKiB);
        else
            out.hours.append(GuestHour{h, actualKiB});
    }

    // Counter readings: `low` at the row's start, `high` at its end (equal for a raw poll).
    void counters(qint64 fromMs, qint64 toMs, std::optional<qint64> swapLow,
                  std::optional<qint64> swapHigh, std::optional<qint64> faultLow,
                  std::optional<qint64> faultHigh) {
        if (!swapHigh && !faultHigh)
            return;
        auto growth = [](std::optional<qint64> before, std::optional<qint64> low,
                         std::optional<qint64> high) -> qint64 {
            if (!high)
                return 0;
            qint64 g = low ? *high - *low : 0;
            if (before && low && *low >= *before)
                g += *low - *before; // a drop is a reboot: the counter started again
            return qMax<qint64>(0, g);
        };
        const PressurePoint p{countersMs > 0 ? countersMs : fromMs, toMs,
                              growth(swapIn, swapLow, swapHigh),
                              growth(majorFault, faultLow, faultHigh)};
        if (p.swapInKiB > 0 || p.majorFaults > 0)
            out.pressure.append(p);
        if (swapHigh)
            swapIn = swapHigh;
        if (faultHigh)
            majorFault = faultHigh;
        countersMs = toMs;
    }
};

NeedReader::NeedReader(sqlite::Database &db)
    : m_db(db) {}

Result<NeedResult> NeedReader::needs(const NeedRequest &request) {
    NeedResult result;
    result.hostId = request.hostId;
    result.fromMs = request.fromMs;
    result.toMs = request.toMs;
    const qint64 from = floorSeconds(request.fromMs);
    const qint64 to = qMax(from, floorSeconds(request.toMs) + 1); // the newest poll included

    auto host = m_db.prepare("SELECT id FROM hosts WHERE uri = ?1");
    if (!host)
        return host.error();
    host->bind(1, request.hostId);
    const auto hostStep = host->step();
    if (hostStep == sqlite::Statement::Step::Failed)
        return host->error();
    if (hostStep == sqlite::Statement::Step::Done)
        return result; // the history knows nothing of this host
    const qint64 hostDbId = host->int64(0);

    auto interval = m_db.prepare("SELECT max(interval_s) FROM sessions WHERE host_id = ?1 AND "
                                 "last_seen >= ?2 AND started <= ?3");
    if (!interval)
        return interval.error();
    interval->bind(1, hostDbId).bind(2, from).bind(3, to);
    if (interval->step() != sqlite::Statement::Step::Row)
        return interval->error();
    result.intervalSeconds = int(interval->optionalInt64(0).value_or(FallbackIntervalSeconds));

    auto windows = readTierWindows(m_db);
    if (!windows)
        return windows.error();
    // One-second buckets: the finest tier wherever it has data, coarser ones only for what aged
    // out of it.
    const RangePlan plan = planRange(from, to, std::numeric_limits<int>::max(), *windows);

    struct Known {
        qint64 dbId;
        QString uuid;
        QString name;
    };
    QList<Known> known;
    auto guests =
        m_db.prepare("SELECT id, uuid, name FROM guests WHERE host_id = ?1 ORDER BY name, uuid");
    if (!guests)
        return guests.error();
    guests->bind(1, hostDbId);
    if (const Status s = guests->forEachRow([&] {
            known.append(Known{guests->int64(0), guests->text(1), guests->text(2)});
        });
        !s)
        return s.error();

    QList<Known> wanted;
    if (request.uuids.isEmpty()) {
        wanted = known;
    } else {
        for (const QString &uuid : request.uuids) {
            const auto it = std::find_if(known.cbegin(), known.cend(),
                                         [&](const Known &k) { return k.uuid == uuid; });
            wanted.append(it != known.cend() ? *it : Known{-1, uuid, QString()});
        }
    }

    bool tierUsed[TierCount] = {};
    for (const Known &k : wanted) {
        GuestNeedHistory guest;
        guest.uuid = k.uuid;
        guest.name = k.name;
        GuestRows rows{guest, std::nullopt, std::nullopt, 0, false};
        if (k.dbId >= 0) {
            for (const Segment &segment : plan.segments) {
                const qsizetype before = guest.needs.size();
                const bool hadRows = rows.any;
                rows.any = false;
                const Status s =
                    segment.tier == Tier::Raw
                        ? readRaw(k.dbId, segment.from, segment.to, rows)
                        : readRollup(k.dbId, segment.tier, segment.from, segment.to, rows);
                if (!s)
                    return s.error();
                if (guest.needs.size() > before || rows.any)
                    tierUsed[int(segment.tier)] = true;
                rows.any = rows.any || hadRows;
            }
        }
        // A guest listed by the request stays even without rows; one found by listing the host's
        // guests only where it has rows in the window.
        if (rows.any || !request.uuids.isEmpty())
            result.guests.append(guest);
    }
    for (int t = 0; t < TierCount; ++t) {
        if (tierUsed[t])
            result.tiers.append(Tier(t));
    }
    if (const Status s = readHost(hostDbId, plan.segments, result); !s)
        return s.error();
    return result;
}

Status NeedReader::readRaw(qint64 guestDbId, qint64 from, qint64 to, GuestRows &rows) {
    // `samples` is keyed (guest_id, t): read in key order without a sort; the inbox holds the
    // newest polls not yet moved (Schema.cpp), read after it.
    static constexpr const char *Columns =
        "SELECT t, flags, actual, inflated, available, unused, usable, swap_in, major_fault FROM ";
    static constexpr const char *Where = " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3";
    for (const char *table : {"samples", "samples_inbox"}) {
        // ORDER BY t costs no sort on `samples` (its key order).
        const QByteArray sql = QByteArray(Columns) + table + Where + " ORDER BY t";
        auto q = m_db.prepare(sql.constData());
        if (!q)
            return q.error();
        q->bind(1, guestDbId).bind(2, from).bind(3, to);
        GuestNeedHistory &g = rows.out;
        const Status s = q->forEachRow([&] {
            const qint64 t = q->int64(0);
            const int flags = int(q->int64(1));
            const auto actual = q->optionalInt64(2);
            const auto inflated = q->optionalInt64(3);
            const auto available = q->optionalInt64(4);
            const auto unused = q->optionalInt64(5);
            const auto usable = q->optionalInt64(6);
            const auto swapIn = q->optionalInt64(7);
            const auto majorFault = q->optionalInt64(8);
            const qint64 ms = t * 1000;
            rows.any = true;
            if (ms >= g.lastPollMs) {
                g.lastPollMs = ms;
                g.lastState = domainStateFromCode(flags & 0xf);
                g.lastStatsState = statsStateFromCode(flags >> 4);
            }
            if (actual) {
                g.actualKiB = actual;
                if (inflated)
                    g.maximumKiB = *actual + *inflated;
                rows.hour(t, *actual);
                if ((flags >> 4) == ReportingCode)
                    ++g.reportingPolls;
            }
            const bool fresh = available || unused || usable || swapIn || majorFault;
            if (!fresh)
                return;
            g.lastReportMs = qMax(g.lastReportMs, ms);
            if (auto need = needOf(available, unused, usable)) {
                need->timeMs = ms;
                g.needs.append(*need);
            }
            rows.counters(ms, ms, swapIn, swapIn, majorFault, majorFault);
        });
        if (!s)
            return s;
    }
    return Status::success();
}

Status NeedReader::readRollup(qint64 guestDbId, Tier tier, qint64 from, qint64 to,
                              GuestRows &rows) {
    const QByteArray sql =
        "SELECT t, n_host, n_report, n_gap, actual_max, maximum_max, "
        "used_excluding_cache_max, used_max, swap_in_min, swap_in_max, major_fault_min, "
        "major_fault_max FROM rollup_" +
        tierKey(tier).toLatin1() + " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3";
    auto q = m_db.prepare(sql.constData());
    if (!q)
        return q.error();
    q->bind(1, guestDbId).bind(2, from).bind(3, to);
    const qint64 step = tierStepSeconds(tier);
    GuestNeedHistory &g = rows.out;
    return q->forEachRow([&] {
        const qint64 t = q->int64(0);
        const qint64 nHost = q->int64(1);
        const qint64 nReport = q->int64(2);
        const qint64 nGap = q->int64(3);
        const auto actual = q->optionalInt64(4);
        const auto maximum = q->optionalInt64(5);
        const auto needExcludingCache = q->optionalInt64(6);
        const auto needWithCache = q->optionalInt64(7);
        const qint64 ms = t * 1000;
        rows.any = true;
        if (ms >= g.lastPollMs) {
            g.lastPollMs = ms;
            g.lastState = nHost > 0 ? DomainState::Running : DomainState::Unknown;
            g.lastStatsState = nHost - nGap > 0 ? StatsState::Reporting : StatsState::Unknown;
        }
        if (actual) {
            g.actualKiB = actual;
            rows.hour(t, *actual);
        }
        if (maximum)
            g.maximumKiB = maximum;
        g.reportingPolls += int(qMax<qint64>(0, nHost - nGap));
        if (nReport <= 0)
            return;
        g.lastReportMs = qMax(g.lastReportMs, ms);
        if (needExcludingCache || needWithCache) {
            g.needs.append(NeedPoint{ms, needExcludingCache.value_or(needWithCache.value_or(0)),
                                     int(qMin<qint64>(nReport, std::numeric_limits<int>::max())),
                                     tier, !needExcludingCache});
        }
        rows.counters(ms, (t + step) * 1000, q->optionalInt64(8), q->optionalInt64(9),
                      q->optionalInt64(10), q->optionalInt64(11));
    });
}

Status NeedReader::readHost(qint64 hostDbId, const QList<Segment> &segments, NeedResult &out) {
    auto add = [&out](qint64 t, std::optional<qint64> total, std::optional<qint64> ksm) {
        const qint64 h = hourOf(t) * 1000;
        if (out.hostHours.isEmpty() || out.hostHours.last().hourMs != h)
            out.hostHours.append(HostHour{h, std::nullopt, std::nullopt});
        HostHour &hour = out.hostHours.last();
        if (total) {
            hour.totalKiB = qMax(hour.totalKiB.value_or(0), *total);
            out.hostTotalKiB = total;
        }
        if (ksm)
            hour.ksmSavedKiB = qMin(hour.ksmSavedKiB.value_or(*ksm), *ksm);
    };
    for (const Segment &segment : segments) {
        const QByteArray sql = segment.tier == Tier::Raw
                                   ? QByteArray("SELECT t, total, ksm_saved FROM host_samples")
                                   : "SELECT t, total_max, ksm_saved_min FROM host_rollup_" +
                                         tierKey(segment.tier).toLatin1();
        auto q = m_db.prepare((sql + " WHERE host_id = ?1 AND t >= ?2 AND t < ?3").constData());
        if (!q)
            return q.error();
        q->bind(1, hostDbId).bind(2, segment.from).bind(3, segment.to);
        if (const Status s =
                q->forEachRow([&] { add(q->int64(0), q->optionalInt64(1), q->optionalInt64(2)); });
            !s)
            return s;
    }
    if (!out.hostTotalKiB) {
        // Hosts without MemTotal (libvirt's test driver): the size virNodeGetInfo gave.
        auto q = m_db.prepare(
            "SELECT total_kib FROM host_memory WHERE host_id = ?1 ORDER BY t DESC LIMIT 1");
        if (!q)
            return q.error();
        q->bind(1, hostDbId);
        if (const Status s = q->forEachRow([&] { out.hostTotalKiB = q->int64(0); }); !s)
            return s;
    }
    return Status::success();
}

} // namespace bs::history
