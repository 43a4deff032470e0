#pragma once

#include "common/Units.h"
#include "monitor/MemorySample.h"
#include "readiness/ReadinessBadge.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace bs::gui {

// Every guest of every watched host, one row each, updated from poll cycles. Keeps the last
// guest report of each guest (a repeated report arrives without guest fields) and shows how old
// it is. Exact dataChanged ranges; the age column alone ticks every second.
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
        StaleRole               // true while the guest's host does not answer (figures are old)
    };

    struct Row {
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
    };

    explicit GuestTableModel(QObject *parent = nullptr);

    // A column's name in settings ("name", "usedPercent"): stable across versions and languages.
    static QString columnKey(int column);
    static int columnOfKey(const QString &key); // -1 when no column has that key
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
    ReadinessBadge badge(const Row &row) const;
    QString sizeText(const std::optional<quint64> &kib) const;
    static QString percentText(double percent);
    void tick();

    QList<Row> m_rows;
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
