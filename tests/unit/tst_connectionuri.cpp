#include "TestMain.h"
#include "libvirt/ConnectionUri.h"

using namespace bs;
using Field = ConnectionUri::Field;
Q_DECLARE_METATYPE(ConnectionUri::Field)

class TestConnectionUri : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void valid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("driver");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("roundTrip");

        QTest::newRow("system") << "qemu:///system"
                                << "qemu"
                                << ""
                                << ""
                                << "" << 0 << "/system"
                                << "qemu:///system";
        QTest::newRow("session") << "qemu:///session"
                                 << "qemu"
                                 << ""
                                 << ""
                                 << "" << 0 << "/session"
                                 << "qemu:///session";
        QTest::newRow("test") << "test:///default"
                              << "test"
                              << ""
                              << ""
                              << "" << 0 << "/default"
                              << "test:///default";
        QTest::newRow("ssh") << "qemu+ssh://root@kvm1.example.com/system"
                             << "qemu"
                             << "ssh"
                             << "root"
                             << "kvm1.example.com" << 0 << "/system"
                             << "qemu+ssh://root@kvm1.example.com/system";
        QTest::newRow("ssh port key")
            << "qemu+ssh://root@127.0.0.1:2222/system?keyfile=/root/.ssh/id_ed25519&no_verify=1"
            << "qemu"
            << "ssh"
            << "root"
            << "127.0.0.1" << 2222 << "/system"
            << "qemu+ssh://root@127.0.0.1:2222/system?keyfile=/root/.ssh/id_ed25519&no_verify=1";
        QTest::newRow("uppercase scheme") << "QEMU+SSH://h/system"
                                          << "qemu"
                                          << "ssh"
                                          << ""
                                          << "h" << 0 << "/system"
                                          << "qemu+ssh://h/system";
        QTest::newRow("tls") << "qemu+tls://host.example/system"
                             << "qemu"
                             << "tls"
                             << ""
                             << "host.example" << 0 << "/system"
                             << "qemu+tls://host.example/system";
        QTest::newRow("ipv6") << "qemu+ssh://root@[::1]:22/system"
                              << "qemu"
                              << "ssh"
                              << "root"
                              << "::1" << 22 << "/system"
                              << "qemu+ssh://root@[::1]:22/system";
        QTest::newRow("embed") << "qemu:///embed?root=/tmp/demo"
                               << "qemu"
                               << ""
                               << ""
                               << "" << 0 << "/embed"
                               << "qemu:///embed?root=/tmp/demo";
        QTest::newRow("lxc") << "lxc:///system"
                             << "lxc"
                             << ""
                             << ""
                             << "" << 0 << "/system"
                             << "lxc:///system";
        // found by fuzz_connection_uri: a path holding "://" must survive a round trip
        QTest::newRow("path with separator") << "test:///de://rt"
                                             << "test"
                                             << ""
                                             << ""
                                             << "" << 0 << "/de://rt"
                                             << "test:///de://rt";
        QTest::newRow("encoded space in a test path") << "test:///tmp/my%20host.xml"
                                                      << "test"
                                                      << ""
                                                      << ""
                                                      << "" << 0 << "/tmp/my host.xml"
                                                      << "test:///tmp/my%20host.xml";
        QTest::newRow("surrounding spaces trimmed") << "  qemu:///system  "
                                                    << "qemu"
                                                    << ""
                                                    << ""
                                                    << "" << 0 << "/system"
                                                    << "qemu:///system";
    }

    void valid() {
        QFETCH(QString, text);
        const auto parsed = ConnectionUri::parse(text);
        if (const auto *e = std::get_if<ConnectionUri::ParseError>(&parsed))
            QFAIL(qPrintable(e->message));
        const auto &uri = std::get<ConnectionUri>(parsed);
        QTEST(uri.driver(), "driver");
        QTEST(uri.transport(), "transport");
        QTEST(uri.user(), "user");
        QTEST(uri.host(), "host");
        QTEST(uri.port(), "port");
        QTEST(uri.path(), "path");
        QTEST(uri.toString(), "roundTrip");
    }

    void invalid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Field>("field");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("empty") << "" << Field::Uri << "Enter a connection URI";
        QTest::newRow("blank") << "   " << Field::Uri << "Enter a connection URI";
        QTest::newRow("spaces") << "qemu+ssh://my host/system" << Field::Uri << "spaces";
        QTest::newRow("no scheme") << "kvm1.example.com" << Field::Uri << "://";
        QTest::newRow("unknown scheme") << "kvm://host/system" << Field::Driver << "\"kvm\"";
        QTest::newRow("unknown transport")
            << "qemu+telnet://host/system" << Field::Transport << "\"telnet\"";
        QTest::newRow("ssh without host") << "qemu+ssh:///system" << Field::Host << "needs a host";
        QTest::newRow("libssh without host")
            << "qemu+libssh:///system" << Field::Host << "needs a host";
        QTest::newRow("port too big") << "qemu+ssh://h:70000/system" << Field::Port << "70000";
        QTest::newRow("port zero") << "qemu+ssh://h:0/system" << Field::Port << "out of range";
        QTest::newRow("port not a number") << "qemu+ssh://h:ab/system" << Field::Port << "\"ab\"";
        QTest::newRow("password in uri")
            << "qemu+ssh://root:secret@h/system" << Field::User << "password";
        // found by fuzz_connection_uri: QUrl cannot percent-encode a noncharacter and read it back
        QTest::newRow("noncharacter")
            << QStringLiteral("test:///x") + QString::fromUcs4(U"\U000FFFFF") << Field::Uri
            << "noncharacter";
        QTest::newRow("qemu bad path") << "qemu:///root" << Field::Path << "/system";
        QTest::newRow("qemu no path") << "qemu+ssh://h" << Field::Path << "/system";
        QTest::newRow("embed without root") << "qemu:///embed" << Field::Path << "root";
        QTest::newRow("unix with host") << "qemu+unix://h/system" << Field::Host << "local";
    }

    void invalid() {
        QFETCH(QString, text);
        QFETCH(Field, field);
        QFETCH(QString, mentions);
        const auto parsed = ConnectionUri::parse(text);
        const auto *e = std::get_if<ConnectionUri::ParseError>(&parsed);
        QVERIFY2(e, qPrintable(QStringLiteral("accepted: %1").arg(text)));
        QCOMPARE(int(e->field), int(field));
        QVERIFY2(e->message.contains(mentions), qPrintable(e->message));
        // The secret never appears in the message.
        QVERIFY(!e->message.contains(QLatin1String("secret")));
    }

    void formBuildsSshUri() {
        ConnectionForm form;
        form.preset = ConnectionForm::Preset::RemoteSsh;
        form.user = QStringLiteral("root");
        form.host = QStringLiteral("10.0.0.5");
        form.port = 2222;
        form.keyFile = QStringLiteral("/home/me/my keys/id_ed25519");
        const auto result = form.toUri();
        QVERIFY(std::holds_alternative<ConnectionUri>(result));
        const auto &uri = std::get<ConnectionUri>(result);
        QCOMPARE(uri.toString(),
                 QStringLiteral(
                     "qemu+ssh://root@10.0.0.5:2222/system?keyfile=/home/me/my%20keys/id_ed25519"));
        QCOMPARE(uri.query().queryItemValue(QStringLiteral("keyfile"), QUrl::FullyDecoded),
                 QStringLiteral("/home/me/my keys/id_ed25519"));

        // and back
        const ConnectionForm again = ConnectionForm::fromUri(uri);
        QCOMPARE(int(again.preset), int(ConnectionForm::Preset::RemoteSsh));
        QCOMPARE(again.user, form.user);
        QCOMPARE(again.host, form.host);
        QCOMPARE(again.port, form.port);
        QCOMPARE(again.keyFile, form.keyFile);
    }

    void builtinSshClient() {
        ConnectionForm form;
        form.preset = ConnectionForm::Preset::RemoteSsh;
        form.user = QStringLiteral("admin");
        form.host = QStringLiteral("kvm2");
        form.builtinSsh = true;
        const auto uri = std::get<ConnectionUri>(form.toUri());
        QCOMPARE(uri.toString(), QStringLiteral("qemu+libssh://admin@kvm2/system"));
        const ConnectionForm again = ConnectionForm::fromUri(uri);
        QCOMPARE(int(again.preset), int(ConnectionForm::Preset::RemoteSsh));
        QVERIFY(again.builtinSsh);
    }

    void formErrorsNameTheField() {
        ConnectionForm form;
        form.preset = ConnectionForm::Preset::RemoteSsh;
        auto result = form.toUri();
        QVERIFY(std::holds_alternative<ConnectionUri::ParseError>(result));
        QCOMPARE(int(std::get<ConnectionUri::ParseError>(result).field), int(Field::Host));

        form.host = QStringLiteral("bad host!");
        result = form.toUri();
        QCOMPARE(int(std::get<ConnectionUri::ParseError>(result).field), int(Field::Host));

        form.host = QStringLiteral("kvm1");
        form.user = QStringLiteral("ro ot");
        result = form.toUri();
        QCOMPARE(int(std::get<ConnectionUri::ParseError>(result).field), int(Field::User));

        form.user = QStringLiteral("root");
        form.port = 65536;
        result = form.toUri();
        QCOMPARE(int(std::get<ConnectionUri::ParseError>(result).field), int(Field::Port));
    }

    void presets() {
        ConnectionForm form;
        form.preset = ConnectionForm::Preset::LocalSession;
        QCOMPARE(std::get<ConnectionUri>(form.toUri()).toString(),
                 QStringLiteral("qemu:///session"));
        form.preset = ConnectionForm::Preset::TestDriver;
        QCOMPARE(std::get<ConnectionUri>(form.toUri()).toString(),
                 QStringLiteral("test:///default"));
        form.preset = ConnectionForm::Preset::Custom;
        form.customUri = QStringLiteral("qemu+tcp://h/system");
        QCOMPARE(std::get<ConnectionUri>(form.toUri()).toString(),
                 QStringLiteral("qemu+tcp://h/system"));
        QCOMPARE(int(ConnectionForm::fromUri(std::get<ConnectionUri>(form.toUri())).preset),
                 int(ConnectionForm::Preset::Custom));
    }

    void displayName() {
        const auto uri = std::get<ConnectionUri>(
            ConnectionUri::parse(QStringLiteral("qemu+ssh://root@kvm1/system")));
        QCOMPARE(uri.displayName(), QStringLiteral("root@kvm1 (system)"));
        QVERIFY(uri.isRemote());
    }

    // The one name every view shows for a host (window, lists, dialogs, reports).
    void hostDisplayName_data() {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("shown");
        QTest::newRow("ssh") << QStringLiteral("qemu+ssh://root@kvm1/system")
                             << QStringLiteral("root@kvm1 (system)");
        QTest::newRow("ssh, no user")
            << QStringLiteral("qemu+ssh://kvm2:2222/session") << QStringLiteral("kvm2 (session)");
        QTest::newRow("local system")
            << QStringLiteral("qemu:///system") << QStringLiteral("this machine (system)");
        QTest::newRow("test driver")
            << QStringLiteral("test:///default") << QStringLiteral("test driver (/default)");
        QTest::newRow("does not parse: as it is")
            << QStringLiteral("not a uri") << QStringLiteral("not a uri");
        QTest::newRow("empty") << QString() << QString();
    }
    void hostDisplayName() {
        QFETCH(QString, uri);
        QFETCH(QString, shown);
        QCOMPARE(bs::hostDisplayName(uri), shown);
    }
};

BS_TEST_MAIN(TestConnectionUri)
#include "tst_connectionuri.moc"
