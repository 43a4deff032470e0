#pragma once

#include "history/HistoryStatus.h"

#include <QColor>
#include <QHash>
#include <QWidget>

class QListView;
class QStandardItemModel;
class QStandardItem;

namespace bs::gui {

// The guests of a host that have history, each with a check box: the checked ones are compared
// on the History page's guest chart, each in its own colour (shown as a swatch).
class GuestPicker final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestPicker)

public:
    explicit GuestPicker(QWidget *parent = nullptr);

    // The guests to list; the checked ones stay checked.
    void setGuests(const QList<GuestInfo> &guests);
    // Replaces the checked guests (the guest table's selection); unknown ones are checked as
    // soon as setGuests lists them.
    void setChecked(const QStringList &uuids);
    // In the order they were checked (the colours follow it).
    QStringList checkedUuids() const;
    bool contains(const QString &uuid) const { return m_items.contains(uuid); }
    QString nameOf(const QString &uuid) const;
    void setColors(const QHash<QString, QColor> &colors);
    QListView *view() const { return m_view; }
    int guestCount() const;

Q_SIGNALS:
    void checkedChanged(const QStringList &uuids);

private:
    void onItemChanged(QStandardItem *item);
    void applyWanted();

    QListView *m_view;
    QStandardItemModel *m_model;
    QHash<QString, QStandardItem *> m_items; // by uuid
    QStringList m_checked;                   // in check order
    QStringList m_wanted;                    // checked but not listed yet
    bool m_updating = false;
};

} // namespace bs::gui
