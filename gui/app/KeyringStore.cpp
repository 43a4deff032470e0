#include "KeyringStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <glib.h>

namespace bs::gui {

// Owns the keyring thread's GLib main context and pumps it while jobs are under way.
class KeyringWorker final : public QObject {
public:
    KeyringWorker() {
        m_pump.setParent(this); // moves to the keyring thread with the worker
        m_pump.setInterval(10);
        connect(&m_pump, &QTimer::timeout, this, [this] { pumpGlib(); });
    }

    // On the keyring thread, before the first job: libsecret binds each call to the thread's
    // default context at the time it starts.
    void begin() {
        m_context = g_main_context_new();
        g_main_context_push_thread_default(m_context);
    }
    // Starts `job` (created on this thread); `finished` runs here when it is done.
    void run(QKeychain::Job *job, std::function<void(QKeychain::Job *)> finished) {
        ++m_running;
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        connect(job, &QKeychain::Job::finished, this,
                [this, finished = std::move(finished)](QKeychain::Job *done) {
                    finished(done);
                    if (--m_running == 0)
                        m_pump.stop();
                });
        job->start();
        m_pump.start();
    }

private:
    void pumpGlib() {
        if (m_context)
            while (g_main_context_iteration(m_context, FALSE)) {
            }
    }

    GMainContext *m_context = nullptr;
    QTimer m_pump;
    int m_running = 0;
};

namespace {

// One keyring thread for the process, started with the first KeyringStore and never stopped:
// QtKeychain queues every job through a singleton that lives in the thread of the first job, so
// a thread that ended would leave every later job waiting forever. Reachable through this
// static, so not a leak; the process's exit ends it.
KeyringWorker *keyringWorker() {
    static KeyringWorker *const worker = [] {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("keyring"));
        auto *w = new KeyringWorker;
        w->moveToThread(thread);
        // Direct: started is emitted on the new thread before it handles any queued job.
        QObject::connect(
            thread, &QThread::started, w, [w] { w->begin(); }, Qt::DirectConnection);
        thread->start();
        return w;
    }();
    return worker;
}

// Called on the keyring thread: runs `answer` on the main (GUI) thread if `receiver` still
// lives. Posted to the application object, which outlives every receiver.
void deliver(const QPointer<const QObject> &receiver, std::function<void()> answer) {
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [receiver, answer = std::move(answer)] {
            if (receiver)
                answer();
        },
        Qt::QueuedConnection);
}

} // namespace

KeyringStore::KeyringStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_worker(keyringWorker()) {}

void KeyringStore::read(const QString &key, const QObject *receiver,
                        std::function<void(std::optional<QString>)> done) {
    const QPointer<const QObject> context(receiver ? receiver : this);
    KeyringWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, service = m_service, key, context, done = std::move(done)]() mutable {
            auto *job = new QKeychain::ReadPasswordJob(service);
            job->setKey(key);
            worker->run(job, [context, done = std::move(done)](QKeychain::Job *finished) {
                auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
                std::optional<QString> value;
                if (readJob->error() == QKeychain::NoError)
                    value = readJob->textData(); // else not found, or no keyring: ask the user
                deliver(context, [done, value] { done(value); });
            });
        });
}

void KeyringStore::write(const QString &key, const QString &secret, const QObject *receiver,
                         std::function<void(QString)> done) {
    const QPointer<const QObject> context(receiver ? receiver : this);
    KeyringWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, service = m_service, key, secret, context,
                                       done = std::move(done)]() mutable {
        auto *job = new QKeychain::WritePasswordJob(service);
        job->setKey(key);
        job->setTextData(secret);
        worker->run(job, [context, done = std::move(done)](QKeychain::Job *finished) {
            const QString error =
                finished->error() == QKeychain::NoError ? QString() : finished->errorString();
            if (done)
                deliver(context, [done, error] { done(error); });
        });
    });
}

void KeyringStore::remove(const QString &key, const QObject *receiver, std::function<void()> done) {
    const QPointer<const QObject> context(receiver ? receiver : this);
    KeyringWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, service = m_service, key, context, done = std::move(done)]() mutable {
            auto *job = new QKeychain::DeletePasswordJob(service);
            job->setKey(key);
            worker->run(job, [context, done = std::move(done)](QKeychain::Job *) {
                if (done)
                    deliver(context, done);
            });
        });
}

} // namespace bs::gui
