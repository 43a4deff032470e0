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
    // Actual, Used, Usable, Rss, UsedPercent: formatted when first asked for after they changed
    // (the table asks only for the rows on screen; 5,000 guests × 5 figures every poll were an
    // eighth of the GUI thread).
    mutable std::array<QString, 5> figureText;
    mutable CellChanges::Columns unformatted = 0;
    units::SizeUnit figureUnit = units::SizeUnit::Auto;
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
    // The texts of the figure columns in `which` are redone (in `unit`) when next asked for.
    void formatFigures(units::SizeUnit unit, CellChanges::Columns which);

    // A figure column's text (Actual … UsedPercent); empty for the others.
    const QString &figureTextOf(int column) const;
    // Whether a figure column's text waits to be redone (for tests).
    bool figureTextPending(int column) const {
        return (unformatted & CellChanges::column(column)) != 0;
    }
    // A figure column's value for sorting: the figure, or -1 when there is none.
    double figureSortValue(int column) const;
};

} // namespace bs::gui
