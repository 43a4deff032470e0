#pragma once

#include "libvirt/CredentialProvider.h"

#include <QDialog>

class QLineEdit;

namespace bs::gui {

// One form for all of libvirt's questions of one connection attempt; secret answers are typed
// hidden and never leave this dialog except to libvirt.
class CredentialDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialDialog)

public:
    explicit CredentialDialog(const CredentialRequest &request, QWidget *parent = nullptr);
    QStringList answers() const;

private:
    QList<QLineEdit *> m_fields;
};

} // namespace bs::gui
