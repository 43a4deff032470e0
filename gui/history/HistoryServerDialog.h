#pragma once

#include "HistoryServers.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bs {
class HistoryReader;
struct GuestInfo;
} // namespace bs

namespace bs::gui {

// Adds or edits a Prometheus-compatible server the History page reads from: a name, its URL,
// an optional user and password (HTTP basic auth; the password goes to the keyring), and a
// "Test" that asks the server for the hosts and guests it holds, off the GUI thread.
class HistoryServerDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryServerDialog)

public:
    explicit HistoryServerDialog(QWidget *parent = nullptr);
    ~HistoryServerDialog() override;

    void setServer(const HistoryServer &server, const QString &password);
    HistoryServer server() const;
    QString password() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_result; }

Q_SIGNALS:
    void tested(bool ok);

private:
    void validate();
    void test();
    void onGuests(quint64 id, const QList<GuestInfo> &guests);
    void onFailed(quint64 id, const QString &message);

    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_test;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    std::unique_ptr<HistoryReader> m_reader;
    quint64 m_testId = 0;
};

} // namespace bs::gui
