#include "HostColumns.h"

namespace bs::history {

namespace {

QByteArray rollupColumns() {
    QByteArray out = "host_id, t, n";
    for (HostMetric m : allHostMetrics()) {
        const QByteArray k = hostMetricKey(m).toLatin1();
        out += ", " + k + "_min, " + k + "_avg, " + k + "_max";
    }
    return out;
}

constexpr const char *HostFilter = "(?3 IS NULL OR host_id = ?3) AND t >= ?1 AND t < ?2";

} // namespace

QByteArray hostSampleInsertSql() {
    QByteArray out = "INSERT OR REPLACE INTO host_samples VALUES (?1, ?2";
    for (int i = 0; i < int(std::size(HostSampleColumns)); ++i)
        out += ", ?" + QByteArray::number(i + 3);
    return out + ")";
}

QByteArray hostRawMetricExpr(HostMetric metric) {
    if (metric == HostMetric::FreeWithCaches)
        return "(CASE WHEN free IS NOT NULL THEN free + coalesce(buffers, 0) + coalesce(cached, 0) "
               "END)";
    return hostMetricKey(metric).toLatin1();
}

QByteArray hostMinuteRollupSql() {
    QByteArray select = "SELECT host_id, (t / 60) * 60, count(*)";
    for (HostMetric m : allHostMetrics()) {
        const QByteArray e = hostRawMetricExpr(m);
        select += ", min(" + e + "), CAST(round(avg(" + e + ")) AS INTEGER), max(" + e + ")";
    }
    return "INSERT OR REPLACE INTO host_rollup_1m(" + rollupColumns() + ") " + select +
           " FROM host_samples WHERE " + HostFilter + " GROUP BY host_id, (t / 60) * 60";
}

QByteArray hostHourRollupSql() {
    QByteArray select = "SELECT host_id, (t / 3600) * 3600, sum(n)";
    for (HostMetric m : allHostMetrics()) {
        const QByteArray k = hostMetricKey(m).toLatin1();
        // The mean of means, weighted by the polls behind each minute.
        select += ", min(" + k + "_min), CAST(round(coalesce(sum(" + k +
                  "_avg * n) * 1.0 / nullif(sum(CASE WHEN " + k +
                  "_avg IS NOT NULL THEN n END), 0), avg(" + k + "_avg))) AS INTEGER), max(" + k +
                  "_max)";
    }
    return "INSERT OR REPLACE INTO host_rollup_1h(" + rollupColumns() + ") " + select +
           " FROM host_rollup_1m WHERE " + HostFilter + " GROUP BY host_id, (t / 3600) * 3600";
}

} // namespace bs::history
