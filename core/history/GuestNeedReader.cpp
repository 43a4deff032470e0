#include "GuestNeedReader.h"

#include "NeedAccumulator.h"
#include "SampleCodec.h"
#include "model/BalloonStats.h"

#include <sqlite3.h>

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
// Only columns of the tier's need index (Schema.cpp, version 4), so the read never visits the
// wide rows.
constexpr const char *RollupNeedExpr = "coalesce(used_excluding_cache_max, -1 - used_max)";

// The raw need goes straight from SQLite's row loop into the pass's accumulator: an aggregate
// that takes the accumulator (a bound pointer of this type) and the poll's encoded need. A row
// handed back to C++ per poll costs about twice as much as this on a month of polls.
constexpr const char *NeedSinkFunction = "bs_need_sink";
constexpr const char *NeedSinkType = "bs::NeedAccumulator";

void needSinkStep(sqlite3_context *, int, sqlite3_value **argv) {
    auto *needs = static_cast<NeedAccumulator *>(sqlite3_value_pointer(argv[0], NeedSinkType));
    if (!needs || sqlite3_value_type(argv[1]) == SQLITE_NULL)
        return;
    const qint64 encoded = sqlite3_value_int64(argv[1]);
    const bool cacheCounted = encoded < 0;
    needs->addRaw(cacheCounted ? -1 - encoded : encoded, cacheCounted);
}

void needSinkFinal(sqlite3_context *context) {
    sqlite3_result_null(context);
}

// How much a cumulative counter grew over a reading that starts at `low` and ends at `high`,
// the last reading before it having ended at `before`. A drop is a reboot: the counter started
// again, so what it shows is new growth and the drop is not counted.
qint64 growth(std::optional<qint64> before, std::optional<qint64> low, std::optional<qint64> high) {
    if (!high)
        return 0;
    qint64 g = low ? *high - *low : 0;
    if (before && low && *low >= *before)
        g += *low - *before;
    return qMax<qint64>(0, g);
}

} // namespace

// One roll-up row's counters: lowest and highest swap-in and major faults in it.
struct CounterRow {
    qint64 t = 0; // seconds, start of the row
    std::optional<qint64> swapLow, swapHigh, faultLow, faultHigh;
};

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
    , m_plans(plans)
    , m_rawBlocks(db, sampleBlocks())
    , m_minuteBlocks(db, minuteBlocks())
    , m_hourBlocks(db, hourBlocks()) {
    // Once per connection (registering it again fails while the connection has statements
    // open). SQLITE_DIRECTONLY: callable from this reader's own statements, never from a view or
    // trigger in the file.
    if (m_db.prepare((QByteArray("SELECT ") + NeedSinkFunction + "(NULL, NULL)").constData()))
        return;
    if (sqlite3_create_function_v2(db.handle(), NeedSinkFunction, 2,
                                   SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr, nullptr, needSinkStep,
                                   needSinkFinal, nullptr) != SQLITE_OK)
        m_setup = sqlite::lastError(db.handle());
}

Status GuestNeedReader::forEachRawRow(const char *select, const char *tail, qint64 guestDbId,
                                      qint64 from, qint64 to,
                                      const std::function<void(const sqlite::Statement &)> &onRow,
                                      void *sink, bool inboxOnly) {
    // `samples` first (keyed (guest_id, t): ORDER BY t costs no sort there), then the inbox,
    // which holds the newest polls not moved yet (Schema.cpp).
    for (const char *table : {"samples", "samples_inbox"}) {
        if (inboxOnly && qstrcmp(table, "samples_inbox") != 0)
            continue;
        const QByteArray sql = QByteArray(select) + " FROM " + table +
                               " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3" + tail;
        auto q = m_db.prepare(sql.constData());
        if (!q)
            return q.error();
        q->bind(1, guestDbId).bind(2, from).bind(3, to);
        if (sink)
            q->bindPointer(4, sink, NeedSinkType);
        if (const Status s = q->forEachRow([&] { onRow(*q); }); !s)
            return s;
    }
    return Status::success();
}

Status GuestNeedReader::read(qint64 guestDbId, GuestNeedHistory &guest, bool &any) {
    if (m_setup)
        return *m_setup;
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
    }
    // The balloon and the counters by hour; the counters of an hour in which they grew again by
    // minute (then poll), so that pressure is placed to the minute without reading the minutes
    // of the hours in which nothing grew.
    for (const Segment &segment : m_plans.hours.segments) {
        QList<CounterRow> counterRows;
        if (const Status s = readHours(guestDbId, segment, pass, counterRows); !s)
            return s;
        const Status s = segment.tier == Tier::Raw || segment.tier == Tier::Minute
                             ? readCounters(guestDbId, segment, pass)
                             : readCountersByHour(guestDbId, counterRows, segment.tier, pass);
        if (!s)
            return s;
    }
    if (const Status s = readNewest(guestDbId, guest); !s)
        return s;
    guest.need = pass.needs.summary(m_plans.percentiles);
    any = pass.any;
    return Status::success();
}

Status GuestNeedReader::readRawNeeds(qint64 guestDbId, const Segment &segment, Pass &pass) {
    // This runs for every poll of every guest in the window. The moved polls straight from
    // their blocks, three columns decoded (the same need as RawNeedExpr); the inbox's few
    // through the aggregate inside SQLite's loop (needSinkStep). The order does not matter to a
    // percentile.
    const int available = m_rawBlocks.column("available");
    const int usable = m_rawBlocks.column("usable");
    const int unused = m_rawBlocks.column("unused");
    const Status moved =
        m_rawBlocks.forEach(guestDbId, segment.from, segment.to, {available, usable, unused},
                            [&](const DecodedBlock &b, int i) {
                                const auto total = b.value(available, i);
                                if (!total)
                                    return;
                                if (const auto u = b.value(usable, i)) {
                                    if (*u <= *total)
                                        pass.needs.addRaw(*total - *u, false);
                                } else if (const auto f = b.value(unused, i); f && *f <= *total) {
                                    pass.needs.addRaw(*total - *f, true);
                                }
                            });
    if (!moved)
        return moved;
    const QByteArray select =
        QByteArray("SELECT ") + NeedSinkFunction + "(?4, " + RawNeedExpr + ")";
    return forEachRawRow(
        select.constData(), " AND available IS NOT NULL", guestDbId, segment.from, segment.to,
        [](const sqlite::Statement &) {}, &pass.needs, true);
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

QByteArray GuestNeedReader::rollupNeedSql(Tier tier) {
    return QByteArray("SELECT t, n_report, ") + RollupNeedExpr + " FROM rollup_" +
           tierKey(tier).toLatin1() +
           " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3 AND n_report > 0";
}

Status GuestNeedReader::readRollupNeeds(qint64 guestDbId, const Segment &segment, Pass &pass) {
    // From the blocks, three columns decoded: the same rows and need as rollupNeedSql.
    BlockScan &blocks = segment.tier == Tier::Hour ? m_hourBlocks : m_minuteBlocks;
    const int reports = blocks.column("n_report");
    const int excluding = blocks.column("used_excluding_cache_max");
    const int including = blocks.column("used_max");
    GuestNeedHistory &g = pass.out;
    return blocks.forEach(guestDbId, segment.from, segment.to, {reports, excluding, including},
                          [&](const DecodedBlock &b, int i) {
                              const qint64 n = b.value(reports, i).value_or(0);
                              if (n <= 0)
                                  return;
                              g.lastReportMs = qMax(g.lastReportMs, b.t[size_t(i)] * 1000);
                              if (const auto need = b.value(excluding, i))
                                  pass.need(*need, n, segment.tier);
                              else if (const auto used = b.value(including, i))
                                  pass.need(-1 - *used, n, segment.tier);
                          });
}

Status GuestNeedReader::readHours(qint64 guestDbId, const Segment &segment, Pass &pass,
                                  QList<CounterRow> &counterRows) {
    GuestNeedHistory &g = pass.out;
    if (segment.tier == Tier::Raw) {
        const int flags = m_rawBlocks.column("flags");
        const int actualColumn = m_rawBlocks.column("actual");
        const Status moved =
            m_rawBlocks.forEach(guestDbId, segment.from, segment.to, {flags, actualColumn},
                                [&](const DecodedBlock &b, int i) {
                                    pass.any = true;
                                    const auto actual = b.value(actualColumn, i);
                                    if (!actual)
                                        return; // not running
                                    pass.hour(b.t[size_t(i)], *actual);
                                    if ((b.value(flags, i).value_or(0) >> 4) == ReportingCode)
                                        ++g.reportingPolls;
                                });
        if (!moved)
            return moved;
        return forEachRawRow(
            "SELECT t, flags, actual", "", guestDbId, segment.from, segment.to,
            [&](const sqlite::Statement &q) {
                pass.any = true;
                const auto actual = q.optionalInt64(2);
                if (!actual)
                    return; // not running
                pass.hour(q.int64(0), *actual);
                if ((q.int64(1) >> 4) == ReportingCode)
                    ++g.reportingPolls;
            },
            nullptr, true);
    }
    const QByteArray sql =
        "SELECT t, n_host, n_gap, actual_max, maximum_max, n_report, "
        "swap_in_min, swap_in_max, major_fault_min, major_fault_max FROM rollup_" +
        tierKey(segment.tier).toLatin1() + " WHERE guest_id = ?1 AND t >= ?2 AND t < ?3";
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
        if (q->int64(5) > 0)
            counterRows.append(CounterRow{t, q->optionalInt64(6), q->optionalInt64(7),
                                          q->optionalInt64(8), q->optionalInt64(9)});
    });
}

Status GuestNeedReader::readCountersByHour(qint64 guestDbId, const QList<CounterRow> &rows,
                                           Tier tier, Pass &pass) {
    const qint64 step = tierStepSeconds(tier);
    // Whether a row's counters grew (from the reading before it, as Pass::counters counts):
    // decided on the rows alone, so that a run of such rows is drilled into with one query.
    std::optional<qint64> swap = pass.swapIn, fault = pass.majorFault;
    QList<bool> grew;
    grew.reserve(rows.size());
    for (const CounterRow &r : rows) {
        grew.append(growth(swap, r.swapLow, r.swapHigh) > 0 ||
                    growth(fault, r.faultLow, r.faultHigh) > 0);
        if (r.swapHigh)
            swap = r.swapHigh;
        if (r.faultHigh)
            fault = r.faultHigh;
    }
    for (qsizetype i = 0; i < rows.size();) {
        const CounterRow &r = rows[i];
        if (!grew[i]) {
            pass.counters(r.t * 1000, (r.t + step) * 1000, r.swapLow, r.swapHigh, r.faultLow,
                          r.faultHigh);
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        while (end < rows.size() && grew[end])
            ++end;
        const qint64 from = r.t, to = rows[end - 1].t + step;
        const RangePlan minutes =
            planRange(from, to, int(qMax<qint64>(1, (to - from) / 60)), m_plans.windows);
        for (const Segment &part : minutes.segments) {
            if (const Status s = readCounters(guestDbId, part, pass); !s)
                return s;
        }
        i = end;
    }
    return Status::success();
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
    return forEachRawRow(
        "SELECT t, actual, available", " AND available IS NOT NULL ORDER BY t DESC LIMIT 1",
        guestDbId, m_plans.from, m_plans.to, [&](const sqlite::Statement &q) {
            const qint64 ms = q.int64(0) * 1000;
            if (ms < g.lastReportMs)
                return; // the inbox's newer report came first
            g.lastReportMs = ms;
            g.overheadKiB = kernelOverheadKiB(q.optionalInt64(1), q.optionalInt64(2));
        });
}

} // namespace bs::history
