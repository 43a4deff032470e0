#include "GuestRow.h"

#include "GuestTableModel.h"

#include <QLocale>

namespace bs::gui {

namespace {

constexpr int FirstFigure = GuestTableModel::Actual;
constexpr int LastFigure = GuestTableModel::UsedPercent;
static_assert(LastFigure - FirstFigure + 1 ==
              int(std::tuple_size_v<decltype(GuestRow::figureText)>));

using Columns = CellChanges::Columns;
constexpr Columns col(int c) {
    return CellChanges::column(c);
}

QString sizeText(const std::optional<quint64> &kib, units::SizeUnit unit) {
    return kib ? units::formatKiB(*kib, QLocale(), unit) : QStringLiteral("—");
}

// Guest figures are current only while the guest reports; the others are shown greyed.
bool guestFiguresCurrent(StatsState state) {
    return state == StatsState::Reporting;
}

} // namespace

CellChanges::Columns GuestRow::takeSample(const MemorySample &s, units::SizeUnit unit) {
    Columns changed = 0;
    if (name != s.name)
        changed |= col(GuestTableModel::Name);
    if (state != s.state) {
        changed |= col(GuestTableModel::State);
        stateText = domainStateName(s.state);
    }
    if (statsState != s.statsState) {
        changed |= col(GuestTableModel::Stats) | col(GuestTableModel::Readiness);
        if (guestFiguresCurrent(statsState) != guestFiguresCurrent(s.statsState))
            changed |= col(GuestTableModel::Used) | col(GuestTableModel::Usable) |
                       col(GuestTableModel::UsedPercent); // their colour
        statsText = statsStateName(s.statsState);
    }
    if (isActive(state) != isActive(s.state))
        changed |= col(GuestTableModel::LastReport); // "never" or "—"
    name = s.name;
    state = s.state;
    statsState = s.statsState;
    balloon = s.balloon;
    persistent = s.persistent;
    sampleTimeMs = s.timeMs;

    const BalloonStats before = stats;
    const DerivedMetrics derivedBefore = derived;
    if (s.freshReport || !isActive(s.state)) {
        stats = s.stats;
    } else {
        // keep the last report's guest fields, take the new host-side ones
        stats.actual = s.stats.actual;
        stats.maximum = s.stats.maximum;
        stats.rss = s.stats.rss;
    }
    derived = deriveMetrics(stats);
    Columns figures = 0;
    if (stats.actual != before.actual)
        figures |= col(GuestTableModel::Actual);
    if (derived.used != derivedBefore.used)
        figures |= col(GuestTableModel::Used);
    if (stats.usable != before.usable)
        figures |= col(GuestTableModel::Usable);
    if (stats.rss != before.rss)
        figures |= col(GuestTableModel::Rss);
    if (derived.usedPercentOfAvailable != derivedBefore.usedPercentOfAvailable)
        figures |= col(GuestTableModel::UsedPercent);
    formatFigures(unit, figures);
    changed |= figures;

    const qint64 reportMs = s.stats.lastUpdate && *s.stats.lastUpdate > 0 && isActive(s.state)
                                ? *s.stats.lastUpdate * 1000
                            : !isActive(s.state) ? 0
                                                 : lastReportMs;
    if (reportMs != lastReportMs)
        changed |= col(GuestTableModel::LastReport);
    lastReportMs = reportMs;
    return changed;
}

void GuestRow::formatAll(units::SizeUnit unit) {
    stateText = domainStateName(state);
    statsText = statsStateName(statsState);
    formatFigures(unit, CellChanges::span(FirstFigure, LastFigure));
}

void GuestRow::formatFigures(units::SizeUnit unit, CellChanges::Columns which) {
    if (unit != figureUnit)
        unformatted |= CellChanges::span(FirstFigure, LastFigure);
    figureUnit = unit;
    unformatted |= which & CellChanges::span(FirstFigure, LastFigure);
}

const QString &GuestRow::figureTextOf(int column) const {
    static const QString none;
    if (column < FirstFigure || column > LastFigure)
        return none;
    QString &text = figureText[size_t(column - FirstFigure)];
    if (!(unformatted & col(column)))
        return text;
    unformatted &= ~col(column);
    switch (column) {
    case GuestTableModel::Actual:
        text = sizeText(stats.actual, figureUnit);
        break;
    case GuestTableModel::Used:
        text = sizeText(derived.used, figureUnit);
        break;
    case GuestTableModel::Usable:
        text = sizeText(stats.usable, figureUnit);
        break;
    case GuestTableModel::Rss:
        text = sizeText(stats.rss, figureUnit);
        break;
    case GuestTableModel::UsedPercent:
        text = derived.usedPercentOfAvailable
                   ? GuestTableModel::percentText(*derived.usedPercentOfAvailable)
                   : QStringLiteral("—");
        break;
    default:
        break;
    }
    return text;
}

double GuestRow::figureSortValue(int column) const {
    const auto num = [](const auto &opt) {
        return opt ? double(*opt) : -1.0;
    };
    switch (column) {
    case GuestTableModel::Actual:
        return num(stats.actual);
    case GuestTableModel::Used:
        return num(derived.used);
    case GuestTableModel::Usable:
        return num(stats.usable);
    case GuestTableModel::Rss:
        return num(stats.rss);
    case GuestTableModel::UsedPercent:
        return num(derived.usedPercentOfAvailable);
    default:
        return -1.0;
    }
}

} // namespace bs::gui
