#pragma once

#include "libvirt/ConnectionUri.h"
#include "settings/SavedConnection.h"

#include <QDialog>
#include <QMap>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace bs::gui {

// Add or edit a connection: a preset (this machine, remote over SSH, test driver, custom URI),
// its fields, the resulting URI shown and checked as the user types, with the error next to the
// field at fault. A field's error shows once the user has touched that field (typed in it or left
// it) or pressed OK: an empty form does not greet the user in red.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    void setConnection(const SavedConnection &connection);
    SavedConnection connection() const;

    // For tests: the current validation message ("" when the URI is valid), shown or not.
    QString errorText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void presetChanged();
    void revalidate();
    void browseKeyFile();
    void showSshCommand();
    void tryAccept();
    void touch(QWidget *input);
    void showError(ConnectionUri::Field field, const QString &message);
    QWidget *inputAt(ConnectionUri::Field field) const;
    bool errorMayShow(ConnectionUri::Field field) const;
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
    QCheckBox *m_sshFigures;
    QPushButton *m_sshFiguresInfo;
    QCheckBox *m_autoConnect;
    QDialogButtonBox *m_buttons;
    QMap<ConnectionUri::Field, QLabel *> m_errorLabels;
    QLabel *m_generalError;
    QString m_currentError;
    ConnectionUri::Field m_currentErrorField = ConnectionUri::Field::Uri;
    QString m_currentUri;
    QSet<QWidget *> m_touched; // inputs the user typed in or left
    bool m_revealAll = false;  // OK was pressed, or a saved connection was loaded
};

} // namespace bs::gui
