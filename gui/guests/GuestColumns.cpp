#include "GuestColumns.h"

#include "ColumnFit.h"
#include "GuestTableModel.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QTableView>

#include <algorithm>

namespace bs::gui {

namespace {

const QString Group = QStringLiteral("guestTable");
constexpr int SoonMs = 0;             // rows, columns or the table's size changed
constexpr int ContentChangeMs = 1000; // at most one refit a second for changing text
constexpr int FitRows = 50;           // rows a fit measures (those shown first)

QString shownKey(int column) {
    return Group + QStringLiteral("/shown/") + GuestTableModel::columnKey(column);
}

QString widthKey(int column) {
    return Group + QStringLiteral("/width/") + GuestTableModel::columnKey(column);
}

} // namespace

GuestColumns::GuestColumns(QTableView *view, GuestTableModel *model, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
    , m_menu(new QMenu(view)) {
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    m_headerViewport = header->viewport();
    m_viewViewport = view->viewport();
    header->viewport()->installEventFilter(this);
    view->viewport()->installEventFilter(this);
    buildMenu();

    m_fitTimer.setSingleShot(true);
    connect(&m_fitTimer, &QTimer::timeout, this, &GuestColumns::fitNow);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](QPoint pos) {
        updateMenu();
        m_menu->popup(header->viewport()->mapToGlobal(pos));
    });
    connect(header, &QHeaderView::sectionResized, this, &GuestColumns::onSectionResized);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &GuestColumns::saveSort);

    // A fit measures up to FitRows rows, those on screen first, not 1,000 (Qt's default): with
    // 5,000 guests a refit measured 1,000 rows × 11 columns, 125 ms on the GUI thread, and 100
    // rows still stood out in the profile.
    view->verticalHeader()->setResizeContentsPrecision(FitRows);
    // A text column is measured again only when its content changed (a readiness badge that
    // turns measures the readiness column alone); figures are plain text, measured every fit.
    const QAbstractItemModel *shown = view->model();
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(shown, signal, this, [this] {
            markAllStale();
            scheduleFit(SoonMs);
        });
    connect(shown, &QAbstractItemModel::modelReset, this, [this] {
        markAllStale();
        scheduleFit(SoonMs);
    });
    // Other rows on screen (a sort): measured at the next fit, which the sort itself needs not.
    connect(shown, &QAbstractItemModel::layoutChanged, this, &GuestColumns::markAllStale);
    connect(shown, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                // Figures are sized for their widest usual value and the age column stretches:
                // new figures and ages (every poll, every second) need no refit.
                bool refit = false;
                for (int column = from.column(); column <= to.column(); ++column) {
                    if (GuestTableModel::isFigureColumn(column))
                        continue;
                    m_staleContent.insert(column);
                    refit = refit || column != GuestTableModel::LastReport;
                }
                if (refit)
                    scheduleFit(ContentChangeMs);
            });
    markAllStale();
    applyVisibility();
}

void GuestColumns::buildMenu() {
    for (int column = 0; column < GuestTableModel::ColumnCount; ++column) {
        auto *action = m_menu->addAction(QString());
        action->setCheckable(true);
        if (column == GuestTableModel::Name)
            action->setEnabled(false); // a row without its guest's name means nothing
        connect(action, &QAction::triggered, this,
                [this, column](bool checked) { setShown(column, checked); });
        m_columnActions.append(action);
    }
    m_menu->addSeparator();
    QAction *reset = m_menu->addAction(tr("Reset Columns"));
    reset->setToolTip(tr("Show the default columns at widths that fit the table."));
    connect(reset, &QAction::triggered, this, &GuestColumns::reset);
}

void GuestColumns::updateMenu() {
    for (int column = 0; column < m_columnActions.size(); ++column) {
        QAction *action = m_columnActions.at(column);
        action->setText(m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setChecked(isShown(column));
    }
}

void GuestColumns::useSettings(QSettings *settings) {
    m_settings = settings;
    m_chosen.clear();
    m_userWidths.clear();
    if (!settings)
        return;
    // The header state saved by earlier versions: widths by position, of another set of columns.
    settings->remove(QStringLiteral("window/guestHeader"));
    settings->remove(QStringLiteral("window/guestColumns"));
    for (int column = 0; column < GuestTableModel::ColumnCount; ++column) {
        if (column != GuestTableModel::Name && settings->contains(shownKey(column)))
            m_chosen.insert(column, settings->value(shownKey(column)).toBool());
        const int width = settings->value(widthKey(column)).toInt();
        if (width > 0)
            m_userWidths.insert(column, width);
    }
    const int sortColumn = GuestTableModel::columnOfKey(
        settings->value(Group + QStringLiteral("/sortColumn")).toString());
    if (sortColumn >= 0) {
        const bool descending = settings->value(Group + QStringLiteral("/sortOrder")).toString() ==
                                QLatin1String("descending");
        m_view->sortByColumn(sortColumn, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    applyVisibility();
    for (auto it = m_userWidths.cbegin(); it != m_userWidths.cend(); ++it) {
        m_fitting = true;
        m_view->horizontalHeader()->resizeSection(it.key(), it.value());
        m_fitting = false;
    }
    scheduleFit(SoonMs);
}

void GuestColumns::setWatchedHosts(int count) {
    m_watchedHosts = count;
    applyVisibility();
}

bool GuestColumns::isShown(int column) const {
    if (column == GuestTableModel::Name)
        return true;
    if (const auto it = m_chosen.constFind(column); it != m_chosen.constEnd())
        return *it;
    return column != GuestTableModel::Host || m_watchedHosts > 1;
}

void GuestColumns::setShown(int column, bool shown) {
    if (column <= GuestTableModel::Name || column >= GuestTableModel::ColumnCount)
        return;
    m_chosen.insert(column, shown);
    if (m_settings)
        m_settings->setValue(shownKey(column), shown);
    applyVisibility();
}

void GuestColumns::markAllStale() {
    for (int column = 0; column < GuestTableModel::ColumnCount; ++column)
        if (!GuestTableModel::isFigureColumn(column))
            m_staleContent.insert(column);
}

void GuestColumns::reset() {
    markAllStale();
    m_chosen.clear();
    m_userWidths.clear();
    if (m_settings)
        m_settings->remove(Group);
    applyVisibility();
    fitNow();
}

void GuestColumns::applyVisibility() {
    bool changed = false;
    for (int column = 0; column < GuestTableModel::ColumnCount; ++column) {
        const bool hidden = !isShown(column);
        if (m_view->isColumnHidden(column) != hidden) {
            m_view->setColumnHidden(column, hidden);
            if (!hidden && !GuestTableModel::isFigureColumn(column))
                m_staleContent.insert(column);
            changed = true;
        }
    }
    if (changed)
        scheduleFit(SoonMs);
}

void GuestColumns::scheduleFit(int delayMs) {
    if (!m_fitTimer.isActive() || m_fitTimer.remainingTime() > delayMs)
        m_fitTimer.start(delayMs);
}

int GuestColumns::textMargin() const {
    // What the item delegate puts around a cell's text (QCommonStyle's viewItemSize), and the
    // grid line.
    const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view);
    return 2 * (margin + 1) + (m_view->showGrid() ? 1 : 0);
}

std::pair<int, int> GuestColumns::measuredRows() const {
    const int count = m_view->model()->rowCount();
    if (count == 0)
        return {0, -1};
    // As QTableView::sizeHintForColumn takes them: from the top row on screen.
    const QHeaderView *rows = m_view->verticalHeader();
    const int top = std::max(0, rows->visualIndexAt(0));
    int bottom = rows->visualIndexAt(m_view->viewport()->height());
    if (!m_view->isVisible() || bottom < 0)
        bottom = count - 1;
    return {top, std::min({bottom, top + FitRows - 1, count - 1})};
}

int GuestColumns::textContentWidth(int column) {
    const auto cached = m_contentWidths.constFind(column);
    if (cached != m_contentWidths.constEnd() && !m_staleContent.contains(column))
        return *cached;
    // sizeHintForColumn is public in QAbstractItemView, protected in QTableView.
    const int width = static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(column);
    m_contentWidths.insert(column, width);
    m_staleContent.remove(column);
    m_lastMeasured.append(column);
    return width;
}

int GuestColumns::figureContentWidth(int column, std::pair<int, int> rows) const {
    // What the delegate measures for a cell of plain text (no icon, no font of its own): the
    // text's advance and textMargin().
    const QAbstractItemModel *shown = m_view->model();
    const QFontMetrics metrics = m_view->fontMetrics();
    int widest = 0;
    for (int visual = rows.first; visual <= rows.second; ++visual) {
        const int row = m_view->verticalHeader()->logicalIndex(visual);
        widest = std::max(widest,
                          metrics.horizontalAdvance(shown->index(row, column).data().toString()));
    }
    return widest > 0 ? widest + textMargin() : 0;
}

void GuestColumns::fitNow() {
    if (!m_view)
        return;
    if (m_mouseOnHeader) { // not under the user's hand while a column is dragged
        scheduleFit(ContentChangeMs);
        return;
    }
    m_fitTimer.stop();
    m_lastMeasured.clear();
    const std::pair<int, int> rows = measuredRows();
    QHeaderView *header = m_view->horizontalHeader();
    QList<int> columns;
    QList<ColumnNeed> needs;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (header->isSectionHidden(column))
            continue;
        ColumnNeed need;
        if (const auto it = m_userWidths.constFind(column); it != m_userWidths.constEnd()) {
            need.natural = need.minimum = *it;
            need.fixed = true;
        } else {
            const int headerWidth = header->sectionSizeHint(column);
            const int content = GuestTableModel::isFigureColumn(column)
                                    ? figureContentWidth(column, rows)
                                    : textContentWidth(column);
            const QString figure = m_model->widestFigure(column);
            const int figureWidth =
                figure.isEmpty() ? 0
                                 : m_view->fontMetrics().horizontalAdvance(figure) + textMargin();
            need.natural = std::max({headerWidth, content, figureWidth});
            // A figure never elides: it does not shrink at all.
            need.minimum = GuestTableModel::isFigureColumn(column) ? need.natural : headerWidth;
        }
        columns.append(column);
        needs.append(need);
    }
    // Room to spare goes partly to every column (two characters each), not all to the last one.
    const QList<int> widths = fitColumns(needs, m_view->viewport()->width(),
                                         2 * m_view->fontMetrics().averageCharWidth());
    m_fitting = true;
    for (int i = 0; i < columns.size(); ++i) {
        if (header->sectionSize(columns.at(i)) != widths.at(i))
            header->resizeSection(columns.at(i), widths.at(i));
    }
    m_fitting = false;
}

void GuestColumns::onSectionResized(int column, int oldSize, int newSize) {
    Q_UNUSED(oldSize)
    if (m_fitting || !m_mouseOnHeader || newSize <= 0)
        return;
    // The last visible column stretches to fill the table: its width follows the others'.
    QHeaderView *header = m_view->horizontalHeader();
    for (int visual = header->count() - 1; visual >= 0; --visual) {
        const int last = header->logicalIndex(visual);
        if (header->isSectionHidden(last))
            continue;
        if (last == column && header->stretchLastSection())
            return;
        break;
    }
    m_userWidths.insert(column, newSize);
    if (m_settings)
        m_settings->setValue(widthKey(column), newSize);
}

void GuestColumns::saveSort() {
    if (!m_settings)
        return;
    QHeaderView *header = m_view->horizontalHeader();
    m_settings->setValue(Group + QStringLiteral("/sortColumn"),
                         GuestTableModel::columnKey(header->sortIndicatorSection()));
    m_settings->setValue(Group + QStringLiteral("/sortOrder"),
                         header->sortIndicatorOrder() == Qt::DescendingOrder
                             ? QStringLiteral("descending")
                             : QStringLiteral("ascending"));
}

bool GuestColumns::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_headerViewport) {
        // A column resized while a button is down on the header is the user dragging its edge
        // (or double-clicking it).
        if (event->type() == QEvent::MouseButtonPress ||
            event->type() == QEvent::MouseButtonDblClick)
            m_mouseOnHeader = true;
        else if (event->type() == QEvent::MouseButtonRelease)
            m_mouseOnHeader = false;
    } else if (watched == m_viewViewport && event->type() == QEvent::Resize) {
        scheduleFit(SoonMs);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace bs::gui
