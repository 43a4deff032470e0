#include "CredentialDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace bs::gui {

bool CredentialDialog::isHostKeyPrompt(const CredentialPrompt &prompt) {
    return prompt.type == CredentialPrompt::Type::EchoPrompt &&
           prompt.prompt.contains(QLatin1String("host key"), Qt::CaseInsensitive);
}

CredentialDialog::CredentialDialog(const CredentialRequest &request, bool keyringOffered,
                                   QWidget *parent)
    : QDialog(parent) {
    auto *layout = new QVBoxLayout(this);
    m_hostKey = request.prompts.size() == 1 && isHostKeyPrompt(request.prompts.constFirst());
    if (m_hostKey) {
        setWindowTitle(tr("Unknown host key"));
        const QString prompt = request.prompts.constFirst().prompt;
        static const QRegularExpression hashRe(QStringLiteral("hash '([^']+)'"));
        static const QRegularExpression hostRe(QStringLiteral("host '([^']+)'"));
        const QString hash = hashRe.match(prompt).captured(1);
        const QString host = hostRe.match(prompt).captured(1);
        auto *text = new QLabel(
            tr("<p>Balloonscope has never seen the SSH key of <b>%1</b>.</p>"
               "<p>Key fingerprint:<br><tt>%2</tt></p>"
               "<p>Accept it only if it matches the host's own key (on the host: "
               "<tt>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</tt>). An accepted key is "
               "added to your known hosts.</p>")
                .arg((host.isEmpty() ? request.uri : host).toHtmlEscaped(),
                     (hash.isEmpty() ? prompt : hash).toHtmlEscaped()),
            this);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(text);
        auto *buttons = new QDialogButtonBox(this);
        QPushButton *acceptButton =
            buttons->addButton(tr("Accept key"), QDialogButtonBox::AcceptRole);
        QPushButton *refuse = buttons->addButton(tr("Refuse"), QDialogButtonBox::RejectRole);
        refuse->setDefault(true);
        connect(acceptButton, &QPushButton::clicked, this, [this] {
            m_accepted = true;
            QDialog::accept();
        });
        connect(refuse, &QPushButton::clicked, this, [this] {
            m_accepted = false;
            QDialog::accept(); // a refusal is an answer ("n"), not a cancelled prompt
        });
        layout->addWidget(buttons);
        return;
    }

    setWindowTitle(tr("Credentials for %1").arg(request.uri));
    auto *intro = new QLabel(tr("The host <b>%1</b> asks for the following to connect.")
                                 .arg(request.uri.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    bool anySecret = false;
    for (const CredentialPrompt &prompt : request.prompts) {
        auto *field = new QLineEdit(this);
        field->setText(prompt.isSecret() ? QString() : prompt.defaultResult);
        if (prompt.isSecret()) {
            field->setEchoMode(QLineEdit::Password);
            anySecret = true;
        }
        if (!prompt.challenge.isEmpty())
            field->setToolTip(prompt.challenge);
        form->addRow(prompt.prompt.isEmpty() ? tr("Answer") : prompt.prompt, field);
        m_fields.append(field);
    }
    layout->addLayout(form);
    if (anySecret) {
        m_remember = new QCheckBox(tr("Remember in the desktop keyring"), this);
        m_remember->setEnabled(keyringOffered);
        if (!keyringOffered)
            m_remember->setToolTip(tr("No desktop keyring is available."));
        layout->addWidget(m_remember);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (!m_fields.isEmpty())
        m_fields.constFirst()->setFocus();
}

QStringList CredentialDialog::answers() const {
    if (m_hostKey)
        return {m_accepted ? QStringLiteral("y") : QStringLiteral("n")};
    QStringList out;
    for (const QLineEdit *field : m_fields)
        out.append(field->text());
    return out;
}

bool CredentialDialog::rememberRequested() const {
    return m_remember && m_remember->isEnabled() && m_remember->isChecked();
}

} // namespace bs::gui
