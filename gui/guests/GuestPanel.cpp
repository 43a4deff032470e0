#include "GuestPanel.h"

#include "GuestColumns.h"
#include "GuestFilterProxy.h"
#include "GuestTableModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace bs::gui {

GuestPanel::GuestPanel(GuestTableModel *model, QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new GuestFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this)) {
    m_proxy->setSourceModel(model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter->setPlaceholderText(
        tr("Filter guests by name, host, state, stats or readiness (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(GuestTableModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_columns = new GuestColumns(m_view, model, this);
    m_columns->useSettings(settings);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &GuestFilterProxy::setText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &GuestPanel::emitCurrent);
}

void GuestPanel::focusFilter() {
    m_filter->setFocus();
    m_filter->selectAll();
}

void GuestPanel::emitCurrent() {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        Q_EMIT currentGuestChanged({}, {});
        return;
    }
    Q_EMIT currentGuestChanged(current.data(GuestTableModel::HostIdRole).toString(),
                               current.data(GuestTableModel::UuidRole).toString());
}

QList<QPair<QString, QString>> GuestPanel::selectedGuests() const {
    QList<QPair<QString, QString>> out;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        out.append({index.data(GuestTableModel::HostIdRole).toString(),
                    index.data(GuestTableModel::UuidRole).toString()});
    return out;
}

} // namespace bs::gui
