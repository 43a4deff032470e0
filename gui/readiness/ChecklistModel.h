#pragma once

#include "readiness/ReadinessTypes.h"

#include <QAbstractTableModel>

namespace bs::gui {

// One readiness report's checklist, a row per check in the inspector's order. The check the
// verdict rests on is bold on a highlighted background; agent checks say so in the Source column.
class ChecklistModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistModel)

public:
    enum Column { Result, Check, Source, Evidence, Remedy, ColumnCount };
    enum Role { DecidingRole = Qt::UserRole + 1, CheckKeyRole, StatusKeyRole };

    explicit ChecklistModel(QObject *parent = nullptr);

    void setReport(const ReadinessReport &report);
    int decidingRow() const; // -1 when no check decides

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ReadinessCheck> m_checks;
    std::optional<CheckId> m_deciding;
};

} // namespace bs::gui
