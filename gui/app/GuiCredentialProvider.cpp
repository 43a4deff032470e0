#include "GuiCredentialProvider.h"

#include "CredentialDialog.h"

#include <QThread>

namespace bs::gui {

GuiCredentialProvider::GuiCredentialProvider(QObject *parent)
    : QObject(parent) {}

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

void GuiCredentialProvider::ask(const CredentialRequest &request,
                                const std::shared_ptr<Pending> &pending) {
    auto *dialog = new CredentialDialog(request, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, dialog, [dialog, pending](int result) {
        finish(pending, result == QDialog::Accepted ? std::optional<QStringList>(dialog->answers())
                                                    : std::nullopt);
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

} // namespace bs::gui
