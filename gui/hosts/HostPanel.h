#pragma once

#include <QWidget>

class QTreeView;
class QLabel;

namespace bs::gui {

class HostListModel;

// The list of hosts with their connection status. Selecting a host filters the guest table;
// an empty selection shows every host's guests.
class HostPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostPanel)

public:
    HostPanel(HostListModel *model, QWidget *parent = nullptr);

    QString currentHostId() const;
    // A line under the list for what is going on (the demo host starting, say); empty hides it.
    void setNotice(const QString &text);
    QString notice() const;
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void currentHostChanged(const QString &hostId);
    void addRequested();

private:
    void updateEmptyHint();

    HostListModel *m_model;
    QTreeView *m_view;
    QLabel *m_emptyHint;
    QLabel *m_notice;
};

} // namespace bs::gui
