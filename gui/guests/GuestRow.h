#pragma once

#include "CellChanges.h"
#include "common/Units.h"
#include "metrics/DerivedMetrics.h"
#include "monitor/MemorySample.h"
#include "readiness/ReadinessBadge.h"

#include <array>

namespace bs::gui {

// One guest of the guest table (GuestTableModel): what the polls said of it, and what the table
// shows of that, worked out once when a sample arrives instead of on every data() call.
struct GuestRow {
    QString hostId;
    QString hostName;
    QString uuid;
    QString name;
    DomainState state = DomainState::Unknown;
    BalloonStats stats; // host fields from the latest poll, guest fields from the last report
    StatsState statsState = StatsState::Unknown;
    BalloonConfig balloon;
    bool persistent = true;
    qint64 lastReportMs = 0; // the guest's own report time (last_update), 0 = never
    qint64 sampleTimeMs = 0;

    // Shown, derived from the above by takeSample / formatFigures:
    DerivedMetrics derived;
    QString stateText;
    QString statsText;
    std::array<QString, 5> figureText; // Actual, Used, Usable, Rss, UsedPercent
    // Kept by the model, which holds the readiness checks and the clock:
    ReadinessBadge badge;
    QString filterText;   // GuestTableModel::FilterTextRole
    qint64 ageBucket = 0; // the age column's text changes when this does

    // Takes a poll's sample (a repeated report keeps the last report's guest fields) and
    // returns the columns whose shown value changed, as CellChanges bits of
    // GuestTableModel::Column. The figures' texts are redone for the changed ones only.
    CellChanges::Columns takeSample(const MemorySample &s, units::SizeUnit unit);
    // Every text anew (a new row).
    void formatAll(units::SizeUnit unit);
    // Redoes the texts of the figure columns in `which`.
    void formatFigures(units::SizeUnit unit, CellChanges::Columns which);

    // A figure column's text (Actual … UsedPercent); empty for the others.
    const QString &figureTextOf(int column) const;
    // A figure column's value for sorting: the figure, or -1 when there is none.
    double figureSortValue(int column) const;
};

} // namespace bs::gui
