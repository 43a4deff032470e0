#pragma once

#include "health/AlertTracker.h"

#include <QAbstractTableModel>
#include <QHash>

namespace bs::gui {

// The alerts in force on every watched host, one row each, worst first: severity, host, guest,
// rule, the finding (its remedy as the tooltip), since when.
class AlertsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsModel)

public:
    enum Column {
        SeverityColumn,
        HostColumn,
        GuestColumn,
        RuleColumn,
        FindingColumn,
        SinceColumn,
        ColumnCount
    };

    explicit AlertsModel(QObject *parent = nullptr);

    // Replaces one host's rows; `hostName` is how the window names the host.
    void setAlerts(const QString &hostId, const QString &hostName,
                   const QList<bs::ActiveAlert> &alerts);
    void removeHost(const QString &hostId);
    int count(bs::Severity severity) const;
    const bs::ActiveAlert &alertAt(int row) const { return m_rows.at(row).alert; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString hostId;
        QString hostName;
        bs::ActiveAlert alert;
    };
    void rebuild();

    QHash<QString, QList<Row>> m_byHost;
    QList<Row> m_rows;
};

} // namespace bs::gui
