#include "CliRunner.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"
#include "sizing/HostAdvice.h"
#include "sizing/SizingJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

// balloonscope-cli advise, the real binary on a history file written by the real store: the
// same numbers as adviseHost in this process (what the Sizing tab shows), --fit's exit codes,
// bad arguments.
namespace {

const QString Host = QStringLiteral("qemu+ssh://root@kvm1.example/system");
const QString Saw = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QString Steady = QStringLiteral("22222222-2222-2222-2222-222222222222");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC
constexpr qint64 MiB = 1024;
constexpr qint64 GiB = 1024 * 1024;

MemorySample poll(const QString &uuid, qint64 t, qint64 need) {
    MemorySample s;
    s.uuid = uuid;
    s.name = uuid == Saw ? QStringLiteral("sawtooth") : QStringLiteral("steady");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::Reporting;
    s.freshReport = true;
    s.stats.actual = quint64(2 * GiB);
    s.stats.maximum = quint64(4 * GiB);
    s.stats.rss = quint64(GiB);
    s.stats.lastUpdate = t / 1000;
    s.stats.available = quint64(2 * GiB);
    s.stats.usable = quint64(2 * GiB - need);
    s.stats.unused = quint64(2 * GiB - need - 50 * MiB);
    return s;
}

} // namespace

class TestAdviseCommand : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    FakeClock m_clock;
    NeedResult m_needs;
    const qint64 m_end = T0 + 2 * 3600000;

    QStringList base() const {
        return {QStringLiteral("advise"),
                QStringLiteral("--db"),
                m_db,
                QStringLiteral("--host"),
                Host,
                QStringLiteral("--to"),
                QDateTime::fromMSecsSinceEpoch(m_end, Qt::UTC).toString(Qt::ISODate)};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("lab.sqlite"));
        m_clock.set(T0);
        HistoryStore store(testHistoryOptions(m_db, m_clock));
        QVERIFY(openAndWait(store));
        store.recordHostMemory(Host, T0, quint64(8 * GiB));
        // Two hours at 10 s: a saw-tooth of 200..1100 MiB and a steady 300 MiB.
        for (int i = 0; i < 720; ++i) {
            const qint64 t = T0 + i * 10000;
            store.record(pollCycle(
                Host, t, {poll(Saw, t, (200 + (i % 10) * 100) * MiB), poll(Steady, t, 300 * MiB)},
                10));
        }
        m_clock.set(m_end);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        m_needs = queryNeeds(
            store, needRequestFor(Host, SizingPolicy::fromPreset(SizingPreset::Balanced), m_end));
        QCOMPARE(m_needs.guests.size(), 2);
    }

    void jsonMatchesTheAdvisorInProcess() {
        const CliRun run = runCli(base() + QStringList{QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject expected =
            hostAdviceToJson(adviseHost(m_needs, SizingPolicy::fromPreset(SizingPreset::Balanced)));
        QCOMPARE(json.value(QStringLiteral("guests")), expected.value(QStringLiteral("guests")));
        QCOMPARE(json.value(QStringLiteral("what_if")), expected.value(QStringLiteral("what_if")));
        const QJsonArray guests = json.value(QStringLiteral("guests")).toArray();
        for (const QJsonValue &v : guests) {
            const QJsonObject g = v.toObject();
            const double recommended = g.value(QStringLiteral("recommended_kib")).toDouble();
            if (g.value(QStringLiteral("name")).toString() == QStringLiteral("sawtooth")) {
                // P95 of the saw-tooth is its top, 1100 MiB; + 15 % = 1265 MiB.
                QCOMPARE(g.value(QStringLiteral("need_p95_kib")).toDouble(), double(1100 * MiB));
                QCOMPARE(recommended, double(1265 * MiB));
            } else {
                // 300 MiB + 15 % = 345 MiB: 1703 MiB of the 2 GiB balloon to give back.
                QCOMPARE(recommended, double(345 * MiB));
                QCOMPARE(g.value(QStringLiteral("reclaimable_kib")).toDouble(),
                         double(2048 * MiB - 345 * MiB));
            }
        }
    }

    void fitExitCodes() {
        // 8 GiB host, 1 GiB reserve: 7 GiB for guests; today they hold 4 GiB.
        const CliRun fits =
            runCli(base() + QStringList{QStringLiteral("--fit"), QStringLiteral("3GiB")});
        QVERIFY2(fits.exitCode == 0, qPrintable(fits.out + fits.err));
        QVERIFY2(fits.out.contains(QStringLiteral("fits as the guests are")), qPrintable(fits.out));
        // 5 GiB only fits with the steady guest's 1703 MiB back.
        const CliRun after =
            runCli(base() + QStringList{QStringLiteral("--fit"), QStringLiteral("4.5GiB")});
        QVERIFY2(after.exitCode == 0, qPrintable(after.out + after.err));
        QVERIFY2(after.out.contains(QStringLiteral("once these recommendations are applied: "
                                                   "steady")),
                 qPrintable(after.out));
        const CliRun no =
            runCli(base() + QStringList{QStringLiteral("--fit"), QStringLiteral("7GiB")});
        QCOMPARE(no.exitCode, 1);
        QVERIFY2(no.out.contains(QStringLiteral("does not fit")), qPrintable(no.out));
        const CliRun json =
            runCli(base() + QStringList{QStringLiteral("--fit"), QStringLiteral("7GiB"),
                                        QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                     .object()
                     .value(QStringLiteral("what_if"))
                     .toObject()
                     .value(QStringLiteral("fits"))
                     .toBool(),
                 false);
    }

    void presetsAndCustomPolicies() {
        const CliRun aggressive =
            runCli(base() + QStringList{QStringLiteral("--preset"), QStringLiteral("aggressive"),
                                        QStringLiteral("--json")});
        QCOMPARE(aggressive.exitCode, 0);
        const QJsonObject a = QJsonDocument::fromJson(aggressive.out.toUtf8()).object();
        QCOMPARE(a.value(QStringLiteral("policy"))
                     .toObject()
                     .value(QStringLiteral("percentile"))
                     .toDouble(),
                 90.0);
        const CliRun custom =
            runCli(base() + QStringList{QStringLiteral("--percentile"), QStringLiteral("50"),
                                        QStringLiteral("--headroom"), QStringLiteral("0"),
                                        QStringLiteral("--window"), QStringLiteral("1h"),
                                        QStringLiteral("--json")});
        QCOMPARE(custom.exitCode, 0);
        const QJsonObject c = QJsonDocument::fromJson(custom.out.toUtf8()).object();
        QCOMPARE(
            c.value(QStringLiteral("policy")).toObject().value(QStringLiteral("preset")).toString(),
            QStringLiteral("custom"));
        for (const QJsonValue &v : c.value(QStringLiteral("guests")).toArray()) {
            const QJsonObject g = v.toObject();
            if (g.value(QStringLiteral("name")).toString() == QStringLiteral("steady")) {
                QCOMPARE(g.value(QStringLiteral("recommended_kib")).toDouble(),
                         double(300 * MiB)); // P50 + 0 %
            }
        }
    }

    void guestFloorRaisesOneGuest() {
        const CliRun run =
            runCli(base() + QStringList{QStringLiteral("--guest-floor"),
                                        QStringLiteral("steady=1GiB"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const QJsonValue &v : QJsonDocument::fromJson(run.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("guests"))
                                       .toArray()) {
            const QJsonObject g = v.toObject();
            const double expected =
                g.value(QStringLiteral("name")).toString() == QStringLiteral("steady")
                    ? double(1024 * MiB)
                    : double(1265 * MiB);
            QCOMPARE(g.value(QStringLiteral("recommended_kib")).toDouble(), expected);
        }
        const CliRun unknown = runCli(
            base() + QStringList{QStringLiteral("--guest-floor"), QStringLiteral("nobody=1GiB")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("nobody")), qPrintable(unknown.err));
    }

    void badInputGetsAClearError_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("yolo")}
                                << QStringLiteral("yolo");
        QTest::newRow("percentile")
            << QStringList{QStringLiteral("--percentile"), QStringLiteral("20")}
            << QStringLiteral("50 to 100");
        QTest::newRow("window") << QStringList{QStringLiteral("--window"), QStringLiteral("soon")}
                                << QStringLiteral("soon");
        QTest::newRow("window beyond any")
            << QStringList{QStringLiteral("--window"), QStringLiteral("1e300")}
            << QStringLiteral("three years");
        QTest::newRow("fit") << QStringList{QStringLiteral("--fit"), QStringLiteral("big")}
                             << QStringLiteral("big");
    }

    void badInputGetsAClearError() {
        QFETCH(QStringList, extra);
        QFETCH(QString, mentions);
        const CliRun run = runCli(base() + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    }

    void unknownHostSaysSo() {
        const CliRun run = runCli({QStringLiteral("advise"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--host"), QStringLiteral("qemu:///session")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Nothing was recorded")), qPrintable(run.err));
        const CliRun both = runCli({QStringLiteral("advise"), QStringLiteral("--db"), m_db,
                                    QStringLiteral("--host"), Host, QStringLiteral("--demo")});
        QCOMPARE(both.exitCode, 2);
    }
};

BS_TEST_MAIN(TestAdviseCommand)
#include "tst_advisecommand.moc"
