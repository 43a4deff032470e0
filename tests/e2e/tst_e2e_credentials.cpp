// A password-protected remote login from the GUI, end to end: libvirt's built-in SSH client
// (qemu+libssh) to the test bed's loopback sshd with a client key protected by a passphrase.
// libvirt asks through its auth callbacks; Balloonscope's dialogs answer (driven here as a user
// would: read the dialog, type, click). Runs under tests/support/with-keyring.sh: a private
// HOME and a real Secret Service, so "remember" is tested against a real keyring and the test
// can look at every file under HOME for the secret.
#include "TestBed.h"
#include "TestMain.h"
#include "app/CredentialDialog.h"
#include "app/GuiCredentialProvider.h"
#include "app/HostRegistry.h"
#include "app/KeyringStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>

using namespace bs;
using namespace bs::gui;
using namespace bs::e2e;

namespace {

// Plays the user: answers every credential dialog that shows up, and notes what it saw.
class DialogAnswerer : public QObject {
public:
    QString passphrase;
    bool remember = false;
    bool acceptHostKey = true;
    int hostKeyDialogs = 0;
    int passphraseDialogs = 0;
    QString hostKeyText;

    DialogAnswerer() {
        m_timer.setInterval(50);
        connect(&m_timer, &QTimer::timeout, this, [this] { answer(); });
        m_timer.start();
    }

private:
    void answer() {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<CredentialDialog *>(w);
            if (!dialog || !dialog->isVisible() || dialog->property("answered").toBool())
                continue;
            dialog->setProperty("answered", true);
            if (dialog->isHostKeyQuestion()) {
                ++hostKeyDialogs;
                for (QLabel *label : dialog->findChildren<QLabel *>())
                    hostKeyText += label->text();
                const QString wanted =
                    acceptHostKey ? QStringLiteral("Accept key") : QStringLiteral("Refuse");
                for (QPushButton *b : dialog->findChildren<QPushButton *>())
                    if (b->text() == wanted)
                        b->click();
                continue;
            }
            ++passphraseDialogs;
            for (QLineEdit *field : dialog->findChildren<QLineEdit *>()) {
                if (field->echoMode() == QLineEdit::Password)
                    field->setText(passphrase);
            }
            if (auto *box = dialog->findChild<QCheckBox *>())
                box->setChecked(remember);
            dialog->accept();
        }
    }
    QTimer m_timer;
};

QString readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

} // namespace

class TestE2eCredentials : public QObject {
    Q_OBJECT

    TestBed m_bed;
    QString m_passphrase;
    QString m_uri;

    bool connectOnce(GuiCredentialProvider &provider, HostStatus *last) {
        HostRegistry registry(
            std::shared_ptr<CredentialProvider>(&provider, [](CredentialProvider *) {}));
        QSignalSpy statuses(&registry, &HostRegistry::statusChanged);
        QSignalSpy cycles(&registry, &HostRegistry::cycleReady);
        MonitorConfig config;
        config.uri = m_uri;
        registry.addHost(config);
        const bool connected =
            waitForStatus(statuses, HostStatus::State::Connected, 60000, last) ||
            (statuses.size() > 0 && (*last = statuses.last().at(0).value<HostStatus>(), false));
        if (!connected) {
            if (!statuses.isEmpty())
                *last = statuses.last().at(0).value<HostStatus>();
            return false;
        }
        // and it really monitors: the bed's guests arrive
        return waitForCycle(
            cycles,
            [&](const PollCycle &c) {
                return findGuest(c, m_bed.guest(QStringLiteral("sawtooth")));
            },
            30000);
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        const auto bed = TestBed::load(&why);
        QVERIFY2(bed, qPrintable(why));
        m_bed = *bed;
        QVERIFY2(!qEnvironmentVariableIsEmpty("BS_KEYRING_HOME"),
                 "run through tests/support/with-keyring.sh");
        QVERIFY2(m_bed.sshPort > 0 && QFile::exists(m_bed.sshPassphraseKey),
                 "the bed has no passphrase key");
        m_passphrase = readAll(m_bed.sshPassphraseFile);
        QVERIFY(m_passphrase.size() >= 12);
        // The host key goes to this private HOME's known_hosts, which starts empty: unknown.
        const QString knownHosts = QDir::homePath() + QStringLiteral("/bs-known_hosts");
        QFile::remove(knownHosts);
        m_uri =
            QStringLiteral(
                "qemu+libssh://root@127.0.0.1:%1/system?keyfile=%2&known_hosts=%3&sshauth=privkey")
                .arg(m_bed.sshPort)
                .arg(m_bed.sshPassphraseKey, knownHosts);
    }

    void refusedHostKeyDoesNotConnect() {
        KeyringStore keyring(QStringLiteral("balloonscope-e2e"));
        GuiCredentialProvider provider(&keyring);
        DialogAnswerer user;
        user.acceptHostKey = false;
        user.passphrase = m_passphrase;
        HostStatus last;
        QVERIFY(!connectOnce(provider, &last));
        QCOMPARE(user.hostKeyDialogs, 1);
        QCOMPARE(user.passphraseDialogs, 0); // refused before any secret was asked
        QVERIFY2(last.state == HostStatus::State::AuthFailed ||
                     last.state == HostStatus::State::Disconnected,
                 qPrintable(last.summary(0)));
    }

    void passphraseLoginFromTheDialogs() {
        KeyringStore keyring(QStringLiteral("balloonscope-e2e"));
        GuiCredentialProvider provider(&keyring);
        DialogAnswerer user;
        user.passphrase = m_passphrase;
        user.remember = true;
        HostStatus last;
        QVERIFY2(connectOnce(provider, &last),
                 qPrintable(last.summary(0) + QLatin1Char(' ') + last.detail));
        QCOMPARE(user.hostKeyDialogs, 1);
        QVERIFY2(user.hostKeyText.contains(QLatin1String("127.0.0.1")),
                 qPrintable(user.hostKeyText));
        QCOMPARE(user.passphraseDialogs, 1);
    }

    void rememberedInTheKeyringOnly() {
        // Second login: the host key is known now and the passphrase comes from the keyring.
        KeyringStore keyring(QStringLiteral("balloonscope-e2e"));
        GuiCredentialProvider provider(&keyring);
        DialogAnswerer user;
        user.passphrase = QStringLiteral("not the passphrase");
        HostStatus last;
        QVERIFY2(connectOnce(provider, &last),
                 qPrintable(last.summary(0) + QLatin1Char(' ') + last.detail));
        QCOMPARE(user.hostKeyDialogs, 0);
        QCOMPARE(user.passphraseDialogs, 0);

        // Nothing secret in any file under HOME (the keyring's own file is encrypted).
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            ++files;
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(m_passphrase.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(files > 0);
    }

    void wrongPassphraseFailsWithoutRetrying() {
        KeyringStore keyring(QStringLiteral("balloonscope-e2e"));
        GuiCredentialProvider provider(&keyring);
        bool forgotten = false;
        provider.forget(m_uri, [&] { forgotten = true; });
        QTRY_VERIFY_WITH_TIMEOUT(forgotten, 10000);
        DialogAnswerer user;
        user.passphrase = QStringLiteral("wrong-%1").arg(m_passphrase);
        HostStatus last;
        QVERIFY(!connectOnce(provider, &last));
        QVERIFY(user.passphraseDialogs >= 1);
        QCOMPARE(last.state, HostStatus::State::AuthFailed); // no automatic retry that would nag
    }
};

BS_GUI_TEST_MAIN(TestE2eCredentials)
#include "tst_e2e_credentials.moc"
