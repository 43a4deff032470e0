#include "CliRunner.h"
#include "TestMain.h"
#include "TestSupport.h"

using namespace Qt::StringLiterals;

class TestSetBalloonCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void run_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("inOutput");

        const QStringList base{u"set-balloon"_s, u"-c"_s, u"test:///default"_s, u"-d"_s, u"test"_s};
        const QString host = u"test://"_s + bs::test::fixturePath(u"testdriver/balloon-host.xml"_s);
        QTest::newRow("shrinking blind needs --force")
            << base + QStringList{u"--target"_s, u"1GiB"_s} << 1
            << QStringList{u"its use is unknown"_s, u"rerun with --force"_s};
        QTest::newRow("with --force") << base + QStringList{u"--target"_s, u"1GiB"_s, u"--force"_s}
                                      << 0 << QStringList{u"applied"_s, u"warning (accepted"_s};
        QTest::newRow("growing needs no confirmation")
            << base + QStringList{u"--target"_s, u"3GiB"_s, u"--live"_s} << 0
            << QStringList{u"live balloon target"_s, u"applied"_s};
        QTest::newRow("above the maximum") << base + QStringList{u"--target"_s, u"100GiB"_s} << 1
                                           << QStringList{u"above the guest's maximum memory"_s};
        QTest::newRow("below the floor") << base + QStringList{u"--target"_s, u"64MiB"_s} << 1
                                         << QStringList{u"below the safe floor of 128 MiB"_s};
        QTest::newRow("not a size") << base + QStringList{u"--target"_s, u"abc"_s} << 2
                                    << QStringList{u"\"abc\" is not a size"_s};
        QTest::newRow("no target") << base << 2 << QStringList{u"Missing --target"_s};
        QTest::newRow("two guests") << base + QStringList{u"-d"_s, u"x"_s, u"--target"_s, u"1G"_s}
                                    << 2 << QStringList{u"one guest"_s};
        QTest::newRow("read-only") << base + QStringList{u"--readonly"_s, u"--target"_s, u"3GiB"_s}
                                   << 1 << QStringList{u"read-only"_s};
        QTest::newRow("no such guest")
            << QStringList{u"set-balloon"_s, u"-c"_s, u"test:///default"_s, u"-d"_s, u"nope"_s,
                           u"--target"_s,    u"1G"_s}
            << 1 << QStringList{u"There is no guest named"_s};
        QTest::newRow("shut-off guest, live asked")
            << QStringList{u"set-balloon"_s, u"-c"_s,       host,        u"-d"_s,
                           u"old-nova"_s,    u"--target"_s, u"512MiB"_s, u"--live"_s}
            << 1 << QStringList{u"not running"_s};
        QTest::newRow("shut-off guest without a balloon")
            << QStringList{u"set-balloon"_s, u"-c"_s,       host,       u"-d"_s,
                           u"old-nova"_s,    u"--target"_s, u"512MiB"_s}
            << 1 << QStringList{u"always starts with its full memory"_s};
        QTest::newRow("dry run") << base + QStringList{u"--target"_s, u"3GiB"_s, u"--dry-run"_s}
                                 << 0 << QStringList{u"+ live balloon target"_s};
    }

    void run() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QStringList, inOutput);
        const CliRun r = runCli(arguments);
        const QString all = r.out + r.err;
        QVERIFY2(r.exitCode == exitCode, qPrintable(QString::number(r.exitCode) + u'\n' + all));
        // Whitespace-insensitive: columns are padded and --help wraps its lines.
        for (const QString &part : inOutput)
            QVERIFY2(all.simplified().contains(part.simplified()),
                     qPrintable(part + u"\n---\n"_s + all));
    }
};

BS_TEST_MAIN(TestSetBalloonCommand)
#include "tst_setballooncommand.moc"
