#include "KeyringStore.h"

#include <QPointer>
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
    // On the keyring thread, after the last job.
    void end() {
        m_pump.stop();
        if (!m_context)
            return;
        pumpGlib();
        g_main_context_pop_thread_default(m_context);
        g_main_context_unref(m_context);
        m_context = nullptr;
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

KeyringStore::KeyringStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_worker(new KeyringWorker) {
    m_thread.setObjectName(QStringLiteral("keyring"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, [worker = m_worker] { worker->begin(); });
    connect(&m_thread, &QThread::finished, m_worker, [worker = m_worker] {
        worker->end();
        worker->deleteLater(); // deferred deletions still run as the thread finishes
    });
    m_thread.start();
}

KeyringStore::~KeyringStore() {
    m_thread.quit();
    m_thread.wait();
}

void KeyringStore::deliver(const QPointer<const QObject> &receiver, std::function<void()> answer) {
    // Called on the keyring thread; the answer is posted to this (GUI-thread) object, which
    // outlives the keyring thread, and checks there whether its receiver still lives.
    QMetaObject::invokeMethod(
        this,
        [receiver, answer = std::move(answer)] {
            if (receiver)
                answer();
        },
        Qt::QueuedConnection);
}

void KeyringStore::read(const QString &key, const QObject *receiver,
                        std::function<void(std::optional<QString>)> done) {
    const QPointer<const QObject> context(receiver ? receiver : this);
    QMetaObject::invokeMethod(m_worker, [this, key, context, done = std::move(done)]() mutable {
        auto *job = new QKeychain::ReadPasswordJob(m_service);
        job->setKey(key);
        m_worker->run(job, [this, context, done = std::move(done)](QKeychain::Job *finished) {
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
    QMetaObject::invokeMethod(
        m_worker, [this, key, secret, context, done = std::move(done)]() mutable {
            auto *job = new QKeychain::WritePasswordJob(m_service);
            job->setKey(key);
            job->setTextData(secret);
            m_worker->run(job, [this, context, done = std::move(done)](QKeychain::Job *finished) {
                const QString error =
                    finished->error() == QKeychain::NoError ? QString() : finished->errorString();
                if (done)
                    deliver(context, [done, error] { done(error); });
            });
        });
}

void KeyringStore::remove(const QString &key, const QObject *context, std::function<void()> done) {
    QMetaObject::invokeMethod(m_worker, [this, key, context, done = std::move(done)]() mutable {
        auto *job = new QKeychain::DeletePasswordJob(m_service);
        job->setKey(key);
        m_worker->run(job, [this, context, done = std::move(done)](QKeychain::Job *) {
            if (done)
                deliver(context, done);
        });
    });
}

} // namespace bs::gui
