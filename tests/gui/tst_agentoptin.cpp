#include "TestMain.h"
#include "readiness/AgentOptIn.h"
#include "settings/Preferences.h"
#include "settings/PreferencesDialog.h"

#include <QCheckBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

namespace {
const QString A = QStringLiteral("qemu:///system");
const QString B = QStringLiteral("qemu+ssh://root@kvm2:2222/system?keyfile=/k&no_verify=1");
} // namespace

class TestAgentOptIn : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> settings(const QString &name) {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

private Q_SLOTS:
    void offUntilTurnedOnPerHost() {
        auto s = settings(QStringLiteral("a.ini"));
        AgentOptIn optIn(*s);
        QSignalSpy changed(&optIn, &AgentOptIn::changed);
        QVERIFY(!optIn.isEnabled(A));
        QVERIFY(!optIn.isConfirmed(A));
        optIn.setEnabled(B, true);
        QVERIFY(optIn.isEnabled(B));
        QVERIFY(optIn.isConfirmed(B));
        QVERIFY(!optIn.isEnabled(A)); // per host
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toString(), B);
        optIn.setEnabled(B, true); // no change, no signal
        QCOMPARE(changed.size(), 1);

        // Remembered in the settings file, URI slashes and all.
        auto again = settings(QStringLiteral("a.ini"));
        AgentOptIn reread(*again);
        QVERIFY(reread.isEnabled(B));
        optIn.setEnabled(B, false);
        QVERIFY(!optIn.isEnabled(B));
        QVERIFY(optIn.isConfirmed(B)); // turning it on again needs no second warning
    }

    void preferenceForNewHosts() {
        auto s = settings(QStringLiteral("b.ini"));
        Preferences prefs;
        prefs.agentChecksByDefault = true;
        prefs.save(*s);
        AgentOptIn optIn(*s);
        QVERIFY(optIn.isEnabled(A)); // no choice for A yet: the preference
        optIn.setEnabled(A, false);
        QVERIFY(!optIn.isEnabled(A)); // an explicit "off" wins
        QVERIFY(optIn.isEnabled(B));
    }

    void preferencesDialogAsksFirst() {
        PreferencesDialog dialog(Preferences{});
        int asked = 0;
        bool answer = false;
        dialog.setAgentConfirmation([&](QWidget *) {
            ++asked;
            return answer;
        });
        dialog.agentCheckBox()->click();
        QCOMPARE(asked, 1);
        QVERIFY(!dialog.preferences().agentChecksByDefault);
        answer = true;
        dialog.agentCheckBox()->click();
        QVERIFY(dialog.preferences().agentChecksByDefault);
        dialog.agentCheckBox()->click(); // turning it off asks nothing
        QCOMPARE(asked, 2);
        QVERIFY(!dialog.preferences().agentChecksByDefault);
    }
};

BS_GUI_TEST_MAIN(TestAgentOptIn)
#include "tst_agentoptin.moc"
