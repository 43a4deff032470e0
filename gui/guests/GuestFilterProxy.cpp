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
    // One line (the model's filter text separates its columns with a control character).
    QString t = text.trimmed();
    t.remove(GuestTableModel::FilterTextSeparator);
    if (m_text == t)
        return;
    m_text = t;
    invalidateRowsFilter();
}

bool GuestFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    // Called for every row of every dataChanged range (dynamicSortFilter): a hash look-up at
    // most, and one search in the text the model keeps for it.
    if (m_hostId.isEmpty() && m_text.isEmpty())
        return true;
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_hostId.isEmpty() && first.data(GuestTableModel::HostIdRole).toString() != m_hostId)
        return false;
    if (m_text.isEmpty())
        return true;
    if (first.data(GuestTableModel::FilterTextRole)
            .toString()
            .contains(m_text, Qt::CaseInsensitive))
        return true;
    return first.data(GuestTableModel::UuidRole).toString().startsWith(m_text, Qt::CaseInsensitive);
}

} // namespace bs::gui
