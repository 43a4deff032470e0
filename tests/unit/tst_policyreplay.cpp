#include "CliRunner.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"
#include "policy/PolicyReplay.h"
#include "policy/PolicyReplayJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

// Replaying recorded history through the balloon policies: on a hand-made input (known
// answers), and through the real store and `balloonscope-cli simulate` (the same numbers as
// replayPolicies in this process).
namespace {

const QString Host = QStringLiteral("qemu+ssh://root@kvm1.example/system");
const QString Saw = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QString Steady = QStringLiteral("22222222-2222-2222-2222-222222222222");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC
constexpr qint64 MiB = 1024;
constexpr qint64 GiB = 1024 * 1024;
constexpr qint64 Minute = 60000;

// 60 one-minute buckets of a 16 GiB host with `hostFree` free: a steady guest needing 1 GiB and
// a saw-tooth rising from 1 to 3.5 GiB, both with a 4 GiB balloon and no page cache.
ReplayInput input(qint64 hostFree, qint64 hostTotal = 16 * GiB) {
    ReplayInput in;
    in.hostId = Host;
    in.bucketMs = Minute;
    in.uuids = {Saw, Steady};
    in.names = {{Saw, QStringLiteral("sawtooth")}, {Steady, QStringLiteral("steady")}};
    for (int b = 0; b < 60; ++b) {
        in.timesMs.append(T0 + b * Minute);
        in.hostTotalKiB.append(hostTotal);
        in.hostFreeKiB.append(hostFree);
        in.hostKnown.append(true);
        for (const QString &uuid : in.uuids) {
            RecordedGuest g;
            g.running = true;
            g.actualKiB = 4 * GiB;
            g.maximumKiB = 4 * GiB;
            g.needKiB = uuid == Saw ? GiB + b * (2560 * MiB / 59) : GiB;
            g.unusedKiB = g.actualKiB - *g.needKiB;
            in.guests[uuid].append(g);
        }
    }
    return in;
}

const ReplayedGuest &guestOf(const PolicyReplay &run, const QString &uuid) {
    return *std::find_if(run.guests.cbegin(), run.guests.cend(),
                         [&](const ReplayedGuest &g) { return g.uuid == uuid; });
}

MemorySample poll(const QString &uuid, qint64 t, qint64 need) {
    MemorySample s;
    s.uuid = uuid;
    s.name = uuid == Saw ? QStringLiteral("sawtooth") : QStringLiteral("steady");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::Reporting;
    s.freshReport = true;
    s.stats.actual = quint64(4 * GiB);
    s.stats.maximum = quint64(4 * GiB);
    s.stats.rss = quint64(GiB);
    s.stats.lastUpdate = t / 1000;
    s.stats.available = quint64(4 * GiB);
    s.stats.usable = quint64(4 * GiB - need);
    s.stats.unused = quint64(4 * GiB - need);
    return s;
}

} // namespace

class TestPolicyReplay : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The host is 2 GiB over Balloonscope's 12 GiB target: the steady guest gives back, the
    // saw-tooth keeps its need + 15 % as it rises, nobody is squeezed.
    void balloonscopeShrinksTheSteadyGuestAndSqueezesNobody() {
        ReplaySettings s;
        s.policies = {PolicyKind::Balloonscope};
        s.balloonscope.hostTargetKiB = 12 * GiB;
        const auto runs = replayPolicies(input(2 * GiB), s);
        QCOMPARE(runs.size(), 1);
        const PolicyReplay &run = runs[0];
        QVERIFY(run.squeezes.isEmpty());
        const ReplayedGuest &steady = guestOf(run, Steady);
        QCOMPARE(steady.balloonKiB.size(), 60);
        QVERIFY(steady.balloonKiB.last().second < 4 * GiB);
        QVERIFY(steady.balloonKiB.last().second >= qint64(std::ceil(1.15 * 1024)) * MiB);
        const ReplayedGuest &saw = guestOf(run, Saw);
        for (qsizetype b = 0; b < saw.balloonKiB.size(); ++b) {
            const qint64 need = GiB + b * (2560 * MiB / 59);
            QVERIFY(saw.balloonKiB[b].second >= need);
        }
        // What it handed back shows on the host: 2 GiB more free at most, never more.
        QVERIFY(run.handedBackPeakKiB > 0);
        QVERIFY(run.handedBackPeakKiB <= 2 * GiB + 16 * MiB);
        QCOMPARE(run.hostFreeKiB.size(), 60);
        QCOMPARE(run.hostFreeKiB.first().second - 2 * GiB,
                 4 * GiB - steady.balloonKiB.first().second + 4 * GiB -
                     saw.balloonKiB.first().second);
    }

    // A guest's kernel keeps memory outside the MemTotal it reports (actual − available): a
    // balloon must hold it on top of the need. Balloonscope keeps it; a squeeze counts it.
    void theKernelsOverheadIsHeldAndCounted() {
        constexpr qint64 Overhead = 512 * MiB;
        ReplayInput plain = input(2 * GiB);
        ReplayInput kernel = plain;
        for (QList<RecordedGuest> &rows : kernel.guests) {
            for (RecordedGuest &g : rows)
                g.availableKiB = g.actualKiB - Overhead;
        }
        ReplaySettings s;
        s.policies = {PolicyKind::Balloonscope};
        s.balloonscope.hostTargetKiB = 12 * GiB;
        const PolicyReplay held = replayPolicies(kernel, s)[0];
        QVERIFY(held.squeezes.isEmpty());
        QVERIFY(guestOf(held, Steady).balloonKiB.last().second >=
                qint64(std::ceil(1.15 * 1024)) * MiB + Overhead);
        // MOM does not read MemTotal (it aims at the same balloons either way); its squeezes are
        // deeper by the overhead when the guests report it.
        s.policies = {PolicyKind::Mom};
        const PolicyReplay momPlain = replayPolicies(input(256 * GiB / 100, 256 * GiB), s)[0];
        ReplayInput critical = input(256 * GiB / 100, 256 * GiB);
        for (QList<RecordedGuest> &rows : critical.guests) {
            for (RecordedGuest &g : rows)
                g.availableKiB = g.actualKiB - Overhead;
        }
        const PolicyReplay momKernel = replayPolicies(critical, s)[0];
        QVERIFY(guestOf(momPlain, Steady).worstDeficitKiB > 0);
        QCOMPARE(guestOf(momKernel, Steady).worstDeficitKiB,
                 guestOf(momPlain, Steady).worstDeficitKiB + Overhead);
    }

    // MOM at 1 % free on a 256 GiB host (critical, and what two small guests give back does not
    // lift it out) aims below the guests' use: they are squeezed.
    void momSqueezesUnderCriticalPressure() {
        ReplaySettings s;
        s.policies = {PolicyKind::Mom};
        const auto runs = replayPolicies(input(256 * GiB / 100, 256 * GiB), s);
        const PolicyReplay &run = runs[0];
        QVERIFY(!run.squeezes.isEmpty());
        QVERIFY(guestOf(run, Steady).worstDeficitKiB > 0);
        // Critical pressure persists (the guests cannot free 10 % of the host), so MOM keeps
        // cutting 5 % per evaluation below a use it re-reads from the squeezed guest: one
        // squeeze to the end of the range, deeper than its −4 % headroom alone.
        const auto steadySqueezes =
            std::count_if(run.squeezes.cbegin(), run.squeezes.cend(),
                          [](const Squeeze &q) { return q.uuid == Steady; });
        QCOMPARE(steadySqueezes, 1);
        const Squeeze &whole = *std::find_if(run.squeezes.cbegin(), run.squeezes.cend(),
                                             [](const Squeeze &x) { return x.uuid == Steady; });
        QCOMPARE(whole.toMs, T0 + 60 * Minute);
        QVERIFY(guestOf(run, Steady).worstDeficitKiB > 4 * GiB * 4 / 100);
        for (const Squeeze &q : run.squeezes) {
            QVERIFY(q.toMs > q.fromMs);
            QVERIFY(q.worstDeficitKiB > 0);
        }
        QVERIFY(run.changes > 0);
    }

    // Proxmox takes back what puts the host at 80 % in use (1.2 GiB), ±its dead-band and step.
    void proxmoxReachesItsGoal() {
        ReplaySettings s;
        s.policies = {PolicyKind::Proxmox};
        const auto runs = replayPolicies(input(2 * GiB), s);
        const PolicyReplay &run = runs[0];
        const qint64 goal = 16 * GiB * 2 / 10; // 20 % of RAM should be available
        QVERIFY2(qAbs(run.hostFreeKiB.last().second - goal) <= 10 * MiB + 1,
                 qPrintable(QString::number(run.hostFreeKiB.last().second)));
    }

    // Where the host's own figures are missing nothing is decided: the balloons hold; a guest
    // that stops and starts again begins from its recorded balloon.
    void missingHostFiguresAndRestarts() {
        ReplayInput in = input(2 * GiB);
        for (int b = 0; b < 10; ++b)
            in.hostKnown[b] = false;
        for (int b = 20; b < 25; ++b)
            in.guests[Steady][b].running = false;
        ReplaySettings s;
        s.policies = {PolicyKind::Balloonscope};
        s.balloonscope.hostTargetKiB = 12 * GiB;
        const PolicyReplay run = replayPolicies(in, s)[0];
        QCOMPARE(run.bucketsWithoutHost, 10);
        const ReplayedGuest &steady = guestOf(run, Steady);
        for (int b = 0; b < 10; ++b)
            QCOMPARE(steady.balloonKiB[b].second, 4 * GiB);
        QVERIFY(steady.balloonKiB[10].second < 4 * GiB);
        QCOMPARE(steady.balloonKiB.size(), 55);
        QCOMPARE(steady.balloonKiB[20].first, T0 + 25 * Minute);
        QVERIFY(steady.balloonKiB[20].second > steady.balloonKiB[19].second); // restarted at 4 GiB
        QCOMPARE(run.hostFreeKiB.size(), 50);
    }

    // Through the real store and binary: `simulate --json` gives what replayPolicies gives on
    // the store's answers in this process; bad arguments get a clear error.
    void cliMatchesTheReplayInProcess() {
        const QString db = m_dir.filePath(QStringLiteral("replay.sqlite"));
        FakeClock clock;
        clock.set(T0);
        const qint64 end = T0 + 3600000;
        QJsonObject expected;
        {
            HistoryStore store(testHistoryOptions(db, clock));
            QVERIFY(openAndWait(store));
            for (int i = 0; i < 360; ++i) { // an hour at 10 s
                const qint64 t = T0 + i * 10000;
                store.record(pollCycle(
                    Host, t, {poll(Saw, t, GiB + i * 7 * MiB), poll(Steady, t, GiB)}, 10));
                HostSample h;
                h.hostId = Host;
                h.timeMs = t;
                h.total = quint64(16 * GiB);
                h.free = quint64(GiB);
                h.buffers = quint64(0);
                h.cached = quint64(GiB);
                store.recordHost(h);
            }
            clock.set(end);
            QVERIFY(store.waitForIdle());
            const SeriesResult series =
                querySeries(store, replaySeriesRequest(Host, {Saw, Steady}, T0, end, 2000));
            const HostSeriesResult host =
                queryHostSeries(store, replayHostRequest(Host, T0, end, 2000));
            const ReplayInput in = replayInputFrom(
                series, host,
                {{Saw, QStringLiteral("sawtooth")}, {Steady, QStringLiteral("steady")}});
            QCOMPARE(in.timesMs.size(), 360);
            ReplaySettings s;
            s.balloonscope.hostTargetShare = 0.70;
            s.proxmox.targetPercent = 70;
            expected = policyReplayJson(in, replayPolicies(in, s), true);
        }
        const QStringList base{QStringLiteral("simulate"),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--host"),
                               Host,
                               QStringLiteral("--from"),
                               QDateTime::fromMSecsSinceEpoch(T0, Qt::UTC).toString(Qt::ISODate),
                               QStringLiteral("--to"),
                               QDateTime::fromMSecsSinceEpoch(end, Qt::UTC).toString(Qt::ISODate)};
        const CliRun run =
            runCli(base + QStringList{QStringLiteral("--host-target"), QStringLiteral("70%"),
                                      QStringLiteral("--json"), QStringLiteral("--series")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject got = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(got, expected);
        const QJsonArray policies = got.value(QStringLiteral("policies")).toArray();
        QCOMPARE(policies.size(), 3);
        // The recorded host was at 87.5 % in use: Balloonscope took some back, squeezed no one.
        for (const QJsonValue &v : policies) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("policy")).toString() == QStringLiteral("balloonscope")) {
                QCOMPARE(p.value(QStringLiteral("squeeze_count")).toInt(), 0);
                QVERIFY(p.value(QStringLiteral("handed_back_peak_kib")).toDouble() > 0);
            }
        }

        // The text form names every policy and says it is open-loop.
        const CliRun textRun = runCli(base);
        QCOMPARE(textRun.exitCode, 0);
        QVERIFY(textRun.out.contains(QStringLiteral("Open-loop")));
        QVERIFY(textRun.out.contains(QStringLiteral("Proxmox")));

        const CliRun badPolicy =
            runCli(base + QStringList{QStringLiteral("--policy"), QStringLiteral("ksmtuned")});
        QCOMPARE(badPolicy.exitCode, 2);
        QVERIFY(badPolicy.err.contains(QStringLiteral("ksmtuned")));
        const CliRun badTarget =
            runCli(base + QStringList{QStringLiteral("--host-target"), QStringLiteral("150%")});
        QCOMPARE(badTarget.exitCode, 2);
        QVERIFY(badTarget.err.contains(QStringLiteral("--host-target")));
        const CliRun badHeadroom =
            runCli(base + QStringList{QStringLiteral("--headroom"), QStringLiteral("abc")});
        QCOMPARE(badHeadroom.exitCode, 2);
        QVERIFY2(badHeadroom.err.contains(QStringLiteral("headroom")), qPrintable(badHeadroom.err));
        // The autopilot takes the same --headroom, checked before anything connects; and
        // without --autopilot it is refused rather than ignored.
        const CliRun pilotHeadroom = runCli(
            {QStringLiteral("record"), QStringLiteral("--connect"),
             QStringLiteral("test:///default"), QStringLiteral("--db"),
             m_dir.filePath(QStringLiteral("unused.sqlite")), QStringLiteral("--autopilot"),
             QStringLiteral("balloonscope"), QStringLiteral("--headroom"), QStringLiteral("250%")});
        QCOMPARE(pilotHeadroom.exitCode, 2);
        QVERIFY2(pilotHeadroom.err.contains(QStringLiteral("headroom")),
                 qPrintable(pilotHeadroom.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("unused.sqlite"))));
        const CliRun noPilot = runCli({QStringLiteral("record"), QStringLiteral("--connect"),
                                       QStringLiteral("test:///default"),
                                       QStringLiteral("--headroom"), QStringLiteral("20")});
        QCOMPARE(noPilot.exitCode, 2);
        QVERIFY2(noPilot.err.contains(QStringLiteral("--headroom goes with --autopilot")),
                 qPrintable(noPilot.err));
        const CliRun elsewhere =
            runCli({QStringLiteral("simulate"), QStringLiteral("--db"), db,
                    QStringLiteral("--host"), QStringLiteral("qemu:///other")});
        QCOMPARE(elsewhere.exitCode, 1);
        QVERIFY(elsewhere.err.contains(QStringLiteral("Nothing was recorded")));
    }
};

BS_TEST_MAIN(TestPolicyReplay)
#include "tst_policyreplay.moc"
