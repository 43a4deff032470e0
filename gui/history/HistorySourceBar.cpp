#include "HistorySourceBar.h"

#include "HistoryServerDialog.h"
#include "app/KeyringStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QToolButton>

namespace bs::gui {

namespace {

const QString SourceKey = QStringLiteral("history/source");

} // namespace

HistorySourceBar::HistorySourceBar(QSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_keyring(new KeyringStore(QStringLiteral("balloonscope"), this))
    , m_source(new QComboBox(this))
    , m_hostLabel(new QLabel(tr("Host:"), this))
    , m_hosts(new QComboBox(this))
    , m_menu(new QToolButton(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("History &from:"), this);
    label->setBuddy(m_source);
    layout->addWidget(label);
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layout->addWidget(m_source);
    m_hostLabel->setBuddy(m_hosts);
    layout->addWidget(m_hostLabel);
    m_hosts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layout->addWidget(m_hosts);
    m_menu->setText(tr("Servers"));
    m_menu->setToolTip(tr("Add, edit or remove the Prometheus-compatible servers the history "
                          "can be read from"));
    m_menu->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_menu);
    QAction *add = menu->addAction(tr("&Add Server…"));
    QAction *edit = menu->addAction(tr("&Edit Server…"));
    QAction *remove = menu->addAction(tr("&Remove Server"));
    connect(menu, &QMenu::aboutToShow, this, [this, edit, remove] {
        edit->setEnabled(currentServer() >= 0);
        remove->setEnabled(currentServer() >= 0);
    });
    connect(add, &QAction::triggered, this, [this] { editServer(-1); });
    connect(edit, &QAction::triggered, this, [this] { editServer(currentServer()); });
    connect(remove, &QAction::triggered, this, [this] { removeServer(currentServer()); });
    m_menu->setMenu(menu);
    layout->addWidget(m_menu);
    layout->addStretch(1);

    m_servers = HistoryServers::load(m_settings);
    const QString saved = m_settings.value(SourceKey).toString();
    int choose = -1;
    for (int i = 0; i < m_servers.size(); ++i) {
        if (m_servers.at(i).url.toString() == saved)
            choose = i;
    }
    rebuild(choose);
    connect(m_source, &QComboBox::currentIndexChanged, this, &HistorySourceBar::onSourceIndex);
    connect(m_hosts, &QComboBox::currentIndexChanged, this, [this] {
        if (m_hosts->currentIndex() >= 0)
            Q_EMIT hostChosen(m_hosts->currentData().toString());
    });
    if (choose >= 0) // after the page connected: the saved server is chosen again
        QMetaObject::invokeMethod(this, &HistorySourceBar::emitSource, Qt::QueuedConnection);
}

HistorySourceBar::~HistorySourceBar() = default;

int HistorySourceBar::currentServer() const {
    return m_source->currentIndex() - 1;
}

void HistorySourceBar::rebuild(int choose) {
    const QSignalBlocker block(m_source);
    m_source->clear();
    m_source->addItem(tr("This computer"));
    for (const HistoryServer &s : std::as_const(m_servers))
        m_source->addItem(s.name, s.url.toString());
    m_source->setCurrentIndex(choose + 1);
    m_hostLabel->setVisible(choose >= 0);
    m_hosts->setVisible(choose >= 0);
    m_source->setToolTip(choose >= 0 ? m_servers.at(choose).url.toDisplayString()
                                     : tr("The history this computer recorded"));
}

void HistorySourceBar::onSourceIndex(int) {
    const int index = currentServer();
    m_settings.setValue(SourceKey, index >= 0 ? m_servers.at(index).url.toString() : QString());
    rebuild(index);
    emitSource();
}

void HistorySourceBar::chooseServer(int index) {
    m_source->setCurrentIndex(index + 1); // onSourceIndex when it changes
}

void HistorySourceBar::emitSource() {
    const int index = currentServer();
    const quint64 generation = ++m_generation;
    {
        const QSignalBlocker block(m_hosts);
        m_hosts->clear();
    }
    if (index < 0) {
        Q_EMIT sourceChosen({}, tr("This computer"));
        return;
    }
    const HistoryServer server = m_servers.at(index);
    if (server.user.isEmpty()) {
        Q_EMIT sourceChosen(server.url, server.name);
        return;
    }
    if (m_passwords.contains(server.keyringKey())) {
        Q_EMIT sourceChosen(server.urlWithCredentials(m_passwords.value(server.keyringKey())),
                            server.name);
        return;
    }
    // The password from the keyring first (none there: the server will say 401).
    m_keyring->read(server.keyringKey(), this,
                    [this, server, generation](std::optional<QString> password) {
                        if (generation != m_generation)
                            return; // the user chose again meanwhile
                        Q_EMIT sourceChosen(server.urlWithCredentials(password.value_or(QString())),
                                            server.name);
                    });
}

void HistorySourceBar::addServer(const HistoryServer &server, const QString &password) {
    int index = -1;
    for (int i = 0; i < m_servers.size(); ++i) {
        if (m_servers.at(i).url == server.url && m_servers.at(i).user == server.user)
            index = i;
    }
    if (index >= 0)
        m_servers[index] = server;
    else {
        m_servers.append(server);
        index = int(m_servers.size() - 1);
    }
    HistoryServers::save(m_settings, m_servers);
    if (!server.user.isEmpty()) {
        m_passwords.insert(server.keyringKey(), password);
        m_keyring->write(server.keyringKey(), password, this);
    }
    rebuild(index);
    onSourceIndex(index + 1); // chosen, and read again if it was already (edited)
}

void HistorySourceBar::editServer(int index) {
    HistoryServerDialog dialog(this);
    if (index >= 0) {
        const HistoryServer &s = m_servers.at(index);
        dialog.setServer(s, m_passwords.value(s.keyringKey()));
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    const HistoryServer edited = dialog.server();
    if (index >= 0 &&
        !(m_servers.at(index).url == edited.url && m_servers.at(index).user == edited.user)) {
        m_keyring->remove(m_servers.at(index).keyringKey(), this);
        m_servers.removeAt(index); // replaced by the edited one
    }
    addServer(edited, dialog.password());
}

void HistorySourceBar::removeServer(int index) {
    if (index < 0 || index >= m_servers.size())
        return;
    m_keyring->remove(m_servers.at(index).keyringKey(), this);
    m_passwords.remove(m_servers.at(index).keyringKey());
    m_servers.removeAt(index);
    HistoryServers::save(m_settings, m_servers);
    rebuild(-1);
    onSourceIndex(0);
}

void HistorySourceBar::setHosts(const QStringList &hostIds, const QString &current) {
    const QSignalBlocker block(m_hosts);
    m_hosts->clear();
    for (const QString &h : hostIds)
        m_hosts->addItem(h, h);
    if (hostIds.isEmpty())
        m_hosts->addItem(tr("(no host recorded)"));
    m_hosts->setCurrentIndex(qMax(0, int(hostIds.indexOf(current))));
    m_hosts->setEnabled(!hostIds.isEmpty());
}

QString HistorySourceBar::currentHost() const {
    return m_hosts->currentData().toString();
}

} // namespace bs::gui
