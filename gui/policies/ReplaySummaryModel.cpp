#include "ReplaySummaryModel.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>

namespace bs::gui {

QString formatDuration(qint64 ms) {
    const qint64 minutes = ms / 60000;
    if (minutes <= 0)
        return ms > 0 ? QCoreApplication::translate("bs::gui::ReplaySummaryModel", "< 1 min")
                      : QStringLiteral("0");
    if (minutes < 60)
        return QCoreApplication::translate("bs::gui::ReplaySummaryModel", "%1 min").arg(minutes);
    return QCoreApplication::translate("bs::gui::ReplaySummaryModel", "%1 h %2 min")
        .arg(minutes / 60)
        .arg(minutes % 60);
}

void ReplaySummaryModel::setRuns(const QList<PolicyReplay> &runs) {
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

void ReplaySummaryModel::setUnit(units::SizeUnit unit) {
    m_unit = unit;
    if (!m_runs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ReplaySummaryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_runs.size());
}

int ReplaySummaryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplaySummaryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const PolicyReplay &run = m_runs[index.row()];
    auto size = [&](qint64 kib) {
        return kib < 0 ? QLatin1Char('-') + units::formatKiB(quint64(-kib), QLocale(), m_unit)
                       : units::formatKiB(quint64(kib), QLocale(), m_unit);
    };
    qint64 squeezedMs = 0, worst = 0;
    for (const ReplayedGuest &g : run.guests) {
        squeezedMs += g.squeezedMs;
        worst = qMax(worst, g.worstDeficitKiB);
    }
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Policy:
            return policyName(run.policy);
        case Changes:
            return run.changes;
        case Squeezes:
            return run.squeezes.size();
        case SqueezedTime:
            return formatDuration(squeezedMs);
        case WorstDeficit:
            return worst > 0 ? size(worst) : QStringLiteral("-");
        case HandedBackMean:
            return size(run.handedBackMeanKiB);
        case HandedBackPeak:
            return size(run.handedBackPeakKiB);
        case HostFreeLowest:
            return run.hostFreeLowestKiB ? size(*run.hostFreeLowestKiB) : QStringLiteral("-");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Policy)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Squeezes && !run.squeezes.isEmpty())
        return QColor(0xc0, 0x39, 0x2b);
    return {};
}

QVariant ReplaySummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Squeezes:
            return tr("Stretches in which the policy's balloon left a guest less than its need: it "
                      "would have swapped.");
        case HandedBackMean:
        case HandedBackPeak:
            return tr("The recorded balloons minus the policy's, summed over the guests: memory "
                      "the host would have had back.");
        case HostFreeLowest:
            return tr("The host's recorded free memory (with caches) plus what the policy handed "
                      "back, at its lowest.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Policy:
        return tr("Policy");
    case Changes:
        return tr("Balloon changes");
    case Squeezes:
        return tr("Squeezes");
    case SqueezedTime:
        return tr("Time squeezed");
    case WorstDeficit:
        return tr("Worst deficit");
    case HandedBackMean:
        return tr("Handed back (mean)");
    case HandedBackPeak:
        return tr("Handed back (peak)");
    case HostFreeLowest:
        return tr("Host free, lowest");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace bs::gui
