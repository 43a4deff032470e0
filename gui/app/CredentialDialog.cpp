#include "CredentialDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace bs::gui {

CredentialDialog::CredentialDialog(const CredentialRequest &request, QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Credentials for %1").arg(request.uri));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The host <b>%1</b> asks for the following to connect.")
                                 .arg(request.uri.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    for (const CredentialPrompt &prompt : request.prompts) {
        auto *field = new QLineEdit(this);
        field->setText(prompt.isSecret() ? QString() : prompt.defaultResult);
        if (prompt.isSecret())
            field->setEchoMode(QLineEdit::Password);
        QString label = prompt.prompt.isEmpty() ? tr("Answer") : prompt.prompt;
        if (!prompt.challenge.isEmpty())
            field->setToolTip(prompt.challenge);
        form->addRow(label, field);
        m_fields.append(field);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (!m_fields.isEmpty())
        m_fields.constFirst()->setFocus();
}

QStringList CredentialDialog::answers() const {
    QStringList out;
    for (const QLineEdit *field : m_fields)
        out.append(field->text());
    return out;
}

} // namespace bs::gui
