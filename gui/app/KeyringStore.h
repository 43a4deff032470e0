#pragma once

#include <QObject>

#include <functional>
#include <optional>

namespace bs::gui {

// Secrets in the desktop keyring (Secret Service / KWallet through QtKeychain), one entry per
// host URI. Never falls back to a file: when no keyring runs, reads find nothing and writes
// report an error. Asynchronous; callbacks run on this object's (the GUI) thread.
class KeyringStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyringStore)

public:
    explicit KeyringStore(QString service = QStringLiteral("balloonscope"),
                          QObject *parent = nullptr);

    // Each callback runs only while `context` lives: a job that outlives its caller (a slow
    // keyring under load) must not call into a destroyed object.
    void read(const QString &key, const QObject *context,
              std::function<void(std::optional<QString>)> done);
    void write(const QString &key, const QString &secret, const QObject *context,
               std::function<void(QString error)> done = {});
    void remove(const QString &key, const QObject *context = nullptr,
                std::function<void()> done = {});

private:
    QString m_service;
};

} // namespace bs::gui
