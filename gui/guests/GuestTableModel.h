#pragma once

#include "CellChanges.h"
#include "GuestRow.h"
#include "common/Units.h"
#include "monitor/MemorySample.h"
#include "readiness/ReadinessBadge.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace bs::gui {

// Every guest of every watched host, one row each, updated from poll cycles. Keeps the last
// guest report of each guest (a repeated report arrives without guest fields) and shows how old
// it is. Per poll, the work is per sample and constant: a guest's row is found through a hash,
// its shown figures and texts are derived once (GuestRow) and only the cells whose value
// changed are announced, coalesced (CellChanges): one range over all rows when most changed.
// The age column is announced every second for the rows whose age text changes.
class GuestTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestTableModel)

public:
    enum Column {
        Name,
        Host,
        State,
        Readiness,
        Actual,
        Used,
        Usable,
        Rss,
        UsedPercent,
        Stats,
        LastReport,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        HostIdRole,
        UuidRole,
        StatsStateRole,
        VerdictKeyRole,         // the readiness badge's verdict, verdictKey()
        VerdictProvisionalRole, // true while the badge comes from the stats state alone
        StaleRole,              // true while the guest's host does not answer (figures are old)
        // Name, host, state, stats state and readiness texts in one string (the filter box
        // searches them), separated by FilterTextSeparator; on any column.
        FilterTextRole
    };
    static constexpr QChar FilterTextSeparator = QChar(0x1f);

    using Row = GuestRow;

    explicit GuestTableModel(QObject *parent = nullptr);

    // A column's name in settings ("name", "usedPercent"): stable across versions and languages.
    static QString columnKey(int column);
    static int columnOfKey(const QString &key); // -1 when no column has that key
    static QString percentText(double percent);
    // Figure columns (sizes, percentage) are right-aligned and sized for their widest usual
    // figure, so a value never elides when it grows.
    static bool isFigureColumn(int column);
    // The widest text a figure column shows in practice, in the current unit and locale; empty
    // for the other columns.
    QString widestFigure(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void applyCycle(const PollCycle &cycle);
    void removeGuests(const QString &hostId, const QStringList &uuids);
    void removeHost(const QString &hostId);
    void setHostName(const QString &hostId, const QString &name);
    void setUnit(units::SizeUnit unit);
    // The latest readiness check of a guest (ReadinessTracker); until there is one, the
    // Readiness column shows a provisional verdict derived from the stats state.
    void setReadiness(const QString &hostId, const QString &uuid, const ReadinessSummary &summary);
    void clearReadiness(const QString &hostId, const QStringList &uuids); // empty = whole host
    // The host does not answer (HostFreshness): its rows show their last figures greyed, the
    // reason in every cell's tooltip and the readiness verdict "as of" then (`asOf`, "as of
    // 10:42:07"). Empty `reason`: live.
    void setHostStale(const QString &hostId, const QString &reason, const QString &asOf);
    bool isHostStale(const QString &hostId) const { return m_stale.contains(hostId); }
    // The clock for the age column; tests inject a fixed one.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

    const Row *rowAt(int row) const;
    int rowOf(const QString &hostId, const QString &uuid) const;
    int guestCount(const QString &hostId) const;

private:
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QString cellToolTip(const Row &row, int column) const;
    const ReadinessSummary *readiness(const Row &row) const;
    QString filterText(const Row &row) const;
    // Works out the row's badge again; true when it changed.
    bool updateBadge(Row &row);
    QString sizeText(const std::optional<quint64> &kib) const;
    void emitChanges(const CellChanges &changes);
    // Removes the rows (any order), as few removals as there are runs of adjacent rows.
    void removeRowRuns(QList<int> rows);
    void reindexFrom(int first);
    void tick();

    QList<Row> m_rows;
    QHash<QString, QHash<QString, int>> m_index; // host → uuid → row, kept with m_rows
    QHash<QString, QString> m_hostNames;
    QHash<QString, QHash<QString, ReadinessSummary>> m_readiness; // host → uuid → summary
    struct Stale {
        QString reason;
        QString asOf;
    };
    QHash<QString, Stale> m_stale; // host → why its rows are not live
    units::SizeUnit m_unit = units::SizeUnit::Auto;
    std::function<qint64()> m_nowMs;
    QTimer m_ageTimer;
};

} // namespace bs::gui
