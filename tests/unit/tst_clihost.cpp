#include "TestMain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

// balloonscope-cli host, run as a user runs it, against the test driver.
class TestCliHost : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run cli(const QStringList &arguments) {
        QProcess p;
        p.setProgram(qEnvironmentVariable("BS_BINARY_DIR") +
                     QStringLiteral("/bin/balloonscope-cli"));
        p.setArguments(arguments);
        p.start();
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void json() {
        const Run r = cli({QStringLiteral("host"), QStringLiteral("--connect"),
                           QStringLiteral("test:///default"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // no error spam
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(u"connected").toBool(), true);
        const QJsonObject a = o.value(u"availability").toObject();
        QCOMPARE(a.value(u"node_memory").toObject().value(u"text").toString(),
                 QStringLiteral("not available on this host"));
        QCOMPARE(a.value(u"ksm").toObject().value(u"state").toString(),
                 QStringLiteral("unsupported"));
        QCOMPARE(o.value(u"node").toObject().value(u"info").toObject().value(u"memory").toInteger(),
                 3145728);
        QVERIFY(o.value(u"overcommit").toObject().value(u"maximum").toInteger() >= 8388608);
        QVERIFY(!o.value(u"advice").toArray().isEmpty());
    }

    void textMarksWhatIsMissing() {
        const Run r =
            cli({QStringLiteral("host"), QStringLiteral("-c"), QStringLiteral("test:///default")});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QCOMPARE(text.count(u"not available on this host"), 2); // node memory, KSM
        QVERIFY(text.contains(u"3145728 KiB"));
        QVERIFY(text.contains(u"overcommit.maximum"));
    }

    void severalOverviewsAsJsonLines() {
        const Run r =
            cli({QStringLiteral("host"), QStringLiteral("-c"), QStringLiteral("test:///default"),
                 QStringLiteral("--json"), QStringLiteral("--count"), QStringLiteral("2"),
                 QStringLiteral("--interval"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (const QByteArray &line : lines)
            QVERIFY(QJsonDocument::fromJson(line).isObject());
        // The second overview makes far fewer calls: what is unsupported is not asked again.
        const auto calls = [&](int i) {
            return QJsonDocument::fromJson(lines.at(i)).object().value(u"libvirt_calls").toInt();
        };
        QVERIFY2(calls(1) < calls(0),
                 qPrintable(QStringLiteral("%1 then %2").arg(calls(0)).arg(calls(1))));
    }

    void badArguments() {
        QCOMPARE(cli({QStringLiteral("host")}).exitCode, 2); // no --connect
        QCOMPARE(
            cli({QStringLiteral("host"), QStringLiteral("-c"), QStringLiteral("test:///default"),
                 QStringLiteral("--count"), QStringLiteral("0")})
                .exitCode,
            2);
    }

    void connectionFailure() {
        const Run r = cli({QStringLiteral("host"), QStringLiteral("-c"),
                           QStringLiteral("test:///nonexistent/balloonscope.xml")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.err.isEmpty());
    }
};

BS_TEST_MAIN(TestCliHost)
#include "tst_clihost.moc"
