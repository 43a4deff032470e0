#include "TestMain.h"
#include "connection/ConnectionDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace bs;
using namespace bs::gui;

class TestConnectionDialog : public QObject {
    Q_OBJECT

    static QLineEdit *edit(ConnectionDialog &d, int index) {
        return d.findChildren<QLineEdit *>().at(index);
    }
    static QPushButton *ok(ConnectionDialog &d) {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    static QLineEdit *hostEdit(ConnectionDialog &d) {
        return d.findChild<QLineEdit *>(QStringLiteral("host"));
    }
    static QLineEdit *keyFileEdit(ConnectionDialog &d) {
        return d.findChild<QLineEdit *>(QStringLiteral("keyFile"));
    }
    // The error messages the user sees right now (the red labels next to the fields).
    static QStringList shownErrors(ConnectionDialog &d) {
        QStringList out;
        for (const QLabel *label : d.findChildren<QLabel *>(QStringLiteral("fieldError"))) {
            if (label->isVisibleTo(&d))
                out.append(label->text());
        }
        return out;
    }
    static void chooseSsh(ConnectionDialog &d) {
        auto *preset = d.findChild<QComboBox *>();
        preset->setCurrentIndex(preset->findData(int(ConnectionForm::Preset::RemoteSsh)));
    }

private Q_SLOTS:
    void localSystemIsValidAtOnce() {
        ConnectionDialog d;
        QCOMPARE(d.connection().uri, QStringLiteral("qemu:///system"));
        QVERIFY(d.errorText().isEmpty());
        QVERIFY(ok(d)->isEnabled());
    }

    void sshFormValidatesAsYouType() {
        ConnectionDialog d;
        chooseSsh(d);
        // No host yet: known, but not shown in red before the user has touched the field.
        QVERIFY(d.errorText().contains(QLatin1String("host")));
        QCOMPARE(shownErrors(d), QStringList());
        QVERIFY(ok(d)->isEnabled());
        // Typing shows the verdict as the user goes: a host, then none again.
        QTest::keyClicks(hostEdit(d), QStringLiteral("kvm1"));
        QCOMPARE(d.connection().uri, QStringLiteral("qemu+ssh://kvm1/system"));
        QCOMPARE(shownErrors(d), QStringList());
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(hostEdit(d), Qt::Key_Backspace);
        QCOMPARE(shownErrors(d), QStringList{d.errorText()});
        QVERIFY(!ok(d)->isEnabled());

        SavedConnection c;
        c.uri = QStringLiteral("qemu+ssh://root@kvm1:2222/system?keyfile=/k");
        d.setConnection(c);
        QVERIFY(ok(d)->isEnabled());
        QCOMPARE(d.connection().uri, c.uri);

        auto *port = d.findChild<QSpinBox *>();
        QCOMPARE(port->value(), 2222);
    }

    void okRevealsWhatIsMissing() {
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        chooseSsh(d);
        QCOMPARE(shownErrors(d), QStringList());
        ok(d)->click();
        QVERIFY(d.isVisible()); // not accepted: the form is not valid
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QCOMPARE(shownErrors(d), QStringList{d.errorText()});
        QVERIFY(!ok(d)->isEnabled());
        QCOMPARE(QApplication::focusWidget(), hostEdit(d)); // where the fix goes
    }

    void leavingAFieldTouchesIt() {
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        chooseSsh(d);
        hostEdit(d)->setFocus(Qt::TabFocusReason);
        QCOMPARE(shownErrors(d), QStringList()); // in the empty field: not yet
        keyFileEdit(d)->setFocus(Qt::TabFocusReason);
        QCOMPARE(shownErrors(d), QStringList{d.errorText()}); // tabbed past it empty
    }

    void keyFileLabelIsAMnemonic() {
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        chooseSsh(d);
        QLabel *label = nullptr;
        for (QLabel *l : d.findChildren<QLabel *>()) {
            if (l->text() == QLatin1String("SSH &key file:"))
                label = l;
        }
        QVERIFY(label);
        QCOMPARE(label->buddy(), keyFileEdit(d)); // the "&" is a mnemonic, not a character
        QTest::keyClick(&d, Qt::Key_K, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), keyFileEdit(d));
    }

    void rawUriErrorsAreShown() {
        ConnectionDialog d;
        SavedConnection c;
        c.uri = QStringLiteral("qemu+ssh://h:99999/system");
        d.setConnection(c); // not a valid URI: lands in the custom page with the error
        QVERIFY(!ok(d)->isEnabled());
        QVERIFY2(d.errorText().contains(QLatin1String("99999")), qPrintable(d.errorText()));
        QCOMPARE(shownErrors(d), QStringList{d.errorText()}); // a saved URI was the user's input
        QVERIFY(d.connection().uri.isEmpty());
    }

    void readOnlyAndAutoConnectKept() {
        ConnectionDialog d;
        SavedConnection c;
        c.uri = QStringLiteral("test:///default");
        c.readOnly = true;
        c.autoConnect = false;
        d.setConnection(c);
        QCOMPARE(d.connection(), c);
    }
};

BS_GUI_TEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
