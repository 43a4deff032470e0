#pragma once

#include "history/HistoryStatus.h"
#include "history/SeriesTypes.h"

#include <QString>

namespace bs::cli {

struct GuestMatch {
    GuestInfo guest;
    QString error; // empty when found
    bool ambiguous = false;
};

// The guest `text` names: its UUID, its current name, or a name it had (a rename keeps its
// history). Several guests by that name: an error listing them by UUID.
GuestMatch findGuest(const QList<GuestInfo> &guests, const QString &text);

// `history` output in three shapes. JSON holds the series exactly as the chart gets them; CSV and
// text put the metrics side by side, one row per point time.
struct HistoryOutput {
    GuestInfo guest;
    SeriesRequest request;
    SeriesResult result;
    QString server; // the Prometheus-compatible server it came from; empty: the history file

    QString json() const;
    QString csv() const;
    QString text() const;
};

} // namespace bs::cli
