#pragma once

#include "HostMetric.h"

#include <QByteArray>

namespace bs::history {

// SQL over the host tables of schema 3 (host_samples, host_rollup_1m/1h), in one place so the
// writer, the compactor and the reader agree. Built from constant column names only.

// The stored columns of host_samples after (host_id, t), in table order.
inline constexpr const char *HostSampleColumns[] = {"total",
                                                    "free",
                                                    "buffers",
                                                    "cached",
                                                    "guests_maximum",
                                                    "guests_actual",
                                                    "guests_used",
                                                    "guests_active",
                                                    "guests_reporting",
                                                    "ksm_saved",
                                                    "ksm_pages_shared",
                                                    "ksm_pages_sharing",
                                                    "ksm_pages_unshared",
                                                    "ksm_pages_volatile",
                                                    "ksm_full_scans",
                                                    "huge_pages_total",
                                                    "huge_pages_free"};

// "INSERT OR REPLACE INTO host_samples VALUES (?1, ..., ?19)": host id, t, then the columns.
QByteArray hostSampleInsertSql();

// The metric's value in a row of host_samples (free_with_caches derived: NULL without free).
QByteArray hostRawMetricExpr(HostMetric metric);

// Roll host_samples into host_rollup_1m, and host_rollup_1m into host_rollup_1h, for [?1, ?2)
// and one host (?3) or all (?3 NULL).
QByteArray hostMinuteRollupSql();
QByteArray hostHourRollupSql();

} // namespace bs::history
