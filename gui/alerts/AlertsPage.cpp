#include "AlertsPage.h"

#include "AlertsModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

constexpr int FitDelayMs = 500; // rows come in bursts: the hosts' cycles
constexpr int FitRows = 200;    // the rows measured (the visible ones first)

} // namespace

AlertsPage::AlertsPage(AlertsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel(this))
    , m_notify(new QCheckBox(tr("Desktop notifications"), this))
    , m_rules(new QPushButton(tr("Rules…"), this))
    , m_fix(new QPushButton(tr("Turn On Free Page Reporting…"), this))
    , m_table(new QTableView(this))
    , m_detail(new QLabel(this)) {
    m_notify->setToolTip(tr("Also show each new warning or critical alert as a desktop "
                            "notification (one per condition until it clears)."));
    m_rules->setToolTip(tr("Which rules run, and their warning and critical levels."));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    m_fix->setToolTip(tr("For the selected alerts' guests that lack free page reporting: turn "
                         "it on from their next boot (Guest → Free page reporting…)."));
    bar->addWidget(m_fix);
    bar->addWidget(m_notify);
    bar->addWidget(m_rules);

    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fitted to the contents when rows come or go, not by ResizeToContents: that measures up to
    // a thousand rows' texts and icons again after every change of the model (issue 18: most of
    // the window's time at 5,000 alerts), shown or not.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AlertsModel::FindingColumn, QHeaderView::Stretch);
    header->setResizeContentsPrecision(FitRows);
    m_userWidth.fill(false, AlertsModel::ColumnCount);
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column >= 0 && column < m_userWidth.size() && m_table->isVisible())
            m_userWidth[column] = true;
    });
    m_fitTimer.setSingleShot(true);
    m_fitTimer.setInterval(FitDelayMs);
    connect(&m_fitTimer, &QTimer::timeout, this, &AlertsPage::fitColumns);

    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(fontMetrics().height() * 4);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);

    connect(m_rules, &QPushButton::clicked, this, &AlertsPage::rulesRequested);
    connect(m_fix, &QPushButton::clicked, this, [this] {
        const QHash<QString, QStringList> guests = fixableSelection();
        for (auto it = guests.cbegin(); it != guests.cend(); ++it)
            Q_EMIT freePageReportingRequested(it.key(), it.value());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPage::updateFix);
    connect(model, &QAbstractItemModel::modelReset, this, &AlertsPage::updateFix);
    updateFix();
    connect(m_notify, &QCheckBox::toggled, this, &AlertsPage::notificationsToggled);
    connect(model, &QAbstractItemModel::modelReset, this, &AlertsPage::updateSummary);
    connect(model, &AlertsModel::countsChanged, this, &AlertsPage::updateSummary);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsPage::showDetail);
    // The selected alert stays selected when the alerts change (by its condition).
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        m_selected = current.isValid() ? current.data(Qt::UserRole).toString() : QString();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        for (int row = 0; row < m_model->rowCount() && !m_selected.isEmpty(); ++row) {
            const QModelIndex index = m_model->index(row, AlertsModel::FindingColumn);
            if (index.data(Qt::UserRole).toString() == m_selected) {
                m_table->setCurrentIndex(index);
                break;
            }
        }
        showDetail();
    });
    // Updated in place: the selection follows its rows (rows removed from it, or the current
    // one, are told through the selection model); the detail follows the current row's figures.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_table->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row())
                    showDetail();
            });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AlertsPage::updateFix);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AlertsPage::scheduleFit);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AlertsPage::scheduleFit);
    connect(model, &QAbstractItemModel::modelReset, this, &AlertsPage::scheduleFit);
    const auto emptiness = [this] {
        if (!m_table->currentIndex().isValid())
            showDetail(); // "Select an alert…" or nothing, as there are rows or none
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, emptiness);
    connect(model, &QAbstractItemModel::rowsRemoved, this, emptiness);
    updateSummary();
    showDetail();
}

void AlertsPage::scheduleFit() {
    if (isVisible())
        m_fitTimer.start(); // once for a burst of hosts' changes
    else
        m_fitWhenShown = true;
}

void AlertsPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_fitWhenShown)
        m_fitTimer.start();
}

void AlertsPage::fitColumns() {
    m_fitTimer.stop();
    m_fitWhenShown = false;
    m_fitting = true;
    for (int column = 0; column < AlertsModel::ColumnCount; ++column) {
        if (column != AlertsModel::FindingColumn && !m_userWidth.at(column))
            m_table->resizeColumnToContents(column);
    }
    m_fitting = false;
}

QHash<QString, QStringList> AlertsPage::fixableSelection() const {
    QHash<QString, QStringList> guests;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        if (index.row() >= m_model->rowCount())
            continue;
        const HealthFinding &f = m_model->alertAt(index.row()).finding;
        if (f.freePageReportingFixes && !f.uuid.isEmpty() &&
            !guests.value(f.hostId).contains(f.uuid))
            guests[f.hostId] << f.uuid;
    }
    return guests;
}

void AlertsPage::updateFix() {
    m_fix->setEnabled(!fixableSelection().isEmpty());
}

void AlertsPage::showDetail() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_detail->setText(m_model->rowCount() > 0 ? tr("Select an alert to see it in full.")
                                                  : QString());
        return;
    }
    const HealthFinding &f = m_model->alertAt(current.row()).finding;
    QString text = QStringLiteral("<b>%1</b> — %2<br>%3")
                       .arg(healthRuleTitle(f.rule).toHtmlEscaped(),
                            (f.guest.isEmpty() ? tr("the host") : f.guest).toHtmlEscaped(),
                            f.message.toHtmlEscaped());
    if (!f.remedy.isEmpty())
        text += QStringLiteral("<br><i>%1</i> %2")
                    .arg(tr("What to do:").toHtmlEscaped(), f.remedy.toHtmlEscaped());
    m_detail->setText(text);
}

void AlertsPage::setNotificationsEnabled(bool on) {
    const QSignalBlocker block(m_notify);
    m_notify->setChecked(on);
}

void AlertsPage::updateSummary() {
    const int critical = m_model->count(Severity::Critical);
    const int warnings = m_model->count(Severity::Warning);
    const int notes = m_model->count(Severity::Info);
    if (critical + warnings + notes == 0) {
        m_summary->setText(tr("No alerts: every rule is satisfied on the watched hosts."));
        return;
    }
    m_summary->setText(
        tr("%1 critical, %2 warning(s), %3 note(s)").arg(critical).arg(warnings).arg(notes));
}

} // namespace bs::gui
