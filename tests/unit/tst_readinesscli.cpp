#include "TestMain.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &arguments) {
    QProcess p;
    p.setProgram(qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope-cli"));
    p.setArguments(arguments);
    p.start();
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString nodeUri() {
    return QStringLiteral("test://") +
           bs::test::fixturePath(QStringLiteral("testdriver/readiness-node.xml"));
}

QJsonArray reports(const Run &run) {
    return QJsonDocument::fromJson(run.out).array();
}

} // namespace

// balloonscope-cli readiness, run as a user runs it, against libvirt's test driver.
class TestReadinessCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultTestHost() {
        const Run run = cli({QStringLiteral("readiness"), QStringLiteral("--connect"),
                             QStringLiteral("test:///default"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1); // its one guest has no period: not ready
        const QJsonArray array = reports(run);
        QCOMPARE(array.size(), 1);
        const QJsonObject r = array.first().toObject();
        QCOMPARE(r.value(QLatin1String("name")).toString(), QStringLiteral("test"));
        QCOMPARE(r.value(QLatin1String("verdict")).toString(), QStringLiteral("polling_off"));
        QCOMPARE(r.value(QLatin1String("fix")).toString(), QStringLiteral("stats_period"));
        QVERIFY(r.value(QLatin1String("fix_commands"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QLatin1String("dommemstat test --period 10 --live --config")));
    }

    void everyVerdictOfTheNode() {
        const Run run = cli({QStringLiteral("readiness"), QStringLiteral("-c"), nodeUri(),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QStringList verdicts;
        for (const QJsonValue &v : reports(run))
            verdicts << v.toObject().value(QLatin1String("name")).toString() + QLatin1Char('=') +
                            v.toObject().value(QLatin1String("verdict")).toString();
        QCOMPARE(verdicts, (QStringList{QStringLiteral("noballoon=no_balloon_device"),
                                        QStringLiteral("noperiod=polling_off"),
                                        QStringLiteral("stale win=not_delivering")}));
        QVERIFY(run.err.contains("Watching last_update of 1 guest"));
    }

    void oneDomainAsText() {
        const Run run = cli({QStringLiteral("readiness"), QStringLiteral("-c"), nodeUri(),
                             QStringLiteral("--domain"), QStringLiteral("noballoon")});
        QCOMPARE(run.exitCode, 1);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.contains(QLatin1String("noballoon (22222222-2222-4222-8222-222222222222): "
                                             "NO BALLOON DEVICE")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("model='none'")));
        QVERIFY(text.contains(QLatin1String("edit noballoon")));
        QVERIFY(text.contains(QLatin1String("0 of 1 guest(s) ready.")));
        QVERIFY(!text.contains(QLatin1String("stale win")));
    }

    void agentOptInIsAnnounced() {
        const Run run =
            cli({QStringLiteral("readiness"), QStringLiteral("-c"), nodeUri(), QStringLiteral("-d"),
                 QStringLiteral("noperiod"), QStringLiteral("--agent"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("tainted"));
        const QJsonObject r = reports(run).first().toObject();
        QCOMPARE(r.value(QLatin1String("agent_used")).toBool(), false); // no channel: not asked
    }

    void unknownDomain() {
        const Run run = cli({QStringLiteral("readiness"), QStringLiteral("-c"), nodeUri(),
                             QStringLiteral("--domain"), QStringLiteral("nosuch")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.out.contains("There is no guest named \"nosuch\""));
    }

    void badArguments() {
        QCOMPARE(cli({QStringLiteral("readiness")}).exitCode, 2); // no --connect
        QCOMPARE(cli({QStringLiteral("readiness"), QStringLiteral("-c"), nodeUri(),
                      QStringLiteral("--agent-timeout"), QStringLiteral("zero")})
                     .exitCode,
                 2);
        const Run help = cli({QStringLiteral("readiness"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--agent"));
        QVERIFY(help.out.contains("tainted"));
    }

    void unreachableHost() {
        const Run run =
            cli({QStringLiteral("readiness"), QStringLiteral("-c"),
                 QStringLiteral("qemu+unix:///system?socket=/nonexistent/bs-readiness.sock")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("bs-readiness.sock"));
    }
};

BS_TEST_MAIN(TestReadinessCli)
#include "tst_readinesscli.moc"
