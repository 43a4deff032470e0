#pragma once

#include <QWidget>

class QLineEdit;
class QSettings;
class QTableView;

namespace bs::gui {

class GuestColumns;
class GuestTableModel;
class GuestFilterProxy;

// The guest table with its filter box. Emits the guest the user selects. Its columns (shown,
// widths, sort) are remembered in `settings` when given.
class GuestPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestPanel)

public:
    GuestPanel(GuestTableModel *model, QSettings *settings, QWidget *parent = nullptr);

    GuestFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    GuestColumns *columns() const { return m_columns; }
    void focusFilter();
    // The selected guests (host id, uuid) in view order.
    QList<QPair<QString, QString>> selectedGuests() const;

Q_SIGNALS:
    void currentGuestChanged(const QString &hostId, const QString &uuid);

private:
    void emitCurrent();

    GuestTableModel *m_model;
    GuestFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    GuestColumns *m_columns;
};

} // namespace bs::gui
