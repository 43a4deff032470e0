#include "TestMain.h"
#include "app/CredentialDialog.h"
#include "app/GuiCredentialProvider.h"
#include "app/KeyringStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

#include <future>
#include <thread>

using namespace bs;
using namespace bs::gui;

namespace {

CredentialRequest passwordRequest(const QString &uri) {
    CredentialRequest r;
    r.uri = uri;
    CredentialPrompt user;
    user.type = CredentialPrompt::Type::Username;
    user.prompt = QStringLiteral("Username");
    user.defaultResult = QStringLiteral("admin");
    CredentialPrompt pass;
    pass.type = CredentialPrompt::Type::Passphrase;
    pass.prompt = QStringLiteral("Enter admin's password for kvm1");
    r.prompts = {user, pass};
    return r;
}

CredentialDialog *waitForDialog() {
    CredentialDialog *found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *d = qobject_cast<CredentialDialog *>(w); d && d->isVisible())
                    found = d;
            }
            return found != nullptr;
        },
        5000);
    return found;
}

// Runs answer() on a worker thread, as a host's monitor does.
std::future<std::optional<QStringList>> askFromWorker(GuiCredentialProvider &provider,
                                                      const CredentialRequest &request) {
    return std::async(std::launch::async,
                      [&provider, request] { return provider.answer(request); });
}

// An answer, or {"<timeout>"} so the comparison that follows fails visibly.
std::optional<QStringList> waitForAnswer(std::future<std::optional<QStringList>> &future) {
    if (!QTest::qWaitFor(
            [&] {
                return future.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready;
            },
            5000))
        return QStringList{QStringLiteral("<timeout>")};
    return future.get();
}

std::optional<QString> readKeyring(KeyringStore &keyring, const QString &key) {
    // The receiver dies with this call: a read that answers after the wait (a keyring slow
    // under load) is dropped instead of writing into this stack frame.
    QObject receiver;
    std::optional<QString> value;
    bool done = false;
    keyring.read(key, &receiver, [&](std::optional<QString> v) {
        value = std::move(v);
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 15000);
    return value;
}

} // namespace

// Runs under tests/support/with-keyring.sh: a real Secret Service with a throw-away HOME.
class TestCredentials : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void workerWaitsForTheUsersAnswer() {
        GuiCredentialProvider provider(nullptr);
        auto future =
            askFromWorker(provider, passwordRequest(QStringLiteral("qemu+libssh://kvm1/system")));
        CredentialDialog *dialog = waitForDialog();
        QVERIFY(dialog);
        const auto fields = dialog->findChildren<QLineEdit *>();
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(0)->text(), QStringLiteral("admin")); // libvirt's default shown
        QCOMPARE(fields.at(1)->echoMode(), QLineEdit::Password);
        fields.at(1)->setText(QStringLiteral("hunter2"));
        dialog->accept();
        const auto answer = waitForAnswer(future);
        QVERIFY(answer);
        QCOMPARE(*answer, (QStringList{QStringLiteral("admin"), QStringLiteral("hunter2")}));
    }

    void cancelMeansNoAnswer() {
        GuiCredentialProvider provider(nullptr);
        auto future =
            askFromWorker(provider, passwordRequest(QStringLiteral("qemu+libssh://kvm1/system")));
        CredentialDialog *dialog = waitForDialog();
        QVERIFY(dialog);
        dialog->reject();
        QVERIFY(!waitForAnswer(future).has_value());
    }

    void cancelAllReleasesWaitingWorkers() {
        GuiCredentialProvider provider(nullptr);
        auto future =
            askFromWorker(provider, passwordRequest(QStringLiteral("qemu+libssh://kvm1/system")));
        QVERIFY(waitForDialog());
        provider.cancelAll();
        QVERIFY(!waitForAnswer(future).has_value());
        // and later requests are declined at once
        auto later =
            askFromWorker(provider, passwordRequest(QStringLiteral("qemu+libssh://kvm2/system")));
        QVERIFY(!waitForAnswer(later).has_value());
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *d = qobject_cast<CredentialDialog *>(w))
                d->close();
    }

    void unknownHostKeyIsShownToAcceptOrRefuse_data() {
        QTest::addColumn<bool>("accept");
        QTest::newRow("refuse") << false;
        QTest::newRow("accept") << true;
    }
    void unknownHostKeyIsShownToAcceptOrRefuse() {
        QFETCH(bool, accept);
        GuiCredentialProvider provider(nullptr);
        CredentialRequest r;
        r.uri = QStringLiteral("qemu+libssh://root@127.0.0.1:2222/system");
        CredentialPrompt key;
        key.type = CredentialPrompt::Type::EchoPrompt;
        // libvirt's libssh transport asks exactly this
        key.prompt = QStringLiteral(
            "Accept SSH host key with hash 'SHA256:abcDEF123' for host '127.0.0.1:2222' (y/n)?");
        r.prompts = {key};
        auto future = askFromWorker(provider, r);
        CredentialDialog *dialog = waitForDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isHostKeyQuestion());
        bool shown = false;
        for (QLabel *label : dialog->findChildren<QLabel *>())
            shown |= label->text().contains(QLatin1String("SHA256:abcDEF123")) &&
                     label->text().contains(QLatin1String("127.0.0.1:2222"));
        QVERIFY(shown);
        QVERIFY(dialog->findChildren<QLineEdit *>().isEmpty()); // buttons, not a y/n field
        const QString label = accept ? QStringLiteral("Accept key") : QStringLiteral("Refuse");
        QPushButton *button = nullptr;
        for (QPushButton *b : dialog->findChildren<QPushButton *>())
            if (b->text() == label)
                button = b;
        QVERIFY(button);
        button->click();
        const auto answer = waitForAnswer(future);
        QVERIFY(answer);
        QCOMPARE(*answer, QStringList{accept ? QStringLiteral("y") : QStringLiteral("n")});
    }

    void aKeyringStoreAfterAnotherIsGoneStillAnswers() {
        // QtKeychain queues jobs through a singleton bound to the thread of the first job: a
        // second store, made after the first one is destroyed, must still be answered.
        const QString key = QStringLiteral("qemu+libssh://kvm7/system");
        {
            KeyringStore first(QStringLiteral("balloonscope-test"));
            QObject receiver;
            bool written = false;
            first.write(key, QStringLiteral("one"), &receiver,
                        [&](const QString &error) { written = error.isEmpty(); });
            QTRY_VERIFY_WITH_TIMEOUT(written, 15000);
        }
        KeyringStore second(QStringLiteral("balloonscope-test"));
        QCOMPARE(readKeyring(second, key), std::optional<QString>(QStringLiteral("one")));
        QObject receiver;
        bool removed = false;
        second.remove(key, &receiver, [&] { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 15000);
        QCOMPARE(readKeyring(second, key), std::nullopt);
    }

    void rememberedAnswersComeFromTheKeyringOnly() {
        const QByteArray home = qgetenv("BS_KEYRING_HOME");
        QVERIFY2(!home.isEmpty(), "run this test through tests/support/with-keyring.sh");
        KeyringStore keyring(QStringLiteral("balloonscope-test"));
        GuiCredentialProvider provider(&keyring);
        const QString uri = QStringLiteral("qemu+libssh://admin@kvm9/system");
        const QString secret =
            QStringLiteral("Xy7-very-secret-%1").arg(QCoreApplication::applicationPid());

        auto first = askFromWorker(provider, passwordRequest(uri));
        CredentialDialog *dialog = waitForDialog();
        QVERIFY(dialog);
        auto *remember = dialog->findChild<QCheckBox *>();
        QVERIFY(remember && remember->isEnabled());
        remember->setChecked(true);
        dialog->findChildren<QLineEdit *>().at(1)->setText(secret);
        dialog->accept();
        QCOMPARE(waitForAnswer(first)->at(1), secret);

        // Stored in the keyring: the next identical request is answered without a dialog.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto stored = readKeyring(keyring, uri);
                return stored && stored->contains(secret);
            },
            10000));
        auto second = askFromWorker(provider, passwordRequest(uri));
        const auto again = waitForAnswer(second);
        QVERIFY(again);
        QCOMPARE(again->at(1), secret);

        // Nowhere in a file under HOME in plain text (the keyring file is encrypted).
        QDirIterator it(QString::fromLocal8Bit(home), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }

        // After it failed, it is forgotten: the user is asked again.
        provider.forget(uri);
        QVERIFY(QTest::qWaitFor([&] { return !readKeyring(keyring, uri).has_value(); }, 10000));
        auto third = askFromWorker(provider, passwordRequest(uri));
        CredentialDialog *asked = waitForDialog();
        QVERIFY(asked);
        asked->reject();
        QVERIFY(!waitForAnswer(third).has_value());
    }
};

BS_GUI_TEST_MAIN(TestCredentials)
#include "tst_credentials.moc"
