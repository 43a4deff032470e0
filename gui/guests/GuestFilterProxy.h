#pragma once

#include <QSortFilterProxyModel>

namespace bs::gui {

// Shows the guests of one host (or all) whose name, host, state, stats state or readiness
// contain the filter text; sorts by the model's SortRole, so sizes sort as numbers. Dynamic:
// the model's dataChanged ranges re-filter their rows (cheaply: the model keeps the searched
// text) and re-sort them only when they span the sort column.
class GuestFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestFilterProxy)

public:
    explicit GuestFilterProxy(QObject *parent = nullptr);

    void setHostFilter(const QString &hostId); // empty = every host
    QString hostFilter() const { return m_hostId; }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_hostId;
    QString m_text;
};

} // namespace bs::gui
