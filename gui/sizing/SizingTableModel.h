#pragma once

#include "common/Units.h"
#include "sizing/GuestAdvice.h"

#include <QAbstractTableModel>

namespace bs::gui {

// The Sizing page's table: one row per guest of the advice, in the advice's order. Sizes in the
// preferred unit; a guest without a number shows "–" and why (Notes, tooltip).
class SizingTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Guest,
        Maximum,
        Actual,
        NeedP50,
        NeedP95,
        NeedP99,
        Recommended,
        Reclaimable,
        Confidence,
        Notes,
        ColumnCount
    };
    static constexpr int UuidRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit SizingTableModel(QObject *parent = nullptr);

    void setAdvice(const QList<GuestAdvice> &advice);
    void setUnit(units::SizeUnit unit);
    const QList<GuestAdvice> &advice() const { return m_advice; }
    const GuestAdvice *adviceFor(const QString &uuid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The notes of a guest as sentences (the Notes column joins them).
    static QStringList notes(const GuestAdvice &advice);

private:
    QString size(std::optional<qint64> kib) const;

    QList<GuestAdvice> m_advice;
    units::SizeUnit m_unit = units::SizeUnit::Auto;
};

} // namespace bs::gui
