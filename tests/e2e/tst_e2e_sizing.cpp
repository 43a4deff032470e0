// The sizing advisor on real guests (scripts/testbed): a minute recorded by the real CLI, then
// `advise` on that history file: the saw-tooth guest is advised at least its highest need, the
// steady guest less than its balloon, the guest without a driver no number but the reason.
// Applying the steady guest's recommendation live moves its balloon there and it keeps
// reporting. `simulate` replays the balloon policies on the same history.
#include "TestBed.h"
#include "TestMain.h"
#include "libvirt/CredentialProvider.h"
#include "monitor/MonitoredHost.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::e2e;

namespace {

constexpr int RecordSeconds = 60; // more than one saw-tooth cycle (5 steps of 10 s)

QString cli() {
    return qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope-cli");
}

QJsonObject guestNamed(const QJsonObject &advice, const QString &name) {
    for (const QJsonValue &v : advice.value(QStringLiteral("guests")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

qint64 kib(const QJsonObject &guest, const char *key) {
    return qint64(guest.value(QLatin1String(key)).toDouble(-1));
}

} // namespace

class TestE2eSizing : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    QTemporaryDir m_dir;
    QString m_db;
    QJsonObject m_advice;

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
        QVERIFY(m_dir.isValid());
        const QString db = m_dir.filePath(QStringLiteral("bed.sqlite"));
        m_db = db;
        const ProgramRun record = runProgram(
            cli(),
            {QStringLiteral("record"), QStringLiteral("--connect"), m_bed->uri,
             QStringLiteral("--db"), db, QStringLiteral("--interval"), QStringLiteral("1"),
             QStringLiteral("--duration"), QString::number(RecordSeconds)},
            (RecordSeconds + 60) * 1000);
        QVERIFY2(record.exitCode == 0, qPrintable(record.err));
        // The lowest floor (the balloon's safe minimum, 128 MiB), below the bed's 192 MiB guests.
        const ProgramRun advise =
            runProgram(cli(),
                       {QStringLiteral("advise"), QStringLiteral("--db"), db,
                        QStringLiteral("--host"), m_bed->uri, QStringLiteral("--floor"),
                        QStringLiteral("128MiB"), QStringLiteral("--json")},
                       60000);
        QVERIFY2(advise.exitCode == 0, qPrintable(advise.err));
        m_advice = QJsonDocument::fromJson(advise.out.toUtf8()).object();
        QVERIFY2(!m_advice.isEmpty(), qPrintable(advise.out));
    }

    void sawtoothIsAdvisedItsPeaks() {
        const QJsonObject saw = guestNamed(m_advice, m_bed->guest(QStringLiteral("sawtooth")));
        QCOMPARE(saw.value(QStringLiteral("status")).toString(), QStringLiteral("advised"));
        const qint64 highest = kib(saw, "need_highest_kib");
        const qint64 recommended = kib(saw, "recommended_kib");
        QVERIFY2(highest > 0, QJsonDocument(saw).toJson().constData());
        QVERIFY2(recommended >= highest, QJsonDocument(saw).toJson().constData());
        // The saw-tooth climbs by 16 MiB steps to 64 MiB: its P50 lies well below its top.
        QVERIFY2(kib(saw, "need_p50_kib") + 16 * 1024 <= highest,
                 QJsonDocument(saw).toJson().constData());
        QCOMPARE(saw.value(QStringLiteral("tiers")).toArray().first().toString(),
                 QStringLiteral("raw"));
    }

    void steadyHasMemoryToGiveBack() {
        const QJsonObject steady = guestNamed(m_advice, m_bed->guest(QStringLiteral("steady")));
        QCOMPARE(steady.value(QStringLiteral("status")).toString(), QStringLiteral("advised"));
        QVERIFY2(kib(steady, "recommended_kib") < kib(steady, "actual_kib"),
                 QJsonDocument(steady).toJson().constData());
        QVERIFY(kib(steady, "reclaimable_kib") > 0);
    }

    void noDriverGetsTheReasonNotANumber() {
        const QJsonObject nodriver = guestNamed(m_advice, m_bed->guest(QStringLiteral("nodriver")));
        QCOMPARE(nodriver.value(QStringLiteral("status")).toString(),
                 QStringLiteral("not_reporting"));
        QVERIFY(nodriver.value(QStringLiteral("recommended_kib")).isNull());
        QVERIFY2(nodriver.value(QStringLiteral("reason"))
                     .toString()
                     .contains(QLatin1String("Readiness")),
                 qPrintable(nodriver.value(QStringLiteral("reason")).toString()));
    }

    // The balloon policies replayed on the bed's recorded minute (`simulate`), with a host target
    // low enough (1 % of the machine's RAM in use: no host runs under it) to make Proxmox and
    // Balloonscope act: Balloonscope gives the steady guest's spare memory back and squeezes
    // nobody, the guest without a driver is left alone by every policy. (CI stop 23 saw 3 buckets
    // without the host's figures on a loaded machine: most, not all, have them.)
    void policiesReplayTheBedsHistory() {
        const ProgramRun run = runProgram(
            cli(),
            {QStringLiteral("simulate"), QStringLiteral("--db"), m_db, QStringLiteral("--host"),
             m_bed->uri, QStringLiteral("--range"), QStringLiteral("1h"), QStringLiteral("--floor"),
             QStringLiteral("128MiB"), QStringLiteral("--host-target"), QStringLiteral("1%"),
             QStringLiteral("--json"), QStringLiteral("--series")},
            60000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject replay = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray policies = replay.value(QStringLiteral("policies")).toArray();
        QCOMPARE(policies.size(), 3);
        for (const QJsonValue &v : policies) {
            const QJsonObject p = v.toObject();
            const QString policy = p.value(QStringLiteral("policy")).toString();
            // The host's figures are read after each poll and skipped when the host is busy
            // (HostOverviewFeed keeps only the latest): most buckets have them, not always all.
            const int without = p.value(QStringLiteral("buckets_without_host")).toInt();
            const qsizetype with = p.value(QStringLiteral("host_free_kib")).toArray().size();
            QVERIFY2(with > 3 * without,
                     qPrintable(QStringLiteral("%1 with, %2 without").arg(with).arg(without)));
            QJsonObject steady, nodriver;
            for (const QJsonValue &g : p.value(QStringLiteral("guests")).toArray()) {
                const QString name = g.toObject().value(QStringLiteral("name")).toString();
                if (name == m_bed->guest(QStringLiteral("steady")))
                    steady = g.toObject();
                else if (name == m_bed->guest(QStringLiteral("nodriver")))
                    nodriver = g.toObject();
            }
            QVERIFY2(!steady.isEmpty() && !nodriver.isEmpty(), qPrintable(run.out));
            QCOMPARE(nodriver.value(QStringLiteral("changes")).toInt(), 0);
            if (policy == QStringLiteral("balloonscope")) {
                QCOMPARE(p.value(QStringLiteral("squeeze_count")).toInt(), 0);
                QVERIFY2(kib(steady, "last_balloon_kib") < 192 * 1024,
                         QJsonDocument(steady).toJson().constData());
                QVERIFY(kib(steady, "last_balloon_kib") >= 128 * 1024);
                QVERIFY(p.value(QStringLiteral("handed_back_peak_kib")).toDouble() > 0);
            }
        }
    }

    // --connect: the same history, with the guests' balloon and state read live.
    void adviseWithALiveConnection() {
        const ProgramRun live = runProgram(
            cli(),
            {QStringLiteral("advise"), QStringLiteral("--connect"), m_bed->uri,
             QStringLiteral("--db"), m_dir.filePath(QStringLiteral("bed.sqlite")),
             QStringLiteral("--floor"), QStringLiteral("128MiB"), QStringLiteral("--json")},
            60000);
        QVERIFY2(live.exitCode == 0, qPrintable(live.err));
        const QJsonObject advice = QJsonDocument::fromJson(live.out.toUtf8()).object();
        const QJsonObject steady = guestNamed(advice, m_bed->guest(QStringLiteral("steady")));
        QCOMPARE(steady.value(QStringLiteral("recommended_kib")),
                 guestNamed(m_advice, m_bed->guest(QStringLiteral("steady")))
                     .value(QStringLiteral("recommended_kib")));
        QCOMPARE(steady.value(QStringLiteral("running")).toBool(), true);
        QCOMPARE(guestNamed(advice, m_bed->guest(QStringLiteral("nodriver")))
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("not_reporting"));
    }

    // The steady guest's recommendation applied live: its balloon reaches it (± 2 %) and it
    // keeps reporting; then it gets its memory back for the other tests.
    void applyingTheRecommendationMovesTheBalloon() {
        const QString name = m_bed->guest(QStringLiteral("steady"));
        const QJsonObject steady = guestNamed(m_advice, name);
        const qint64 target = kib(steady, "recommended_kib");
        const qint64 before = kib(steady, "actual_kib");
        QVERIFY(target > 0 && before > target);
        auto setBalloon = [&](qint64 kibTarget) {
            return runProgram(cli(),
                              {QStringLiteral("set-balloon"), QStringLiteral("--connect"),
                               m_bed->uri, QStringLiteral("--domain"), name,
                               QStringLiteral("--target"), QString::number(kibTarget),
                               QStringLiteral("--live"), QStringLiteral("--force")},
                              60000);
        };
        const ProgramRun set = setBalloon(target);
        QVERIFY2(set.exitCode == 0, qPrintable(set.out + set.err));

        MonitorConfig config;
        config.uri = m_bed->uri;
        config.intervalSeconds = 1;
        MonitoredHost host(config, std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        host.start();
        PollCycle reached;
        const bool moved = waitForCycle(
            cycles,
            [&](const PollCycle &c) {
                const MemorySample *s = findGuest(c, name);
                return s && s->stats.actual &&
                       qAbs(qint64(*s->stats.actual) - target) <= target / 50;
            },
            60000, &reached);
        const ProgramRun restore = setBalloon(before);
        QVERIFY2(moved, "the balloon did not reach the recommendation within a minute");
        // Still reporting: two fresh reports with advancing last_update after it got there.
        qint64 lastUpdate = findGuest(reached, name)->stats.lastUpdate.value_or(0);
        int fresh = 0;
        const bool reports = waitForCycle(
            cycles,
            [&](const PollCycle &c) {
                const MemorySample *s = findGuest(c, name);
                if (s && s->freshReport && s->stats.lastUpdate.value_or(0) > lastUpdate) {
                    lastUpdate = *s->stats.lastUpdate;
                    ++fresh;
                }
                return fresh >= 2;
            },
            30000);
        QVERIFY2(reports, "the steady guest stopped reporting after its balloon moved");
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.out + restore.err));
    }
};

BS_TEST_MAIN(TestE2eSizing)
#include "tst_e2e_sizing.moc"
