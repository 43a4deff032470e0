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

    void read(const QString &key, std::function<void(std::optional<QString>)> done);
    void write(const QString &key, const QString &secret,
               std::function<void(QString error)> done = {});
    void remove(const QString &key, std::function<void()> done = {});

private:
    QString m_service;
};

} // namespace bs::gui
