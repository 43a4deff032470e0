#pragma once

#include "libvirt/CredentialProvider.h"

#include <QObject>
#include <QPointer>

#include <condition_variable>
#include <mutex>

class QWidget;

namespace bs::gui {

class KeyringStore;

// Answers libvirt's auth prompts with a dialog on the GUI thread while the host's worker thread
// waits (the worker waits, the GUI thread asks). Answers the user chose to remember come from
// the desktop keyring first; forget() drops them after they failed. cancelAll() releases every
// waiting worker, e.g. when the window closes.
class GuiCredentialProvider final : public QObject, public CredentialProvider {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiCredentialProvider)

public:
    explicit GuiCredentialProvider(KeyringStore *keyring = nullptr, QObject *parent = nullptr);
    ~GuiCredentialProvider() override;

    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }

    // Called on a worker thread; blocks it until the user answers or cancelAll().
    std::optional<QStringList> answer(const CredentialRequest &request) override;
    void cancelAll();
    // The remembered answers for this host failed (or the user wants them gone).
    void forget(const QString &uri, std::function<void()> done = {});

Q_SIGNALS:
    // The dialog is about to show / a keyring write failed: for the status bar.
    void keyringError(const QString &message);

private:
    struct Pending {
        std::mutex mutex;
        std::condition_variable done;
        bool finished = false;
        std::optional<QStringList> answers;
    };
    void ask(const CredentialRequest &request, const std::shared_ptr<Pending> &pending);
    void showDialog(const CredentialRequest &request, const std::shared_ptr<Pending> &pending,
                    const QString &remembered);
    static void finish(const std::shared_ptr<Pending> &pending, std::optional<QStringList> answers);
    static QString signature(const CredentialRequest &request);

    KeyringStore *m_keyring;
    QPointer<QWidget> m_dialogParent;
    std::mutex m_mutex;
    std::vector<std::weak_ptr<Pending>> m_pending;
    bool m_cancelled = false;
};

} // namespace bs::gui
