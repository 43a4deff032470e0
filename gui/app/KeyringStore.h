#pragma once

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace bs::gui {

class KeyringWorker;

// Secrets in the desktop keyring (Secret Service / KWallet through QtKeychain), one entry per
// host URI. Never falls back to a file: when no keyring runs, reads find nothing and writes
// report an error. Asynchronous; callbacks run on the main (GUI) thread.
//
// The keyring jobs run on a thread of their own with its own GLib main context. QtKeychain's
// Secret Service backend (libsecret) delivers its answers through the GLib main context that
// was the thread's default when the job started; in this process the GUI thread runs no GLib
// loop (QT_NO_GLIB) and the only loop iterating GLib's global default context is libvirt's
// event thread. Without a context of their own, the jobs' answers ran on libvirt's thread and
// raced the GUI thread inside QtKeychain (a crash seen under load).
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
    KeyringWorker *m_worker = nullptr; // the process's keyring thread (shared, never stopped)
};

} // namespace bs::gui
