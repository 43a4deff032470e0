#pragma once

#include "health/AlertTracker.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

#include <array>
#include <memory>
#include <vector>

namespace bs::gui {

// The alerts in force on every watched host, one row each, worst first: severity, host, guest,
// rule, the finding (its remedy as the tooltip), since when.
//
// Kept up to date in place: a host's new alerts are compared with its rows by condition, and
// only what differs is announced (rows inserted, removed or moved, dataChanged for the rows whose
// figures moved); nothing about the other hosts' rows is looked at. The order is total (severity,
// newest first, condition, host), so a row is found by binary search on its own sort key.
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
    ~AlertsModel() override;

    // Makes one host's rows these alerts (any order; one per condition); `hostName` is how the
    // window names the host.
    void setAlerts(const QString &hostId, const QString &hostName,
                   const QList<bs::ActiveAlert> &alerts);
    void setAlerts(const QString &hostId, const QString &hostName,
                   const QHash<QString, bs::ActiveAlert> &alerts);
    void removeHost(const QString &hostId);
    int count(bs::Severity severity) const { return m_counts.at(std::size_t(severity)); }
    const bs::ActiveAlert &alertAt(int row) const { return m_rows.at(std::size_t(row))->alert; }
    // The row of a host's condition, -1 when it is not in force.
    int rowOf(const QString &hostId, const QString &condition) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // How many alerts of each severity there are may have changed (after rows came, went or
    // changed severity).
    void countsChanged();

private:
    struct Row {
        QString hostId;
        QString hostName;
        bs::ActiveAlert alert;
        quint64 seen = 0;      // the update that last found it in force
        mutable QString since; // the Since column's text, made when first asked for
    };
    struct Update;

    template <typename Alerts>
    void apply(const QString &hostId, const QString &hostName, const Alerts &alerts);
    int indexOf(const Row *row) const;
    void eraseRows(QList<int> rows);
    void announceChanged(QList<int> rows);
    void insertSorted(std::vector<std::unique_ptr<Row>> rows);

    std::vector<std::unique_ptr<Row>> m_rows;       // sorted; owns the rows
    QHash<QString, QHash<QString, Row *>> m_byHost; // host → condition → its row
    std::array<int, 4> m_counts{};                  // by Severity
    quint64 m_generation = 0;
    mutable std::array<QIcon, 4> m_icons; // by Severity, looked up once (a theme lookup each)
};

} // namespace bs::gui
