#include "CliRunner.h"
#include "TestMain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// `balloonscope-cli check` as a monitoring plugin, on libvirt's test driver: the status line,
// one line per finding, the exit codes (0/1/2 from the findings' severity, 3 for anything that
// keeps it from judging), and the JSON form. The real host's states are tst_e2e_check's.
class TestCheckCommand : public QObject {
    Q_OBJECT

    static CliRun check(const QStringList &extra) {
        return runCli(QStringList{QStringLiteral("check"), QStringLiteral("--connect"),
                                  QStringLiteral("test:///default"), QStringLiteral("--watch"),
                                  QStringLiteral("0")} +
                      extra);
    }

private Q_SLOTS:
    void okWithANote() {
        // The test driver's guest "test" runs with a virtio balloon without free page reporting:
        // a note, which does not raise the state.
        const CliRun run = check({});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QStringLiteral("BALLOONSCOPE OK - 1 running guest(s) on "
                                          "test:///default: no warning, 1 note(s)"));
        QVERIFY(lines[1].startsWith(QStringLiteral("NOTE: test: Free page reporting: ")));
    }

    void severityFollowsTheRule_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("word");
        QTest::newRow("warning") << "free_page_reporting=warning" << 1 << "WARNING";
        QTest::newRow("critical") << "free_page_reporting=critical" << 2 << "CRITICAL";
        QTest::newRow("off") << "free_page_reporting=off" << 0 << "OK";
    }
    void severityFollowsTheRule() {
        QFETCH(QString, rule);
        QFETCH(int, exitCode);
        QFETCH(QString, word);
        const CliRun run = check({QStringLiteral("--rule"), rule});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.out.startsWith(QStringLiteral("BALLOONSCOPE %1 - ").arg(word)),
                 qPrintable(run.out));
        if (exitCode > 0) {
            QVERIFY(run.out.contains(QStringLiteral("%1: test: Free page reporting").arg(word)));
            QVERIFY(run.out.contains(QStringLiteral("test free_page_reporting")));
        } else {
            QVERIFY(!run.out.contains(QStringLiteral("NOTE:")));
        }
    }

    void json() {
        const CliRun run = check({QStringLiteral("--json"), QStringLiteral("--rule"),
                                  QStringLiteral("free_page_reporting=warning")});
        QCOMPARE(run.exitCode, 1);
        QJsonParseError error{};
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QStringLiteral("state")).toString(), QStringLiteral("WARNING"));
        QCOMPARE(root.value(QStringLiteral("exit_code")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("guests_judged")).toInt(), 1);
        const QJsonArray findings = root.value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), 1);
        const QJsonObject f = findings[0].toObject();
        QCOMPARE(f.value(QStringLiteral("rule")).toString(), QStringLiteral("free_page_reporting"));
        QCOMPARE(f.value(QStringLiteral("guest")).toString(), QStringLiteral("test"));
        QCOMPARE(f.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QVERIFY(!f.value(QStringLiteral("remedy")).toString().isEmpty());
    }

    void cannotJudgeIsUnknown_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        const auto words = [](std::initializer_list<const char *> list) {
            QStringList out;
            for (const char *w : list)
                out << QString::fromUtf8(w);
            return out;
        };
        const char *test = "test:///default";
        QTest::newRow("unknown rule")
            << words({"check", "--connect", test, "--rule", "mem=1G"}) << "Unknown rule \"mem\"";
        QTest::newRow("bad level")
            << words({"check", "--connect", test, "--rule", "stranded=x"}) << "--rule stranded";
        QTest::newRow("bad watch")
            << words({"check", "--connect", test, "--watch", "-1"}) << "--watch";
        QTest::newRow("bad interval")
            << words({"check", "--connect", test, "--interval", "0"}) << "Invalid --interval";
        QTest::newRow("unknown option")
            << words({"check", "--connect", test, "--bogus"}) << "Invalid arguments";
        QTest::newRow("bad uri") << words({"check", "--connect", "bad uri"})
                                 << "Invalid host arguments";
        QTest::newRow("no such guest")
            << words({"check", "--connect", test, "--watch", "0", "--domain", "nosuch"})
            << "No guest named \"nosuch\"";
        QTest::newRow("unreachable")
            << words({"check", "--connect", "qemu+ssh://nobody@127.0.0.1:1/system?no_tty=1",
                      "--watch", "0"})
            << "Could not connect";
    }
    void cannotJudgeIsUnknown() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.out.startsWith(QStringLiteral("BALLOONSCOPE UNKNOWN - ")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(says), qPrintable(run.out));
    }

    void helpListsTheRules() {
        const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *rule :
             {"host_available", "stale", "swap_in", "need_ratio", "stuck_balloon", "readiness",
              "stranded", "free_page_reporting", "signature"})
            QVERIFY2(run.out.contains(QLatin1String(rule)), rule);
    }
};

BS_TEST_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
