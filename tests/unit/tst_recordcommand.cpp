#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

namespace {

const QString TestUri = QStringLiteral("test:///default");

QString cliPath() {
    return qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope-cli");
}

// The real CLI, recording test:///default (libvirt's in-process test driver) every second.
class Recorder {
public:
    Recorder(const QString &db, const QStringList &extra = {}) {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(cliPath(),
                        QStringList{QStringLiteral("record"), QStringLiteral("--connect"), TestUri,
                                    QStringLiteral("--db"), db, QStringLiteral("--interval"),
                                    QStringLiteral("1")} +
                            extra);
    }
    ~Recorder() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

qint64 recordedPolls(const QString &db) {
    if (!QFile::exists(db) ||
        sqlInt(db, "SELECT count(*) FROM sqlite_master WHERE name = 'samples_readable'") != 1)
        return 0; // not created yet
    return sqlInt(db, "SELECT count(*) FROM samples_readable");
}

} // namespace

class TestRecordCommand : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
    }

    void stopsCleanlyOnSigterm() {
        const QString db = m_dir.filePath(QStringLiteral("sigterm.sqlite"));
        Recorder recorder(db);
        QVERIFY(recorder.process().waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(recordedPolls(db) >= 3, 20000);
        recorder.process().terminate(); // SIGTERM
        QVERIFY(recorder.process().waitForFinished(15000));
        const QString stderrText =
            QString::fromLocal8Bit(recorder.process().readAllStandardError());
        QCOMPARE(recorder.process().exitStatus(), QProcess::NormalExit);
        QVERIFY2(recorder.process().exitCode() == 0, qPrintable(stderrText));
        QVERIFY(stderrText.contains(QStringLiteral("signal 15")));

        // Everything handed to the history is committed and tidied away: no WAL left (the last
        // connection checkpointed it; checked before our own connections make one), inbox moved,
        // lease released, a "recording stopped" marker.
        QVERIFY(!QFile::exists(db + QStringLiteral("-wal")));
        QCOMPARE(sqlText(db, "PRAGMA integrity_check"), QStringLiteral("ok"));
        QCOMPARE(sqlInt(db, "SELECT count(*) FROM samples_inbox"), 0);
        QVERIFY(sqlInt(db, "SELECT count(*) FROM samples") >= 3);
        QCOMPARE(sqlInt(db, "SELECT count(*) FROM leases"), 0);
        QCOMPARE(sqlText(db, "SELECT group_concat(code) FROM (SELECT code FROM events WHERE "
                             "kind = 'recording' ORDER BY id)"),
                 QStringLiteral("1,0"));
        QCOMPARE(sqlInt(db, "SELECT count(*) FROM sessions"), 1);
        QVERIFY(sqlInt(db, "SELECT count(*) FROM host_memory") >= 1); // virNodeGetInfo
        // The session ends where the last poll was: nothing claims more than was recorded.
        QCOMPARE(sqlInt(db, "SELECT last_seen FROM sessions"),
                 sqlInt(db, "SELECT max(t) FROM samples"));
    }

    void restartShowsAGapAndHistoryMatchesTheStore() {
        // The acceptance scenario, shortened: record, stop, wait longer than the gap limit
        // (3 intervals + 2 s), record again; the history shows both stretches and a gap.
        const QString db = m_dir.filePath(QStringLiteral("restart.sqlite"));
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        for (int run = 0; run < 2; ++run) {
            if (run == 1)
                QTest::qWait(7000);
            Recorder recorder(db, {QStringLiteral("--duration"), QStringLiteral("4")});
            QVERIFY(recorder.process().waitForFinished(30000));
            QCOMPARE(recorder.process().exitCode(), 0);
        }
        const qint64 end = QDateTime::currentMSecsSinceEpoch() + 1000;

        QProcess cli;
        cli.start(cliPath(),
                  {QStringLiteral("history"), QStringLiteral("--db"), db, QStringLiteral("--host"),
                   TestUri, QStringLiteral("--domain"), QStringLiteral("test"),
                   QStringLiteral("--from"),
                   QDateTime::fromMSecsSinceEpoch(start).toString(Qt::ISODateWithMs),
                   QStringLiteral("--to"),
                   QDateTime::fromMSecsSinceEpoch(end).toString(Qt::ISODateWithMs),
                   QStringLiteral("--points"), QStringLiteral("1000"), QStringLiteral("--metric"),
                   QStringLiteral("actual,used"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(15000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const QJsonArray series = json.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 2);
        const QJsonArray actual = series[0].toObject().value(QStringLiteral("points")).toArray();
        int gaps = 0;
        int values = 0;
        for (const QJsonValue &p : actual) {
            if (p.toObject().value(QStringLiteral("gap")).toBool())
                ++gaps;
            else
                ++values;
        }
        QCOMPARE(gaps, 1);
        QVERIFY(values >= 6);

        // The same request through the store gives the same points.
        HistoryOptions o;
        o.path = db;
        o.access = HistoryOptions::Access::ReadOnly;
        HistoryStore store(o);
        QVERIFY(openAndWait(store));
        SeriesRequest r;
        r.hostId = TestUri;
        r.uuids = {json.value(QStringLiteral("uuid")).toString()};
        r.metrics = {Metric::Actual, Metric::Used};
        r.fromMs = json.value(QStringLiteral("from_ms")).toInteger();
        r.toMs = json.value(QStringLiteral("to_ms")).toInteger();
        r.points = 1000;
        const auto result = querySeries(store, r);
        QCOMPARE(result.bucketMs, json.value(QStringLiteral("bucket_ms")).toInteger());
        for (int s = 0; s < 2; ++s) {
            const QJsonArray points =
                series[s].toObject().value(QStringLiteral("points")).toArray();
            const auto &expected = result.series[s].points;
            QCOMPARE(points.size(), expected.size());
            for (int i = 0; i < points.size(); ++i) {
                const QJsonObject p = points[i].toObject();
                QCOMPARE(p.value(QStringLiteral("t_ms")).toInteger(), expected[i].timeMs);
                QCOMPARE(p.value(QStringLiteral("gap")).toBool(), expected[i].isGap());
                if (!expected[i].isGap())
                    QCOMPARE(p.value(QStringLiteral("avg")).toDouble(), expected[i].avg);
            }
        }
    }

    void killedRecorderLeavesAConsistentFile() {
        const QString db = m_dir.filePath(QStringLiteral("killed.sqlite"));
        Recorder recorder(db);
        QVERIFY(recorder.process().waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(recordedPolls(db) >= 3, 20000);
        recorder.process().kill(); // SIGKILL: no clean-up at all
        QVERIFY(recorder.process().waitForFinished(5000));
        const qint64 before = recordedPolls(db);
        QCOMPARE(sqlText(db, "PRAGMA integrity_check"), QStringLiteral("ok"));
        QCOMPARE(sqlInt(db, "SELECT count(*) FROM leases"), 1); // left behind

        // The app opens it, keeps every committed poll and takes the host over at once: the
        // lease's pid is gone from this machine.
        HistoryOptions o;
        o.path = db;
        o.backgroundCompaction = false;
        HistoryStore app(o);
        QVERIFY(openAndWait(app));
        QCOMPARE(app.status().state, HistoryStatus::State::Ready);
        QSignalSpy states(&app, &HistoryStore::hostWriteStateChanged);
        const qint64 now = QDateTime::currentMSecsSinceEpoch() + 2000; // after its last poll
        app.record(pollCycle(TestUri, now,
                             {guestPoll(QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f"),
                                        QStringLiteral("test"), now, 1)},
                             1));
        QVERIFY(app.waitForIdle());
        QCOMPARE(states.size(), 1);
        QVERIFY(states.first().first().value<HostWriteState>().recording);
        QCOMPARE(recordedPolls(db), before + 1);
    }
};

BS_TEST_MAIN(TestRecordCommand)
#include "tst_recordcommand.moc"
