#include "HostPanel.h"

#include "HostListModel.h"
#include "readiness/WrappedTextDelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace bs::gui {

HostPanel::HostPanel(HostListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
    , m_emptyHint(new QLabel(this))
    , m_notice(new QLabel(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    // One column, two lines a host (name, then the status in full, wrapped): a status column
    // beside the names was cut to "conne…" at the default width.
    m_view->setColumnHidden(HostListModel::StatusColumn, true);
    m_view->setHeaderHidden(true);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setUniformRowHeights(false);
    auto *wrapped = new WrappedTextDelegate(m_view);
    wrapped->setWidthHint(
        [this](const QModelIndex &index) { return m_view->columnWidth(index.column()); });
    m_view->setItemDelegate(wrapped);
    // Rows are as tall as their wrapped text at the column's width: laid out again with it.
    connect(m_view->header(), &QHeaderView::sectionResized, m_view,
            [this] { m_view->doItemsLayout(); });
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view, 1);

    m_emptyHint->setText(tr("No host yet. <a href=\"add\">Add a connection…</a>"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_emptyHint);
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border: "
                                           "1px solid palette(mid); padding: 4px; }"));
    m_notice->hide();
    layout->addWidget(m_notice);
    connect(m_emptyHint, &QLabel::linkActivated, this, &HostPanel::addRequested);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentHostChanged(current.isValid()
                                              ? current.data(HostListModel::HostIdRole).toString()
                                              : QString());
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, &HostPanel::updateEmptyHint);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &HostPanel::updateEmptyHint);
    updateEmptyHint();
}

QString HostPanel::currentHostId() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(HostListModel::HostIdRole).toString() : QString();
}

void HostPanel::setNotice(const QString &text) {
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    updateEmptyHint();
}

QString HostPanel::notice() const {
    return m_notice->text();
}

void HostPanel::updateEmptyHint() {
    m_emptyHint->setVisible(m_model->rowCount() == 0 && m_notice->isHidden());
}

} // namespace bs::gui
