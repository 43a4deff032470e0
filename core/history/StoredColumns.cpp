#include "StoredColumns.h"

namespace bs::history {

QByteArray sampleUpsertAssignments() {
    QByteArray out = "flags = excluded.flags";
    for (const char *column : SampleValueColumns) {
        const QByteArray c(column);
        out += ", " + c + " = coalesce(excluded." + c + ", " + c + ")";
    }
    return out;
}

QByteArray rawMetricExpr(Metric metric) {
    switch (metric) {
    case Metric::Maximum:
        return "(CASE WHEN inflated IS NOT NULL THEN coalesce(actual, 0) + inflated END)";
    case Metric::BalloonInflated:
        return "(CASE WHEN actual IS NOT NULL AND inflated >= 0 THEN inflated END)";
    case Metric::Used:
        return "(CASE WHEN unused <= available THEN available - unused END)";
    case Metric::UsedExcludingCache:
        return "(CASE WHEN usable <= available THEN available - usable END)";
    default:
        return metricKey(metric).toLatin1();
    }
}

QByteArray freshExpr() {
    QByteArray out;
    for (const char *column : GuestFieldColumns)
        out += (out.isEmpty() ? "(" : " OR ") + QByteArray(column) + " IS NOT NULL";
    return out + ")";
}

QByteArray guestGapExpr() {
    return "(NOT " + freshExpr() + " AND (flags >> 4) <> 0)";
}

} // namespace bs::history
