#pragma once

#include "common/Units.h"
#include "policy/PolicyReplay.h"

#include <QAbstractTableModel>

namespace bs::gui {

// The policies side by side: one row per replayed policy, its balloon changes, squeezes, time
// squeezed, worst deficit, memory handed back (mean and peak) and the host's lowest projected
// free memory.
class ReplaySummaryModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Policy,
        Changes,
        Squeezes,
        SqueezedTime,
        WorstDeficit,
        HandedBackMean,
        HandedBackPeak,
        HostFreeLowest,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRuns(const QList<PolicyReplay> &runs);
    void setUnit(units::SizeUnit unit);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<PolicyReplay> m_runs;
    units::SizeUnit m_unit = units::SizeUnit::Auto;
};

// "2 h 5 min", "45 min", "0".
QString formatDuration(qint64 ms);

} // namespace bs::gui
