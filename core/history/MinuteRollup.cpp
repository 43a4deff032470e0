#include "MinuteRollup.h"

#include "BlockTables.h"
#include "StoredColumns.h"
#include "model/Metric.h"

#include <array>

namespace bs::history {

namespace {

// Where each metric's value comes from in a row of `samples`: a stored column, or derived from
// several (StoredColumns.cpp, rawMetricExpr).
struct Inputs {
    int flags, actual, inflated, available, unused, usable;
    std::array<int, MetricCount> column{}; // -1 for the derived metrics
    std::vector<int> guestFields;          // any of them present: a fresh report (freshExpr)
};

const Inputs &inputs() {
    static const Inputs in = [] {
        const BlockTableSpec &spec = sampleBlocks();
        auto at = [&](const char *name) {
            return int(spec.values.indexOf(QByteArray(name)));
        };
        Inputs i{at("flags"),
                 at("actual"),
                 at("inflated"),
                 at("available"),
                 at("unused"),
                 at("usable"),
                 {},
                 {}};
        for (Metric m : allMetrics())
            i.column[size_t(m)] = at(metricKey(m).toLatin1().constData());
        for (Metric m :
             {Metric::Maximum, Metric::BalloonInflated, Metric::Used, Metric::UsedExcludingCache})
            i.column[size_t(m)] = -1;
        for (const char *field : GuestFieldColumns)
            i.guestFields.push_back(at(field));
        return i;
    }();
    return in;
}

std::optional<qint64> metricOf(Metric metric, const DecodedBlock &b, int row) {
    const Inputs &in = inputs();
    switch (metric) {
    case Metric::Maximum: {
        const auto inflated = b.value(in.inflated, row);
        if (!inflated)
            return std::nullopt;
        return b.value(in.actual, row).value_or(0) + *inflated;
    }
    case Metric::BalloonInflated: {
        const auto inflated = b.value(in.inflated, row);
        if (!b.value(in.actual, row) || !inflated || *inflated < 0)
            return std::nullopt;
        return inflated;
    }
    case Metric::Used:
    case Metric::UsedExcludingCache: {
        const auto available = b.value(in.available, row);
        const auto part = b.value(metric == Metric::Used ? in.unused : in.usable, row);
        if (!available || !part || *part > *available)
            return std::nullopt;
        return *available - *part;
    }
    default:
        return b.value(in.column[size_t(metric)], row);
    }
}

// SQLite's round(x) for x that fits (func.c: adds ±0.5 and truncates), then CAST AS INTEGER.
qint64 sqliteRound(double r) {
    constexpr double NoFraction = 4503599627370496.0; // 2^52: no fractional part beyond
    if (r < -NoFraction || r > NoFraction)
        return qint64(r);
    return qint64(r + (r < 0 ? -0.5 : 0.5));
}

// min, avg, max of one metric over a minute, as SQLite's aggregates: NULLs skipped, NULL when
// every value is.
struct Aggregate {
    qint64 min = 0, max = 0, count = 0;
    qint64 sum = 0;     // exact while it does not overflow
    double realSum = 0; // SQLite's own running sum, for the sum that overflows
    bool overflow = false;

    void add(qint64 v) {
        if (count == 0 || v < min)
            min = v;
        if (count == 0 || v > max)
            max = v;
        ++count;
        realSum += double(v);
        overflow = overflow || __builtin_add_overflow(sum, v, &sum);
    }
    void appendTo(std::vector<std::optional<qint64>> &values) const {
        if (count == 0) {
            values.insert(values.end(), 3, std::nullopt);
            return;
        }
        const double total = overflow ? realSum : double(sum);
        values.insert(values.end(), {min, sqliteRound(total / double(count)), max});
    }
};

} // namespace

class MinuteRollup::Minute {
public:
    void add(const DecodedBlock &b, int row) {
        const Inputs &in = inputs();
        if (b.value(in.actual, row))
            ++m_host;
        bool fresh = false;
        for (int c : in.guestFields)
            fresh = fresh || b.present[size_t(c)][size_t(row)];
        m_report += fresh ? 1 : 0;
        // (NOT fresh AND (flags >> 4) <> 0): NULL when not fresh and the flags are unknown.
        if (fresh) {
            m_gapKnown = true;
        } else if (const auto flags = b.value(in.flags, row)) {
            m_gapKnown = true;
            m_gap += (*flags >> 4) != 0 ? 1 : 0;
        }
        for (int m = 0; m < MetricCount; ++m) {
            if (const auto v = metricOf(Metric(m), b, row))
                m_metrics[size_t(m)].add(*v);
        }
    }

    BlockRow row(qint64 t) const {
        BlockRow out{t, {}};
        out.values.reserve(3 + 3 * MetricCount);
        out.values.insert(out.values.end(),
                          {m_host, m_report, m_gapKnown ? std::optional(m_gap) : std::nullopt});
        for (const Aggregate &a : m_metrics)
            a.appendTo(out.values);
        return out;
    }

private:
    qint64 m_host = 0, m_report = 0, m_gap = 0;
    bool m_gapKnown = false;
    std::array<Aggregate, MetricCount> m_metrics{};
};

MinuteRollup::MinuteRollup(sqlite::Database &db)
    : m_scan(db, sampleBlocks()) {}

Status MinuteRollup::rollGuest(qint64 guest, qint64 from, qint64 to, std::vector<BlockRow> &out) {
    std::optional<qint64> current;
    Minute minute;
    const Status s = m_scan.forEachWhole(guest, from, to, [&](const DecodedBlock &b, int row) {
        const qint64 start = b.t[size_t(row)] / 60 * 60;
        if (current != start) {
            if (current)
                out.push_back(minute.row(*current));
            current = start;
            minute = Minute();
        }
        minute.add(b, row);
    });
    if (!s)
        return s;
    if (current)
        out.push_back(minute.row(*current));
    return Status::success();
}

} // namespace bs::history
