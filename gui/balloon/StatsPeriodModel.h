#pragma once

#include "balloon/BalloonResult.h"
#include "balloon/GuestBalloonInfo.h"
#include "ballooncontrol/StatsFlowWatch.h"

#include <QAbstractTableModel>

#include <optional>

namespace bs::gui {

// The guests of the stats-period dialog, one row each: the facts (state, balloon model, live and
// persistent period), what the chosen period would do, the result of applying it and whether the
// stats flow since. The dialog replaces plans on every change of its controls; results and
// verdicts stay with their guest (by UUID) when the guests are read again.
class StatsPeriodModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPeriodModel)

public:
    enum Column {
        Guest,
        State,
        Balloon,
        LivePeriod,
        PersistentPeriod,
        Plan,
        Result,
        Stats,
        ColumnCount
    };
    enum Role {
        UuidRole = Qt::UserRole + 1,
        OutcomeKeyRole, // "applied", "partial", ..., "applying", "queued", "unknown"; "" before
        FlowKindRole,   // int(StatsFlowVerdict::Kind), -1 without a verdict
    };
    enum class Phase { Idle, Queued, Applying, Done, Lost };

    struct Row {
        GuestBalloonInfo info;
        GuestPlan plan;
        QString skipped; // the part of the chosen scope this guest does not have
        Phase phase = Phase::Idle;
        std::optional<GuestApplyResult> result;
        QString lostReason; // Phase::Lost: why no result will come
        std::optional<StatsFlowVerdict> flow;
    };

    explicit StatsPeriodModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Replaces the guests, keeping each one's result and verdict.
    void setGuests(const QList<GuestBalloonInfo> &guests);
    void setPlan(int row, const GuestPlan &plan, const QString &skipped);
    void setPhase(const QString &uuid, Phase phase);
    void setResult(const GuestApplyResult &result);
    // Guests still waiting for a result will get none (the host went away): say so.
    void markUnfinishedLost(const QString &reason);
    void setFlow(const StatsFlowVerdict &verdict);

    const Row &row(int row) const { return m_rows.at(row); }
    int rowOf(const QString &uuid) const;
    QList<GuestPlan> plans() const;

private:
    QVariant display(const Row &row, int column) const;
    QString tooltip(const Row &row, int column) const;
    void changed(int row, int firstColumn, int lastColumn);

    QList<Row> m_rows;
};

} // namespace bs::gui
