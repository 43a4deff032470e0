#pragma once

#include "libvirt/CredentialProvider.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace bs::gui {

// One form for all of libvirt's questions of one connection attempt. Secret answers are typed
// hidden and go nowhere but to libvirt (and, if the user asks, the desktop keyring). An SSH
// host-key question is shown as such: the key's fingerprint, Accept or Refuse.
class CredentialDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialDialog)

public:
    explicit CredentialDialog(const CredentialRequest &request, bool keyringOffered,
                              QWidget *parent = nullptr);

    QStringList answers() const;
    bool rememberRequested() const;
    bool isHostKeyQuestion() const { return m_hostKey; }

    // libvirt's libssh transport asks "Accept SSH host key with hash '…' for host '…' (y/n)?".
    static bool isHostKeyPrompt(const CredentialPrompt &prompt);

private:
    QList<QLineEdit *> m_fields;
    QCheckBox *m_remember = nullptr;
    bool m_hostKey = false;
    bool m_accepted = false;
};

} // namespace bs::gui
