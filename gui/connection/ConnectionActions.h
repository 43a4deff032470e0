#pragma once

#include <QObject>

class QAction;

namespace bs::gui {

class Workbench;

// The connection actions of the window (File menu, toolbar, the host list's context menu):
// New…, Edit…, Remove, Connect, Disconnect on the selected host, each enabled when it applies.
// The dialogs ask; Connections does the work.
class ConnectionActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionActions)

public:
    explicit ConnectionActions(Workbench *bench, QObject *parent = nullptr);

    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    QAction *connectAction() const { return m_connect; }
    QAction *disconnectAction() const { return m_disconnect; }

    void newConnection();
    void editConnection();
    void removeConnection();

private:
    void updateActions();

    Workbench *m_bench;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_remove;
    QAction *m_connect;
    QAction *m_disconnect;
};

} // namespace bs::gui
