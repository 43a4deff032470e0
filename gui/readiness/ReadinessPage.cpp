#include "ReadinessPage.h"

#include "ReadinessTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace bs::gui {

ReadinessPage::ReadinessPage(ReadinessTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_inspectAll(new QPushButton(tr("&Inspect all"), this))
    , m_summaryDue(new QTimer(this)) {
    setObjectName(QStringLiteral("ReadinessPage"));
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(ReadinessTableModel::SortRole);
    m_proxy->setFilterRole(ReadinessTableModel::HostIdRole);
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setDynamicSortFilter(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *top = new QHBoxLayout;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    top->addWidget(m_summary);
    top->addStretch(1);
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    top->addWidget(m_progress);
    m_inspectAll->setObjectName(QStringLiteral("inspectAllButton"));
    top->addWidget(m_inspectAll);
    layout->addLayout(top);

    m_empty->setText(tr("No guest has been checked yet. Checks run by themselves when a host "
                        "connects; \"Inspect all\" runs them now."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ReadinessTableModel::VerdictColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ReadinessTableModel::NextStepColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(ReadinessTableModel::GuestColumn, 150);
    m_view->setColumnWidth(ReadinessTableModel::HostColumn, 130);
    m_view->setColumnWidth(ReadinessTableModel::VerdictColumn, 190);
    m_view->setColumnWidth(ReadinessTableModel::ReasonColumn, 360);
    m_view->setColumnWidth(ReadinessTableModel::CheckedAtColumn, 90);
    layout->addWidget(m_view, 1);

    m_detail->setObjectName(QStringLiteral("detailLabel"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setMinimumHeight(4 * fontMetrics().lineSpacing());
    layout->addWidget(m_detail);

    connect(m_inspectAll, &QPushButton::clicked, this, &ReadinessPage::inspectAllRequested);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT guestActivated(index.data(ReadinessTableModel::HostIdRole).toString(),
                              index.data(ReadinessTableModel::UuidRole).toString());
    });
    m_summaryDue->setSingleShot(true);
    m_summaryDue->setInterval(0);
    connect(m_summaryDue, &QTimer::timeout, this, &ReadinessPage::updateSummary);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ReadinessPage::scheduleSummary);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ReadinessPage::scheduleSummary);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReadinessPage::updateDetail);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ReadinessPage::updateSummary);
    setHostFilter({}, {});
}

void ReadinessPage::setHostFilter(const QString &hostId, const QString &hostName) {
    m_hostId = hostId;
    m_proxy->setFilterRegularExpression(
        hostId.isEmpty() ? QRegularExpression()
                         : QRegularExpression(QRegularExpression::anchoredPattern(
                               QRegularExpression::escape(hostId))));
    m_view->setColumnHidden(ReadinessTableModel::HostColumn, !hostId.isEmpty());
    m_inspectAll->setToolTip(
        hostId.isEmpty()
            ? tr("Check every guest of every connected host now.")
            : tr("Check every guest of %1 now.").arg(hostName.isEmpty() ? hostId : hostName));
    updateSummary();
}

void ReadinessPage::setProgress(const QString &text) {
    m_progress->setText(text);
}

void ReadinessPage::scheduleSummary() {
    if (!isVisible()) {
        // Hidden: no count of every row at each poll's dataChanged (5,000 rows, ten hosts'
        // polls a second in the scale bench); the page counts once when it is shown.
        m_summaryStale = true;
        return;
    }
    if (!m_summaryDue->isActive())
        m_summaryDue->start();
}

void ReadinessPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_summaryStale)
        updateSummary();
}

void ReadinessPage::updateSummary() {
    m_summaryDue->stop();
    m_summaryStale = false;
    const int total = m_proxy->rowCount();
    int ready = 0;
    int checking = 0;
    for (int r = 0; r < total; ++r) {
        const QModelIndex source = m_proxy->mapToSource(m_proxy->index(r, 0));
        const ReadinessSummary *s = m_model->summaryAt(source.row());
        if (s && s->stillWatching)
            ++checking;
        else if (s && s->verdict == Verdict::Ready)
            ++ready;
    }
    QString text = tr("Ready: %1 of %2").arg(ready).arg(total);
    if (const int attention = total - ready - checking; attention > 0)
        text += QStringLiteral(" · ") + tr("Need attention: %1").arg(attention);
    if (checking > 0)
        text += QStringLiteral(" · ") + tr("Still being checked: %1").arg(checking);
    m_summary->setText(total > 0 ? text : QString());
    m_empty->setVisible(total == 0);
    m_view->setVisible(total > 0);
    m_detail->setVisible(total > 0);
    updateDetail();
}

void ReadinessPage::updateDetail() {
    const QModelIndex current = m_view->currentIndex();
    const ReadinessSummary *s =
        current.isValid() ? m_model->summaryAt(m_proxy->mapToSource(current).row()) : nullptr;
    if (!s) {
        m_detail->setText(tr("Select a guest to read why and what to do; double-click it for "
                             "the checklist."));
        return;
    }
    const QModelIndex name = current.siblingAtColumn(ReadinessTableModel::GuestColumn);
    const QModelIndex verdict = current.siblingAtColumn(ReadinessTableModel::VerdictColumn);
    m_detail->setText(QStringLiteral("<p><b>%1: %2</b> — %3</p>%4")
                          .arg(name.data().toString().toHtmlEscaped(),
                               verdict.data().toString().toHtmlEscaped(), s->reason.toHtmlEscaped(),
                               ReadinessTexts::nextStepLine(s->nextStep)));
}

} // namespace bs::gui
