#pragma once

#include "libvirt/ConnectionUri.h"
#include "settings/SavedConnection.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace bs::gui {

// Add or edit a connection: a preset (this machine, remote over SSH, test driver, custom URI),
// its fields, the resulting URI shown and checked as the user types, with the error next to the
// field at fault.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    void setConnection(const SavedConnection &connection);
    SavedConnection connection() const;

    // For tests: the current validation message ("" when the URI is valid).
    QString errorText() const;

private:
    void presetChanged();
    void revalidate();
    void browseKeyFile();
    void showError(ConnectionUri::Field field, const QString &message);
    ConnectionForm form() const;

    QComboBox *m_preset;
    QStackedWidget *m_pages;
    QLineEdit *m_user;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_keyFile;
    QCheckBox *m_remoteSession;
    QComboBox *m_sshClient;
    QLineEdit *m_customUri;
    QLineEdit *m_preview;
    QCheckBox *m_readOnly;
    QCheckBox *m_autoConnect;
    QDialogButtonBox *m_buttons;
    QMap<ConnectionUri::Field, QLabel *> m_errorLabels;
    QLabel *m_generalError;
    QString m_currentError;
    QString m_currentUri;
};

} // namespace bs::gui
