#pragma once

#include "model/Metric.h"

#include <QByteArray>

namespace bs::history {

// SQL fragments over the stored columns, in one place so the writer, the compactor and the
// reader agree. Built from constant column names only: no user input ever reaches them.

// The value columns of `samples` / `samples_inbox` after (guest_id, t, flags), in table order.
inline constexpr const char *SampleValueColumns[] = {
    "actual",         "inflated",   "rss",      "available",   "unused",      "usable",
    "disk_caches",    "swap_in",    "swap_out", "major_fault", "minor_fault", "hugetlb_pgalloc",
    "hugetlb_pgfail", "report_age", "vm_swap",  "psi_some",    "psi_full"};

// "flags = excluded.flags, actual = coalesce(excluded.actual, actual), ...": two polls within
// the same second become one row, a fresh report's guest fields winning over a repeated one.
QByteArray sampleUpsertAssignments();

// The metric's value in a row of `samples` (derived ones computed as DerivedMetrics does: NULL
// when an input is missing or they contradict each other).
QByteArray rawMetricExpr(Metric metric);

// The guest's own fields among them: a row with any of them present carries a fresh report.
inline constexpr const char *GuestFieldColumns[] = {
    "available", "unused",      "usable",      "disk_caches",     "swap_in",
    "swap_out",  "major_fault", "minor_fault", "hugetlb_pgalloc", "hugetlb_pgfail"};

// 1 when the row carries a fresh guest report (any of GuestFieldColumns present), else 0.
QByteArray freshExpr();

// 1 when the row's guest fields are a gap rather than a repeated report: no fresh report and
// the guest was not reporting (stats state code ≠ 0).
QByteArray guestGapExpr();

} // namespace bs::history
