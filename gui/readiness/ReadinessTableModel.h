#pragma once

#include "ReadinessBadge.h"
#include "readiness/ReadinessTypes.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace bs::gui {

// Every inspected guest's verdict, one row per guest of every host: the host-wide readiness
// page. Fed with reports (ReadinessTracker::reportChanged); exact dataChanged per row.
class ReadinessTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessTableModel)

public:
    enum Column {
        GuestColumn,
        HostColumn,
        VerdictColumn,
        ReasonColumn,
        NextStepColumn,
        CheckedAtColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, HostIdRole, UuidRole, VerdictKeyRole, FixKindRole };

    explicit ReadinessTableModel(QObject *parent = nullptr);

    void setReport(const ReadinessReport &report);
    void removeReports(const QString &hostId, const QStringList &uuids); // empty = whole host
    // Display names of hosts (the URI is shown otherwise).
    void setHostNames(std::function<QString(const QString &hostId)> names);
    // The host does not answer: its verdicts read "ready (as of 10:42:07, host not answering)",
    // greyed. Empty `asOf`: it answers again.
    void setHostAsOf(const QString &hostId, const QString &asOf);
    // The clock for "checked at"; tests inject a fixed one.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

    int rowOf(const QString &hostId, const QString &uuid) const;
    const ReadinessSummary *summaryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString hostId;
        QString uuid;
        QString name;
        FixKind fix = FixKind::None;
        ReadinessSummary summary;
    };
    QString hostName(const QString &hostId) const;
    QString verdictText(const Row &row) const;

    void reindex();

    QList<Row> m_rows;
    QHash<QString, QHash<QString, int>> m_rowOf; // host → uuid → row: 5,000 rows, a report each
    QHash<QString, QString> m_asOf;              // host → "as of …, host not answering"
    std::function<QString(const QString &)> m_hostNames;
    std::function<qint64()> m_nowMs;
};

} // namespace bs::gui
