#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <utility>

class QAction;
class QMenu;
class QSettings;
class QTableView;

namespace bs::gui {

class GuestTableModel;

// The guest table's columns: which are shown and how wide they are.
//
// Shown: what the user chose in the header's context menu, else the default: every column, but
// Host only while more than one host is watched (with one, it repeats the same name on every
// row). Name is always shown.
// Widths: fitted to the header text and the content (fonts and languages differ), figure columns
// never narrower than their widest usual figure, and narrowed text columns when the whole does
// not fit the table, so no column hides behind a horizontal scroll bar; refitted when rows come
// and go, content changes, or the table is resized. A column the user drags keeps that width.
//
// The user's choices (shown or hidden, dragged widths, the sort column) are remembered by column
// key in the settings' "guestTable" group, so a version with other columns reads them safely.
class GuestColumns final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestColumns)

public:
    GuestColumns(QTableView *view, GuestTableModel *model, QObject *parent = nullptr);

    // Reads the user's choices from `settings` and keeps them there from now on.
    void useSettings(QSettings *settings);
    // The number of hosts watched: Host is shown by default only for more than one.
    void setWatchedHosts(int count);

    bool isShown(int column) const;
    // The user's choice (from the context menu): it wins over the default and is remembered.
    void setShown(int column, bool shown);
    // Forgets the user's choices: default columns, fitted widths.
    void reset();
    // The header's context menu: a checkable entry per column, then "Reset columns".
    QMenu *menu() const { return m_menu; }
    // Fits the widths now (otherwise this happens shortly after what changes them).
    void fitNow();
    // For tests: whether a refit is due (polls that change only figures cause none).
    bool fitPending() const { return m_fitTimer.isActive(); }
    // For tests: the text columns the last fit measured through the item delegate (the others
    // kept the width measured before: their content had not changed).
    QList<int> lastMeasured() const { return m_lastMeasured; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenu();
    void updateMenu();
    void applyVisibility();
    void scheduleFit(int delayMs);
    void onSectionResized(int column, int oldSize, int newSize);
    void saveSort();
    int textMargin() const;
    void markAllStale();
    // The rows a fit measures: those on screen, at most FitRows (first, last; last < first: none).
    std::pair<int, int> measuredRows() const;
    // A text column's content through the item delegate (icons, fonts), cached until it changes.
    int textContentWidth(int column);
    // A figure column's content: plain text in the view's font, measured every fit (cheap).
    int figureContentWidth(int column, std::pair<int, int> rows) const;

    QPointer<QTableView> m_view;
    // Compared by address only: the filter also sees events while the view is being destroyed.
    const QObject *m_headerViewport = nullptr;
    const QObject *m_viewViewport = nullptr;
    GuestTableModel *m_model;
    QSettings *m_settings = nullptr;
    QMenu *m_menu;
    QList<QAction *> m_columnActions; // by column
    QHash<int, bool> m_chosen;        // column → shown, as the user chose
    QHash<int, int> m_userWidths;     // column → px, as the user dragged it
    QHash<int, int> m_contentWidths;  // text column → px, as last measured
    QSet<int> m_staleContent;         // text columns whose content changed since
    QList<int> m_lastMeasured;
    int m_watchedHosts = 0;
    bool m_fitting = false;       // the widths being changed are ours, not the user's
    bool m_mouseOnHeader = false; // a button is down on the header: a resize is the user's
    QTimer m_fitTimer;
};

} // namespace bs::gui
