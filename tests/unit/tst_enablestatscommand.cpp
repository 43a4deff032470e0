#include "CliRunner.h"
#include "TestMain.h"
#include "TestSupport.h"

using namespace Qt::StringLiterals;

namespace {

QString fixtureHost() {
    return u"test://"_s + bs::test::fixturePath(u"testdriver/balloon-host.xml"_s);
}

} // namespace

class TestEnableStatsCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void run_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("inOutput"); // stdout + stderr

        const QString def = u"test:///default"_s;
        const QString host = fixtureHost();
        QTest::newRow("the default guest")
            << QStringList{u"enable-stats"_s, u"-c"_s,       def,    u"--domain"_s,
                           u"test"_s,         u"--period"_s, u"10"_s}
            << 0
            << QStringList{u"live stats period: off → 10 s — done"_s,
                           u"persistent stats period: off → 10 s — done"_s, u"1 applied"_s};
        QTest::newRow("a mixed host: the guest without a balloon fails, with the way out")
            << QStringList{u"enable-stats"_s, u"-c"_s, host, u"--all"_s, u"--period"_s, u"10"_s}
            << 1
            << QStringList{u"old-nova"_s, u"--switch-to-virtio"_s,
                           u"scratch               applied     live stats period: off → 10 s"_s,
                           u"db-01                 unchanged"_s, u"2 applied, 1 unchanged"_s};
        QTest::newRow("... and with the switch")
            << QStringList{u"enable-stats"_s,
                           u"-c"_s,
                           host,
                           u"--all"_s,
                           u"--period"_s,
                           u"10"_s,
                           u"--switch-to-virtio"_s}
            << 0
            << QStringList{u"persistent balloon: none → virtio with stats period 10 s"_s,
                           u"old-nova: the new balloon takes effect after its next shutdown"_s};
        QTest::newRow("dry run shows the persistent diff")
            << QStringList{u"enable-stats"_s, u"-c"_s,       host,    u"-d"_s,
                           u"web-01"_s,       u"--period"_s, u"30"_s, u"--dry-run"_s}
            << 0
            << QStringList{u"+ live stats period: off → 30 s"_s,
                           u"- <memballoon model='virtio'/>"_s, u"+   <stats period='30'/>"_s};
        QTest::newRow("the table: model, periods, kind, state")
            << QStringList{u"enable-stats"_s, u"-c"_s, host,          u"--all"_s,
                           u"--period"_s,     u"5"_s,  u"--dry-run"_s}
            << 1
            << QStringList{u"LIVE PERIOD"_s, u"PERSISTENT PERIOD"_s, u"transient"_s, u"shut off"_s};
        QTest::newRow("off is explicit and applied")
            << QStringList{u"enable-stats"_s, u"-c"_s,       host,    u"-d"_s,
                           u"db-01"_s,        u"--period"_s, u"off"_s}
            << 0 << QStringList{u"10 s → off — done"_s};
        QTest::newRow("config only on a transient guest")
            << QStringList{u"enable-stats"_s, u"-c"_s,       host,    u"-d"_s,
                           u"scratch"_s,      u"--period"_s, u"10"_s, u"--config"_s}
            << 1 << QStringList{u"transient"_s};
        QTest::newRow("live only on a shut-off guest")
            << QStringList{u"enable-stats"_s, u"-c"_s,       host,    u"-d"_s,
                           u"old-nova"_s,     u"--period"_s, u"10"_s, u"--live"_s}
            << 1 << QStringList{u"not running"_s};
        QTest::newRow("read-only")
            << QStringList{u"enable-stats"_s, u"-c"_s,   def,           u"--readonly"_s,
                           u"-d"_s,           u"test"_s, u"--period"_s, u"10"_s}
            << 1 << QStringList{u"read-only"_s};
        QTest::newRow("no such guest")
            << QStringList{u"enable-stats"_s, u"-c"_s,       def,    u"-d"_s,
                           u"nope"_s,         u"--period"_s, u"10"_s}
            << 1 << QStringList{u"There is no guest named \"nope\""_s};
        QTest::newRow("period 0") << QStringList{u"enable-stats"_s, u"-c"_s,       def,   u"-d"_s,
                                                 u"test"_s,         u"--period"_s, u"0"_s}
                                  << 2 << QStringList{u"choose \"off\" explicitly"_s};
        QTest::newRow("period -1") << QStringList{u"enable-stats"_s, u"-c"_s,       def,    u"-d"_s,
                                                  u"test"_s,         u"--period"_s, u"-1"_s}
                                   << 2 << QStringList{u"1 to 3600 seconds, not -1"_s};
        QTest::newRow("period 99999")
            << QStringList{u"enable-stats"_s, u"-c"_s,       def,       u"-d"_s,
                           u"test"_s,         u"--period"_s, u"99999"_s}
            << 2 << QStringList{u"1 to 3600 seconds, not 99999"_s};
        QTest::newRow("period abc")
            << QStringList{u"enable-stats"_s, u"-c"_s,       def,     u"-d"_s,
                           u"test"_s,         u"--period"_s, u"abc"_s}
            << 2 << QStringList{u"\"abc\" is not a stats period"_s};
        QTest::newRow("no period")
            << QStringList{u"enable-stats"_s, u"-c"_s, def, u"-d"_s, u"test"_s} << 2
            << QStringList{u"Missing --period"_s};
        QTest::newRow("guests and --all")
            << QStringList{u"enable-stats"_s, u"-c"_s,    def,           u"-d"_s,
                           u"test"_s,         u"--all"_s, u"--period"_s, u"10"_s}
            << 2 << QStringList{u"--domain NAME"_s};
        QTest::newRow("no guests")
            << QStringList{u"enable-stats"_s, u"-c"_s, def, u"--period"_s, u"10"_s} << 2
            << QStringList{u"--domain NAME"_s};
        QTest::newRow("unreachable host")
            << QStringList{u"enable-stats"_s,
                           u"-c"_s,
                           u"qemu+unix:///system?socket=/nonexistent/bs.sock"_s,
                           u"--all"_s,
                           u"--period"_s,
                           u"10"_s}
            << 3 << QStringList{u"Could not connect"_s};
        // The runtime translation contexts match lupdate's (bs::BalloonText, the commands').
        QTest::newRow("in Chinese")
            << QStringList{u"--lang"_s, u"zh_CN"_s, u"enable-stats"_s, u"-c"_s, def,
                           u"-d"_s,     u"test"_s,  u"--period"_s,     u"10"_s}
            << 0 << QStringList{u"运行时统计周期：关闭 → 10 秒 — 完成"_s, u"1 台已应用"_s};
        QTest::newRow("help") << QStringList{u"enable-stats"_s, u"--help"_s} << 0
                              << QStringList{
                                     u"live for running guests and config for persistent"_s};
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

    // On the test driver the guest's last_update never moves: the watch must say so.
    void watchSaysWhyNot() {
        const CliRun r = runCli({u"enable-stats"_s, u"-c"_s, u"test:///default"_s, u"-d"_s,
                                 u"test"_s, u"--period"_s, u"1"_s, u"--live"_s, u"--watch"_s});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(u"test: The guest reported before but its reports stopped"_s),
                 qPrintable(r.out + r.err));
    }
};

BS_TEST_MAIN(TestEnableStatsCommand)
#include "tst_enablestatscommand.moc"
