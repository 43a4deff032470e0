#include "ConnectionDialog.h"

#include "process/SshProcessReader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFocusEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

using Preset = ConnectionForm::Preset;
using Field = ConnectionUri::Field;

// The pages of m_pages.
constexpr int NothingPage = 0;
constexpr int SshPage = 1;
constexpr int CustomPage = 2;

QLabel *errorLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("fieldError"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: #b3261e; "
                                        "border-radius: 3px; padding: 2px 4px;"));
    label->hide();
    return label;
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_preset(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_user(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_keyFile(new QLineEdit(this))
    , m_remoteSession(new QCheckBox(tr("Connect to the user's session daemon (/session)"), this))
    , m_sshClient(new QComboBox(this))
    , m_customUri(new QLineEdit(this))
    , m_preview(new QLineEdit(this))
    , m_readOnly(new QCheckBox(tr("Read-only (monitor only; changes are disabled)"), this))
    , m_sshFigures(new QCheckBox(tr("Read each guest's swap and memory pressure over SSH"), this))
    , m_sshFiguresInfo(new QPushButton(tr("What It Runs…"), this))
    , m_autoConnect(new QCheckBox(tr("Connect when Balloonscope starts"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_generalError(errorLabel(this)) {
    setWindowTitle(tr("Connection"));
    setMinimumWidth(520);

    m_preset->addItem(tr("This machine: system (qemu:///system)"), int(Preset::LocalSystem));
    m_preset->addItem(tr("This machine: session (qemu:///session)"), int(Preset::LocalSession));
    m_preset->addItem(tr("Remote host over SSH"), int(Preset::RemoteSsh));
    m_preset->addItem(tr("libvirt test driver (test:///default)"), int(Preset::TestDriver));
    m_preset->addItem(tr("Custom URI"), int(Preset::Custom));

    // Page 0: nothing to fill in. Page 1: SSH fields. Page 2: raw URI.
    auto *emptyPage = new QLabel(tr("Nothing else to fill in."), this);
    emptyPage->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_pages->addWidget(emptyPage);

    auto *sshPage = new QWidget(this);
    auto *ssh = new QFormLayout(sshPage);
    m_user->setObjectName(QStringLiteral("user"));
    m_host->setObjectName(QStringLiteral("host"));
    m_keyFile->setObjectName(QStringLiteral("keyFile"));
    m_user->setPlaceholderText(tr("root"));
    m_host->setPlaceholderText(tr("kvm1.example.com"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default (22)"));
    m_keyFile->setPlaceholderText(tr("optional, e.g. ~/.ssh/id_ed25519"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile);
    auto *browse = new QPushButton(tr("Browse…"), sshPage);
    keyRow->addWidget(browse);
    m_errorLabels.insert(Field::User, errorLabel(sshPage));
    m_errorLabels.insert(Field::Host, errorLabel(sshPage));
    m_errorLabels.insert(Field::Port, errorLabel(sshPage));
    m_errorLabels.insert(Field::KeyFile, errorLabel(sshPage));
    ssh->addRow(tr("&User:"), m_user);
    ssh->addRow(QString(), m_errorLabels.value(Field::User));
    ssh->addRow(tr("&Host:"), m_host);
    ssh->addRow(QString(), m_errorLabels.value(Field::Host));
    ssh->addRow(tr("&Port:"), m_port);
    ssh->addRow(QString(), m_errorLabels.value(Field::Port));
    // The row's field is a layout: the label needs its buddy set by hand, or its "&" is shown
    // as a literal ampersand instead of a mnemonic.
    auto *keyLabel = new QLabel(tr("SSH &key file:"), sshPage);
    keyLabel->setBuddy(m_keyFile);
    ssh->addRow(keyLabel, keyRow);
    ssh->addRow(QString(), m_errorLabels.value(Field::KeyFile));
    m_sshClient->addItem(tr("OpenSSH (your ssh keys, agent and config)"), false);
    m_sshClient->addItem(tr("Built-in (asks for passwords and host keys here)"), true);
    m_sshClient->setToolTip(tr("OpenSSH needs key or agent authentication and a known host key. "
                               "The built-in client (libssh) asks for passwords, key passphrases "
                               "and unknown host keys in Balloonscope."));
    ssh->addRow(tr("SSH c&lient:"), m_sshClient); // Alt+C goes to "Connect to"
    ssh->addRow(QString(), m_remoteSession);
    m_pages->addWidget(sshPage);

    auto *customPage = new QWidget(this);
    auto *custom = new QFormLayout(customPage);
    m_customUri->setPlaceholderText(
        QStringLiteral("qemu+ssh://root@kvm1/system?keyfile=/path/key"));
    custom->addRow(tr("&URI:"), m_customUri);
    m_pages->addWidget(customPage);

    m_preview->setReadOnly(true);
    auto *editRaw = new QPushButton(tr("Edit URI"), this);
    editRaw->setToolTip(tr("Edit the URI by hand (switches to \"Custom URI\")"));
    auto *previewRow = new QHBoxLayout;
    previewRow->addWidget(m_preview);
    previewRow->addWidget(editRaw);

    auto *top = new QFormLayout;
    top->addRow(tr("&Connect to:"), m_preset);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pages);
    auto *bottom = new QFormLayout;
    bottom->addRow(tr("Resulting URI:"), previewRow);
    layout->addLayout(bottom);
    layout->addWidget(m_generalError);
    layout->addWidget(m_readOnly);
    m_sshFigures->setObjectName(QStringLiteral("sshProcessFigures"));
    m_sshFigures->setToolTip(
        tr("At every poll, runs one fixed read-only command with the same SSH access: it reads "
           "the QEMU processes' swap (VmSwap) and their cgroup's memory pressure (PSI). "
           "Needs key or agent authentication."));
    auto *sshFiguresRow = new QHBoxLayout;
    sshFiguresRow->addWidget(m_sshFigures);
    sshFiguresRow->addWidget(m_sshFiguresInfo);
    sshFiguresRow->addStretch(1);
    layout->addLayout(sshFiguresRow);
    layout->addWidget(m_autoConnect);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    m_autoConnect->setChecked(true);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &ConnectionDialog::presetChanged);
    for (QLineEdit *edit : {m_user, m_host, m_keyFile, m_customUri}) {
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
        connect(edit, &QLineEdit::textEdited, this, [this, edit] { touch(edit); });
        edit->installEventFilter(this);
    }
    m_port->installEventFilter(this);
    connect(m_port, &QSpinBox::valueChanged, this, [this] {
        m_touched.insert(m_port);
        revalidate();
    });
    connect(m_remoteSession, &QCheckBox::toggled, this, &ConnectionDialog::revalidate);
    connect(m_sshClient, &QComboBox::currentIndexChanged, this, &ConnectionDialog::revalidate);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browseKeyFile);
    connect(m_sshFiguresInfo, &QPushButton::clicked, this, &ConnectionDialog::showSshCommand);
    connect(editRaw, &QPushButton::clicked, this, [this] {
        const QString uri = m_currentUri;
        m_preset->setCurrentIndex(m_preset->findData(int(Preset::Custom)));
        if (!uri.isEmpty())
            m_customUri->setText(uri);
        m_customUri->setFocus();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::tryAccept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    presetChanged();
}

void ConnectionDialog::presetChanged() {
    const auto preset = Preset(m_preset->currentData().toInt());
    m_pages->setCurrentIndex(preset == Preset::RemoteSsh ? SshPage
                             : preset == Preset::Custom  ? CustomPage
                                                         : NothingPage);
    revalidate();
}

ConnectionForm ConnectionDialog::form() const {
    ConnectionForm f;
    f.preset = Preset(m_preset->currentData().toInt());
    f.user = m_user->text().trimmed();
    f.host = m_host->text().trimmed();
    f.port = m_port->value();
    QString key = m_keyFile->text().trimmed();
    if (key.startsWith(QLatin1String("~/")))
        key = QDir::homePath() + key.mid(1);
    f.keyFile = key;
    f.remoteSession = m_remoteSession->isChecked();
    f.builtinSsh = m_sshClient->currentData().toBool();
    f.customUri = m_customUri->text();
    return f;
}

bool ConnectionDialog::eventFilter(QObject *watched, QEvent *event) {
    // Leaving a field counts as touching it: an empty Host the user tabbed past is an error.
    // Another window taking the focus (a file dialog, the desktop) is not leaving it.
    if (event->type() == QEvent::FocusOut &&
        static_cast<QFocusEvent *>(event)->reason() != Qt::ActiveWindowFocusReason &&
        static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason)
        touch(qobject_cast<QWidget *>(watched));
    return QDialog::eventFilter(watched, event);
}

void ConnectionDialog::touch(QWidget *input) {
    if (!input || m_touched.contains(input))
        return;
    m_touched.insert(input);
    revalidate();
}

QWidget *ConnectionDialog::inputAt(ConnectionUri::Field field) const {
    switch (m_pages->currentIndex()) {
    case SshPage:
        switch (field) {
        case Field::User:
            return m_user;
        case Field::Host:
            return m_host;
        case Field::Port:
            return m_port;
        case Field::KeyFile:
            return m_keyFile;
        default:
            return nullptr;
        }
    case CustomPage:
        return m_customUri;
    default:
        return nullptr;
    }
}

bool ConnectionDialog::errorMayShow(ConnectionUri::Field field) const {
    if (m_revealAll || m_pages->currentIndex() == NothingPage)
        return true;
    if (QWidget *input = inputAt(field))
        return m_touched.contains(input);
    return !m_touched.isEmpty(); // not one field's fault: once the user has touched any
}

void ConnectionDialog::showError(ConnectionUri::Field field, const QString &message) {
    for (QLabel *label : std::as_const(m_errorLabels))
        label->hide();
    m_generalError->hide();
    m_currentError = message;
    m_currentErrorField = field;
    if (message.isEmpty() || !errorMayShow(field))
        return;
    QLabel *label = m_errorLabels.value(field, nullptr);
    if (!label || m_pages->currentIndex() != SshPage)
        label = m_generalError;
    label->setText(message);
    label->show();
}

void ConnectionDialog::revalidate() {
    const auto result = form().toUri();
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    if (const auto *error = std::get_if<ConnectionUri::ParseError>(&result)) {
        m_currentUri.clear();
        m_preview->setText(QString());
        showError(error->field, error->message);
        // While the error is not shown yet, OK stays enabled: pressing it shows what is missing.
        ok->setEnabled(!errorMayShow(error->field));
        return;
    }
    const ConnectionUri &uri = std::get<ConnectionUri>(result);
    m_currentUri = uri.toString();
    m_preview->setText(m_currentUri);
    // Over OpenSSH only: a local host's figures are read anyway, other transports have no shell.
    const bool ssh = uri.isRemote() && uri.transport() == QLatin1String("ssh");
    m_sshFigures->setEnabled(ssh);
    m_sshFiguresInfo->setEnabled(ssh);
    showError(Field::Uri, QString());
    ok->setEnabled(true);
}

void ConnectionDialog::tryAccept() {
    if (m_currentError.isEmpty()) {
        accept();
        return;
    }
    m_revealAll = true;
    revalidate();
    if (QWidget *input = inputAt(m_currentErrorField))
        input->setFocus(Qt::OtherFocusReason);
}

void ConnectionDialog::browseKeyFile() {
    const QString start = m_keyFile->text().isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh")
                                                      : m_keyFile->text();
    const QString file = QFileDialog::getOpenFileName(this, tr("SSH private key"), start);
    if (!file.isEmpty())
        m_keyFile->setText(file);
}

void ConnectionDialog::showSshCommand() {
    QMessageBox box(QMessageBox::Information, tr("Swap and Memory Pressure over SSH"),
                    tr("With this on, Balloonscope runs at every poll, through OpenSSH with the "
                       "connection's user, host, port and key (BatchMode: it never asks for a "
                       "password):"),
                    QMessageBox::Close, this);
    box.setInformativeText(
        tr("ssh HOST exec sh -c '…'\n\nThe command (below) only reads: for each QEMU process, "
           "its -uuid argument, the VmSwap line of /proc/PID/status, /proc/PID/cgroup, and the "
           "memory.pressure file of the guest's cgroup. It changes nothing on the host."));
    box.setDetailedText(process::SshProcessReader::remoteScript());
    box.exec();
}

void ConnectionDialog::setConnection(const SavedConnection &connection) {
    const auto parsed = ConnectionUri::parse(connection.uri);
    ConnectionForm f;
    if (const auto *uri = std::get_if<ConnectionUri>(&parsed)) {
        f = ConnectionForm::fromUri(*uri);
    } else {
        f.preset = Preset::Custom;
        f.customUri = connection.uri;
    }
    m_user->setText(f.user);
    m_host->setText(f.host);
    m_port->setValue(f.port);
    m_keyFile->setText(f.keyFile);
    m_remoteSession->setChecked(f.remoteSession);
    m_sshClient->setCurrentIndex(f.builtinSsh ? 1 : 0);
    m_customUri->setText(f.customUri);
    m_readOnly->setChecked(connection.readOnly);
    m_sshFigures->setChecked(connection.sshProcessFigures);
    m_autoConnect->setChecked(connection.autoConnect);
    m_preset->setCurrentIndex(m_preset->findData(int(f.preset)));
    m_revealAll = true; // what was saved is the user's own input: its errors show at once
    revalidate();
}

SavedConnection ConnectionDialog::connection() const {
    SavedConnection c;
    c.uri = m_currentUri;
    c.readOnly = m_readOnly->isChecked();
    c.sshProcessFigures = m_sshFigures->isEnabled() && m_sshFigures->isChecked();
    c.autoConnect = m_autoConnect->isChecked();
    return c;
}

QString ConnectionDialog::errorText() const {
    return m_currentError;
}

} // namespace bs::gui
