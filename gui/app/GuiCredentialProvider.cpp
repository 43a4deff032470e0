#include "GuiCredentialProvider.h"

#include "CredentialDialog.h"
#include "KeyringStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace bs::gui {

GuiCredentialProvider::GuiCredentialProvider(KeyringStore *keyring, QObject *parent)
    : QObject(parent)
    , m_keyring(keyring) {}

GuiCredentialProvider::~GuiCredentialProvider() {
    cancelAll();
}

std::optional<QStringList> GuiCredentialProvider::answer(const CredentialRequest &request) {
    Q_ASSERT(QThread::currentThread() != thread()); // never block the GUI thread on itself
    auto pending = std::make_shared<Pending>();
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled)
            return std::nullopt;
        m_pending.push_back(pending);
    }
    QMetaObject::invokeMethod(
        this, [this, request, pending] { ask(request, pending); }, Qt::QueuedConnection);
    std::unique_lock lock(pending->mutex);
    pending->done.wait(lock, [&] { return pending->finished; });
    return pending->answers;
}

QString GuiCredentialProvider::signature(const CredentialRequest &request) {
    QStringList parts;
    for (const CredentialPrompt &prompt : request.prompts)
        parts.append(QString::number(int(prompt.type)) + QLatin1Char(':') + prompt.prompt);
    return parts.join(QLatin1Char('\n'));
}

void GuiCredentialProvider::ask(const CredentialRequest &request,
                                const std::shared_ptr<Pending> &pending) {
    const bool hostKey = request.prompts.size() == 1 &&
                         CredentialDialog::isHostKeyPrompt(request.prompts.constFirst());
    if (!m_keyring || hostKey) {
        showDialog(request, pending, {}); // a host key is always the user's decision
        return;
    }
    m_keyring->read(request.uri, [this, request, pending](std::optional<QString> stored) {
        const QJsonObject entries =
            QJsonDocument::fromJson(stored.value_or(QString()).toUtf8()).object();
        const QJsonArray answers = entries.value(signature(request)).toArray();
        if (answers.size() == request.prompts.size()) {
            QStringList list;
            for (const QJsonValue &v : answers)
                list.append(v.toString());
            finish(pending, list);
            return;
        }
        showDialog(request, pending, stored.value_or(QString()));
    });
}

void GuiCredentialProvider::showDialog(const CredentialRequest &request,
                                       const std::shared_ptr<Pending> &pending,
                                       const QString &remembered) {
    auto *dialog = new CredentialDialog(request, m_keyring != nullptr, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this,
            [this, dialog, pending, request, remembered](int result) {
                if (result != QDialog::Accepted) {
                    finish(pending, std::nullopt);
                    return;
                }
                const QStringList answers = dialog->answers();
                if (dialog->rememberRequested() && m_keyring) {
                    QJsonObject entries = QJsonDocument::fromJson(remembered.toUtf8()).object();
                    entries.insert(signature(request), QJsonArray::fromStringList(answers));
                    m_keyring->write(
                        request.uri,
                        QString::fromUtf8(QJsonDocument(entries).toJson(QJsonDocument::Compact)),
                        [this](const QString &error) {
                            if (!error.isEmpty())
                                Q_EMIT keyringError(
                                    tr("Could not store the answer in the desktop keyring: %1")
                                        .arg(error));
                        });
                }
                finish(pending, answers);
            });
    dialog->open();
}

void GuiCredentialProvider::finish(const std::shared_ptr<Pending> &pending,
                                   std::optional<QStringList> answers) {
    std::lock_guard lock(pending->mutex);
    if (pending->finished)
        return;
    pending->answers = std::move(answers);
    pending->finished = true;
    pending->done.notify_all();
}

void GuiCredentialProvider::cancelAll() {
    std::vector<std::weak_ptr<Pending>> pending;
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        pending.swap(m_pending);
    }
    for (const auto &weak : pending) {
        if (auto p = weak.lock())
            finish(p, std::nullopt);
    }
}

void GuiCredentialProvider::forget(const QString &uri, std::function<void()> done) {
    if (m_keyring)
        m_keyring->remove(uri, std::move(done));
    else if (done)
        done();
}

} // namespace bs::gui
