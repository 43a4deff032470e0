#include "GuestFilterProxy.h"

#include "GuestTableModel.h"

namespace bs::gui {

GuestFilterProxy::GuestFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(GuestTableModel::SortRole);
    setDynamicSortFilter(true);
}

void GuestFilterProxy::setHostFilter(const QString &hostId) {
    if (m_hostId == hostId)
        return;
    m_hostId = hostId;
    invalidateRowsFilter();
}

void GuestFilterProxy::setText(const QString &text) {
    const QString t = text.trimmed();
    if (m_text == t)
        return;
    m_text = t;
    invalidateRowsFilter();
}

bool GuestFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (!m_hostId.isEmpty() && first.data(GuestTableModel::HostIdRole).toString() != m_hostId)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : {GuestTableModel::Name, GuestTableModel::Host, GuestTableModel::State,
                       GuestTableModel::Stats, GuestTableModel::Readiness}) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return first.data(GuestTableModel::UuidRole).toString().startsWith(m_text, Qt::CaseInsensitive);
}

} // namespace bs::gui
