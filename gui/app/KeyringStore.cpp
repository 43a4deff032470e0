#include "KeyringStore.h"

#include <qt6keychain/keychain.h>

namespace bs::gui {

KeyringStore::KeyringStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service)) {}

void KeyringStore::read(const QString &key, std::function<void(std::optional<QString>)> done) {
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *finished) {
                auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
                if (readJob->error() == QKeychain::NoError)
                    done(readJob->textData());
                else
                    done(std::nullopt); // not found, or no keyring: ask the user
            });
    job->start();
}

void KeyringStore::write(const QString &key, const QString &secret,
                         std::function<void(QString)> done) {
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(
        job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
            if (done)
                done(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
        });
    job->start();
}

void KeyringStore::remove(const QString &key, std::function<void()> done) {
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    if (done)
        connect(job, &QKeychain::Job::finished, this, [done = std::move(done)] { done(); });
    job->start();
}

} // namespace bs::gui
