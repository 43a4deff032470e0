#include "GuestNeedReader.h"

#include "NeedAccumulator.h"
#include "SampleCodec.h"

namespace bs::history {

namespace {

constexpr qint64 HourSeconds = 3600;

qint64 hourOf(qint64 seconds) {
    return (seconds >= 0 ? seconds / HourSeconds : -((-seconds + HourSeconds - 1) / HourSeconds)) *
           HourSeconds;
}

// The need of a raw row, in SQL so that a poll costs one column: available − usable; without
// usable, available − unused (page cache counted), given as −1 − need to tell it apart. NULL
// where the figures are missing or contradict each other.
constexpr const char *RawNeedExpr =
    "CASE WHEN usable IS NOT NULL THEN (CASE WHEN usable <= available THEN available - usable "
    "END) WHEN unused <= available THEN -1 - (available - unused) END";

// The same for a roll-up row: its highest need excluding cache, else its highest including it.
constexpr const char *RollupNeedExpr = "coalesce(used_excluding_cache_max, -1 - used_max)";

} // namespace

// What one guest's rows leave behind while they are read in time order.
struct GuestNeedReader::Pass {
    GuestNeedHistory &out;
    NeedAccumulator needs;
    std::optional<qint64> swapIn;     // the counters at the last reading
    std::optional<qint64> majorFault; //
    qint64 countersMs = 0;            // when they were read
    bool any = false;                 // a row in the window

    void need(qint64 encoded, qint64 reports, Tier tier) {
        const bool cacheCounted = encoded < 0;
        const qint64 kib = cacheCounted ? -1 - encoded : encoded;
        if (tier == Tier::Raw)
            needs.addRaw(kib, cacheCounted);
        else
            needs.addRollup(kib, reports, tier, cacheCounted);
    }

    void hour(qint64 seconds, qint64 actualKiB) {
        const qint64 h = hourOf(seconds) * 1000;
        if (!out.hours.isEmpty() && out.hours.last().hourMs == h)
            out.hours.last().actualMaxKiB = qMax(out.hours.last().actualMaxKiB, actualKiB);
        else
            out.hours.append(GuestHour{h, actualKiB});
    }

    // Counter readings: `low` at the reading's start, `high` at its end (equal for a raw poll).
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
        const qint64 swap = growth(swapIn, swapLow, swapHigh);
        const qint64 faults = growth(majorFault, faultLow, faultHigh);
        if (swap > 0 || faults > 0)
            out.pressure.append(
                PressurePoint{countersMs > 0 ? countersMs : fromMs, toMs, swap, faults});
        if (swapHigh)
            swapIn = swapHigh;
        if (faultHigh)
            majorFault = faultHigh;
        countersMs = toMs;
    }
};

GuestNeedReader::GuestNeedReader(sqlite::Database &db, const Plans &plans)
    : m_db(db)
    , m_plans(plans) {}

Status GuestNeedReader::forEachRawRow(const char *select, const char *tail, qint64 guestDbId,
                                      qint64 from, qint64 to,
                                      const std::function<void(const sqlite::Statement &)> &onRow) {
    // `samples` first (keyed (guest_id, t): ORDER BY t costs no sort there), then the inbox,
    // which holds the newest polls not moved yet (Schema.cpp).
    for (const char *table : {"samples", "samples_inbox"}) {
        const QByteArray sql = QByteArray(select) + " FROM " + table +
                               " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3" + tail;
        auto q = m_db.prepare(sql.constData());
        if (!q)
            return q.error();
        q->bind(1, guestDbId).bind(2, from).bind(3, to);
        if (const Status s = q->forEachRow([&] { onRow(*q); }); !s)
            return s;
    }
    return Status::success();
}

Status GuestNeedReader::read(qint64 guestDbId, GuestNeedHistory &guest, bool &any) {
    Pass pass{guest, {}, std::nullopt, std::nullopt, 0, false};
    for (const Segment &segment : m_plans.need.segments) {
        if (segment.tier != Tier::Raw) {
            if (const Status s = readRollupNeeds(guestDbId, segment, pass); !s)
                return s;
            continue;
        }
        pass.needs.reserve((segment.to - segment.from) / qMax(1, m_plans.intervalSeconds));
        if (const Status s = readRawNeeds(guestDbId, segment, pass); !s)
            return s;
        // The counters of the same stretch from its minutes (one narrow row a minute instead of
        // a column more on every poll), the polls of the minutes not rolled up yet after them.
        const RangePlan minutes =
            planRange(segment.from, segment.to,
                      int(qMax<qint64>(1, (segment.to - segment.from) / 60)), m_plans.windows);
        for (const Segment &part : minutes.segments) {
            if (const Status s = readCounters(guestDbId, part, pass); !s)
                return s;
        }
    }
    for (const Segment &segment : m_plans.hours.segments) {
        if (const Status s = readHours(guestDbId, segment, pass); !s)
            return s;
    }
    if (const Status s = readNewest(guestDbId, guest); !s)
        return s;
    guest.need = pass.needs.summary(m_plans.percentiles);
    any = pass.any;
    return Status::success();
}

Status GuestNeedReader::readRawNeeds(qint64 guestDbId, const Segment &segment, Pass &pass) {
    // This runs for every poll of every guest in the window: one column, and only the polls
    // with a report. The order does not matter to a percentile.
    return forEachRawRow((QByteArray("SELECT ") + RawNeedExpr).constData(),
                         " AND available IS NOT NULL", guestDbId, segment.from, segment.to,
                         [&](const sqlite::Statement &q) {
                             if (const auto need = q.optionalInt64(0))
                                 pass.need(*need, 1, Tier::Raw);
                         });
}

Status GuestNeedReader::readCounters(qint64 guestDbId, const Segment &segment, Pass &pass) {
    if (segment.tier != Tier::Raw) {
        const QByteArray sql = "SELECT t, swap_in_min, swap_in_max, major_fault_min, "
                               "major_fault_max FROM rollup_" +
                               tierKey(segment.tier).toLatin1() +
                               " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3 AND n_report > 0";
        auto q = m_db.prepare(sql.constData());
        if (!q)
            return q.error();
        q->bind(1, guestDbId).bind(2, segment.from).bind(3, segment.to);
        const qint64 step = tierStepSeconds(segment.tier);
        return q->forEachRow([&] {
            const qint64 t = q->int64(0);
            pass.counters(t * 1000, (t + step) * 1000, q->optionalInt64(1), q->optionalInt64(2),
                          q->optionalInt64(3), q->optionalInt64(4));
        });
    }
    return forEachRawRow("SELECT t, swap_in, major_fault",
                         " AND (swap_in IS NOT NULL OR major_fault IS NOT NULL) ORDER BY t",
                         guestDbId, segment.from, segment.to, [&](const sqlite::Statement &q) {
                             const qint64 ms = q.int64(0) * 1000;
                             const auto swapIn = q.optionalInt64(1);
                             const auto majorFault = q.optionalInt64(2);
                             pass.counters(ms, ms, swapIn, swapIn, majorFault, majorFault);
                         });
}

Status GuestNeedReader::readRollupNeeds(qint64 guestDbId, const Segment &segment, Pass &pass) {
    const QByteArray sql = QByteArray("SELECT t, n_report, ") + RollupNeedExpr +
                           ", swap_in_min, swap_in_max, major_fault_min, major_fault_max FROM "
                           "rollup_" +
                           tierKey(segment.tier).toLatin1() +
                           " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3 AND n_report > 0";
    auto q = m_db.prepare(sql.constData());
    if (!q)
        return q.error();
    q->bind(1, guestDbId).bind(2, segment.from).bind(3, segment.to);
    const qint64 step = tierStepSeconds(segment.tier);
    GuestNeedHistory &g = pass.out;
    return q->forEachRow([&] {
        const qint64 t = q->int64(0);
        g.lastReportMs = qMax(g.lastReportMs, t * 1000);
        if (const auto need = q->optionalInt64(2))
            pass.need(*need, q->int64(1), segment.tier);
        pass.counters(t * 1000, (t + step) * 1000, q->optionalInt64(3), q->optionalInt64(4),
                      q->optionalInt64(5), q->optionalInt64(6));
    });
}

Status GuestNeedReader::readHours(qint64 guestDbId, const Segment &segment, Pass &pass) {
    GuestNeedHistory &g = pass.out;
    if (segment.tier == Tier::Raw) {
        return forEachRawRow("SELECT t, flags, actual", "", guestDbId, segment.from, segment.to,
                             [&](const sqlite::Statement &q) {
                                 pass.any = true;
                                 const auto actual = q.optionalInt64(2);
                                 if (!actual)
                                     return; // not running
                                 pass.hour(q.int64(0), *actual);
                                 if ((q.int64(1) >> 4) == ReportingCode)
                                     ++g.reportingPolls;
                             });
    }
    const QByteArray sql = "SELECT t, n_host, n_gap, actual_max, maximum_max FROM rollup_" +
                           tierKey(segment.tier).toLatin1() +
                           " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3";
    auto q = m_db.prepare(sql.constData());
    if (!q)
        return q.error();
    q->bind(1, guestDbId).bind(2, segment.from).bind(3, segment.to);
    return q->forEachRow([&] {
        pass.any = true;
        const qint64 t = q->int64(0);
        const qint64 nHost = q->int64(1);
        const qint64 nGap = q->int64(2);
        g.reportingPolls += int(qMax<qint64>(0, nHost - nGap));
        if (t * 1000 >= g.lastPollMs) { // until a raw poll says more (readNewest)
            g.lastPollMs = t * 1000;
            g.lastState = nHost > 0 ? DomainState::Running : DomainState::Unknown;
            g.lastStatsState = nHost - nGap > 0 ? StatsState::Reporting : StatsState::Unknown;
        }
        if (const auto actual = q->optionalInt64(3)) {
            g.actualKiB = actual;
            pass.hour(t, *actual);
        }
        if (const auto maximum = q->optionalInt64(4))
            g.maximumKiB = maximum;
    });
}

Status GuestNeedReader::readNewest(qint64 guestDbId, GuestNeedHistory &g) {
    // The guest's state at its newest raw poll in the window (the inbox's if it has one), and its
    // newest fresh report: both read backwards from the end, stopping at the first.
    const Status state =
        forEachRawRow("SELECT t, flags, actual, inflated", " ORDER BY t DESC LIMIT 1", guestDbId,
                      m_plans.from, m_plans.to, [&](const sqlite::Statement &q) {
                          const qint64 ms = q.int64(0) * 1000;
                          if (ms < g.lastPollMs)
                              return;
                          const int flags = int(q.int64(1));
                          g.lastPollMs = ms;
                          g.lastState = domainStateFromCode(flags & 0xf);
                          g.lastStatsState = statsStateFromCode(flags >> 4);
                          if (const auto actual = q.optionalInt64(2)) {
                              g.actualKiB = actual;
                              if (const auto inflated = q.optionalInt64(3))
                                  g.maximumKiB = *actual + *inflated;
                          }
                      });
    if (!state)
        return state;
    return forEachRawRow("SELECT t", " AND available IS NOT NULL ORDER BY t DESC LIMIT 1",
                         guestDbId, m_plans.from, m_plans.to, [&](const sqlite::Statement &q) {
                             g.lastReportMs = qMax(g.lastReportMs, q.int64(0) * 1000);
                         });
}

} // namespace bs::history
