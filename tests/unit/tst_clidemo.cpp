#include "CliRunner.h"
#include "FleetHistory.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <unistd.h>

using namespace bs;
using namespace bs::test;

// --demo on every command, in the paths that need no QEMU (the real demo boots guests: the
// end-to-end tests run it). The history readers take --demo for the host "record --demo"
// records as, which follows from the data directory alone; --demo with --connect or --host is
// refused as a usage error before anything starts or is written.
namespace {

constexpr qint64 T0 = 1735722000000; // 2025-01-01 09:00:00 UTC
constexpr qint64 Span = 3600000;

QString iso(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

class TestCliDemo : public QObject {
    Q_OBJECT

    // Short on purpose: the demo's root (<data>/balloonscope/balloonscope/demo) must stay under
    // 60 characters to live there rather than in the temp folder.
    QTemporaryDir m_data{QStringLiteral("/tmp/bsd-XXXXXX")};
    QString m_db;
    QString m_guest;

    QStringList dataHome() const { return {QStringLiteral("XDG_DATA_HOME=") + m_data.path()}; }
    QStringList range() const {
        return {QStringLiteral("--from"), iso(T0), QStringLiteral("--to"), iso(T0 + Span)};
    }

    static void recordHistory(const QString &db, const QString &host, const QString &guest) {
        FakeClock clock;
        clock.set(T0 + Span + 60000);
        HistoryOptions o;
        o.path = db;
        o.backgroundCompaction = false;
        o.clockMs = clock.function();
        HistoryStore store(o);
        QVERIFY(openAndWait(store));
        QList<FleetGuest> guests = fleetGuests(1, T0, T0 + Span, false);
        guests[0].name = guest;
        recordFleet(store, host, guests, T0, T0 + Span, 10);
        QVERIFY(store.waitForIdle());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_data.isValid());
        m_db = m_data.filePath(QStringLiteral("history.sqlite"));
        m_guest = QStringLiteral("demo-sawtooth");
        // The host id written by hand, as record --demo spells it: qemu:///embed with the root
        // under the application's data folder.
        recordHistory(m_db,
                      QStringLiteral("qemu:///embed?root=") + m_data.path() +
                          QStringLiteral("/balloonscope/balloonscope/demo"),
                      m_guest);
    }

    void historyReadsTheHostTheDemoRecordsAs() {
        const CliRun run = runCli(
            QStringList{QStringLiteral("history"), QStringLiteral("--demo"), QStringLiteral("--db"),
                        m_db, QStringLiteral("--domain"), m_guest, QStringLiteral("--json")} +
                range(),
            60000, dataHome());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), m_guest);
        QVERIFY(o.value(QStringLiteral("host"))
                    .toString()
                    .startsWith(QStringLiteral("qemu:///embed?root=") + m_data.path()));
    }

    void exportAndReportReadItToo() {
        const QString csv = m_data.filePath(QStringLiteral("demo.csv"));
        CliRun run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--demo"),
                                        QStringLiteral("--db"), m_db, QStringLiteral("--domain"),
                                        m_guest, QStringLiteral("--out"), csv} +
                                range(),
                            60000, dataHome());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFile(csv).size() > 100);
        const QString pdf = m_data.filePath(QStringLiteral("demo.pdf"));
        run = runCli(QStringList{QStringLiteral("report"), QStringLiteral("--demo"),
                                 QStringLiteral("--db"), m_db, QStringLiteral("--out"), pdf} +
                         range(),
                     120000, dataHome());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("1 guests")));
    }

    void anotherDataFolderIsAnotherDemoHost() {
        // Nothing recorded for that demo: "not found", with the hint about the fallback.
        QTemporaryDir other(QStringLiteral("/tmp/bse-XXXXXX"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("history"), QStringLiteral("--demo"),
                               QStringLiteral("--db"), m_db, QStringLiteral("--domain"), m_guest} +
                       range(),
                   60000, {QStringLiteral("XDG_DATA_HOME=") + other.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("test:///default")), qPrintable(run.err));
    }

    void aLongDataFolderPutsTheDemoInTemp() {
        // QEMU's sockets would not fit under a long root: the demo then lives in
        // <temp>/balloonscope-demo-<uid>, and history --demo follows it there.
        const QString db = m_data.filePath(QStringLiteral("long.sqlite"));
        recordHistory(db,
                      QStringLiteral("qemu:///embed?root=%1/balloonscope-demo-%2")
                          .arg(QDir::tempPath())
                          .arg(getuid()),
                      m_guest);
        const QString longHome = m_data.filePath(QString(40, QLatin1Char('x')));
        const CliRun run =
            runCli(QStringList{QStringLiteral("history"), QStringLiteral("--demo"),
                               QStringLiteral("--db"), db, QStringLiteral("--domain"), m_guest} +
                       range(),
                   60000, {QStringLiteral("XDG_DATA_HOME=") + longHome});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void demoWithConnectIsAUsageError_data() {
        QTest::addColumn<QStringList>("args");
        const QStringList both{QStringLiteral("--demo"), QStringLiteral("--connect"),
                               QStringLiteral("test:///default")};
        for (const char *command : {"domains", "sample", "readiness", "host"})
            QTest::newRow(command) << QStringList{QLatin1String(command)} + both;
        QTest::newRow("enable-stats")
            << QStringList{QStringLiteral("enable-stats"), QStringLiteral("--all"),
                           QStringLiteral("--period"), QStringLiteral("10")} +
                   both;
        QTest::newRow("set-balloon")
            << QStringList{QStringLiteral("set-balloon"), QStringLiteral("--domain"),
                           QStringLiteral("test"), QStringLiteral("--target"),
                           QStringLiteral("1GiB")} +
                   both;
        QTest::newRow("record") << QStringList{QStringLiteral("record"), QStringLiteral("--db"),
                                               QStringLiteral("@DB@")} +
                                       both;
    }

    void demoWithConnectIsAUsageError() {
        QFETCH(QStringList, args);
        const QString db = m_data.filePath(QStringLiteral("refused.sqlite"));
        args.replaceInStrings(QStringLiteral("@DB@"), db);
        // Refused before the demo starts: an answer within seconds, not a demo boot.
        const CliRun run = runCli(args, 30000, dataHome());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--demo or --connect")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("[demo")));
        QVERIFY(!QFile::exists(db)); // record wrote nothing
    }

    void demoWithHostIsAUsageError_data() {
        QTest::addColumn<QStringList>("args");
        const QStringList both{QStringLiteral("--demo"), QStringLiteral("--host"),
                               QStringLiteral("qemu:///system")};
        QTest::newRow("history") << QStringList{QStringLiteral("history"),
                                                QStringLiteral("--domain"), QStringLiteral("x")} +
                                        both;
        QTest::newRow("export") << QStringList{QStringLiteral("export"), QStringLiteral("--domain"),
                                               QStringLiteral("x"), QStringLiteral("--out"),
                                               QStringLiteral("x.csv")} +
                                       both;
        QTest::newRow("report") << QStringList{QStringLiteral("report"), QStringLiteral("--out"),
                                               QStringLiteral("x.pdf")} +
                                       both;
    }

    void demoWithHostIsAUsageError() {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args + QStringList{QStringLiteral("--db"), m_db}, 30000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--demo or --host")), qPrintable(run.err));
    }

    void everyCommandThatNamesAHostTakesDemo() {
        // What the README promises: --demo in place of --connect (or --host) everywhere.
        for (const char *command : {"domains", "sample", "readiness", "host", "enable-stats",
                                    "set-balloon", "record", "history", "export", "report"}) {
            const CliRun help = runCli({QLatin1String(command), QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains(QStringLiteral("  --demo ")), command);
        }
    }
};

BS_TEST_MAIN(TestCliDemo)
#include "tst_clidemo.moc"
