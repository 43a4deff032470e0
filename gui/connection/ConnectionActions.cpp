#include "ConnectionActions.h"

#include "ConnectionDialog.h"
#include "Connections.h"
#include "app/HostRegistry.h"
#include "hosts/HostListModel.h"
#include "hosts/HostPanel.h"
#include "libvirt/ConnectionUri.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QMessageBox>
#include <QTreeView>

namespace bs::gui {

ConnectionActions::ConnectionActions(Workbench *bench, QObject *parent)
    : QObject(parent)
    , m_bench(bench)
    , m_new(new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&New Connection…"), this))
    , m_edit(new QAction(QIcon::fromTheme(QStringLiteral("document-edit")), tr("&Edit Connection…"),
                         this))
    , m_remove(new QAction(QIcon::fromTheme(QStringLiteral("list-remove")),
                           tr("&Remove Connection"), this))
    , m_connect(
          new QAction(QIcon::fromTheme(QStringLiteral("network-connect")), tr("&Connect"), this))
    , m_disconnect(new QAction(QIcon::fromTheme(QStringLiteral("network-disconnect")),
                               tr("&Disconnect"), this)) {
    m_new->setShortcut(QKeySequence::New);
    connect(m_new, &QAction::triggered, this, &ConnectionActions::newConnection);
    connect(m_edit, &QAction::triggered, this, &ConnectionActions::editConnection);
    connect(m_remove, &QAction::triggered, this, &ConnectionActions::removeConnection);
    connect(m_connect, &QAction::triggered, this, [this] {
        if (const QString uri = m_bench->selectedHostId(); !uri.isEmpty())
            m_bench->connections()->connectHost(uri);
    });
    connect(m_disconnect, &QAction::triggered, this, [this] {
        if (const QString uri = m_bench->selectedHostId(); !uri.isEmpty())
            m_bench->connections()->disconnectHost(uri);
    });

    HostPanel *hosts = bench->hostPanel();
    hosts->view()->addActions({m_connect, m_disconnect, m_edit, m_remove});
    connect(hosts, &HostPanel::addRequested, this, &ConnectionActions::newConnection);
    connect(bench, &Workbench::hostSelected, this, &ConnectionActions::updateActions);
    connect(bench, &Workbench::liveStateChanged, this, &ConnectionActions::updateActions);
    updateActions();
}

void ConnectionActions::newConnection() {
    ConnectionDialog dialog(m_bench->dialogParent());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_bench->connections()->add(dialog.connection());
}

void ConnectionActions::editConnection() {
    const QString uri = m_bench->selectedHostId();
    if (uri.isEmpty())
        return;
    ConnectionDialog dialog(m_bench->dialogParent());
    dialog.setConnection(m_bench->connections()->savedOrNew(uri));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_bench->connections()->edit(uri, dialog.connection());
}

void ConnectionActions::removeConnection() {
    const QString uri = m_bench->selectedHostId();
    if (uri.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        m_bench->dialogParent(), tr("Remove connection"),
        tr("Stop watching %1 and forget this connection?").arg(hostDisplayName(uri)));
    if (answer != QMessageBox::Yes)
        return;
    m_bench->connections()->forget(uri);
}

void ConnectionActions::updateActions() {
    const QString uri = m_bench->selectedHostId();
    const bool selected = !uri.isEmpty();
    const auto state = m_bench->hostModel()->statusOf(uri).state;
    const bool running = m_bench->registry()->contains(uri) &&
                         state != HostStatus::State::Stopped &&
                         state != HostStatus::State::AuthFailed && state != HostStatus::State::Idle;
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_connect->setEnabled(selected && !running);
    m_disconnect->setEnabled(selected && running);
}

} // namespace bs::gui
