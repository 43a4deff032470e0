#include "TestMain.h"
#include "connection/ConnectionDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
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

private Q_SLOTS:
    void localSystemIsValidAtOnce() {
        ConnectionDialog d;
        QCOMPARE(d.connection().uri, QStringLiteral("qemu:///system"));
        QVERIFY(d.errorText().isEmpty());
        QVERIFY(ok(d)->isEnabled());
    }

    void sshFormValidatesAsYouType() {
        ConnectionDialog d;
        auto *preset = d.findChild<QComboBox *>();
        preset->setCurrentIndex(preset->findData(int(ConnectionForm::Preset::RemoteSsh)));
        // no host yet
        QVERIFY(!ok(d)->isEnabled());
        QVERIFY(d.errorText().contains(QLatin1String("host")));

        SavedConnection c;
        c.uri = QStringLiteral("qemu+ssh://root@kvm1:2222/system?keyfile=/k");
        d.setConnection(c);
        QVERIFY(ok(d)->isEnabled());
        QCOMPARE(d.connection().uri, c.uri);

        auto *port = d.findChild<QSpinBox *>();
        QCOMPARE(port->value(), 2222);
    }

    void rawUriErrorsAreShown() {
        ConnectionDialog d;
        SavedConnection c;
        c.uri = QStringLiteral("qemu+ssh://h:99999/system");
        d.setConnection(c); // not a valid URI: lands in the custom page with the error
        QVERIFY(!ok(d)->isEnabled());
        QVERIFY2(d.errorText().contains(QLatin1String("99999")), qPrintable(d.errorText()));
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
