#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "health/PressureLane.h"
#include "history/HistoryStore.h"
#include "history/RollupCompactor.h"
#include "history/Sqlite.h"

#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("qemu:///system");
const QString Uuid = QStringLiteral("33333333-3333-3333-3333-333333333333");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00 UTC, on a whole hour
constexpr qint64 T0s = T0 / 1000;
constexpr qint64 Day = 86400000;

MemorySample poll(qint64 t, quint64 available, quint64 unused, quint64 usable, quint64 rss) {
    MemorySample s = guestPoll(Uuid, QStringLiteral("vm"), t, 0);
    s.stats.available = available;
    s.stats.unused = unused;
    s.stats.usable = usable;
    s.stats.rss = rss;
    return s;
}

SeriesRequest usedRequest(qint64 from, qint64 to, int points) {
    SeriesRequest r;
    r.hostId = Host;
    r.uuids = {Uuid};
    r.metrics = {Metric::Used};
    r.fromMs = from;
    r.toMs = to;
    r.points = points;
    return r;
}

} // namespace

class TestRollupCompactor : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &file) {
        return testHistoryOptions(m_dir.filePath(file), m_clock);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void minuteAndHourMath() {
        m_clock.set(T0);
        HistoryStore store(options(QStringLiteral("math.sqlite")));
        QVERIFY(openAndWait(store));
        // Minute 0: six fresh reports. used = available − unused per sample: its minimum (2500)
        // is not min(available) − max(unused) = 2000, which is why "used" is rolled up itself.
        const quint64 m0[6][3] = {{4000, 1000, 2000}, {3000, 500, 1500},  {4000, 1500, 2500},
                                  {4000, 100, 500},   {4000, 1000, 2000}, {4000, 1000, 2000}};
        for (int i = 0; i < 6; ++i) {
            const qint64 t = T0 + i * 10000;
            store.record(
                pollCycle(Host, t, {poll(t, m0[i][0], m0[i][1], m0[i][2], 4000000 + i * 10)}, 10));
        }
        // Minute 1: a report every other poll (repeated ones hold), used 1000, 2000, 3000.
        for (int i = 0; i < 6; ++i) {
            const qint64 t = T0 + 60000 + i * 10000;
            MemorySample s = poll(t, 4000, 4000 - 1000 * (i / 2 + 1), 3500, 4000000);
            if (i % 2) {
                s.freshReport = false;
                s.stats.clearGuestFields();
            }
            store.record(pollCycle(Host, t, {s}, 10));
        }
        // Minute 2: polled, but the guest does not report (stats off): a gap for guest figures.
        for (int i = 0; i < 6; ++i) {
            const qint64 t = T0 + 120000 + i * 10000;
            store.record(pollCycle(
                Host, t, {guestPoll(Uuid, QStringLiteral("vm"), t, 0, false, StatsState::Off)},
                10));
        }
        m_clock.set(T0 + 2 * 3600000); // minutes roll 2 min after they end; hours after minutes
        store.compactNow();
        QVERIFY(store.waitForIdle());
        const QString path = store.path();
        QCOMPARE(sqlText(path,
                         "SELECT group_concat(n_host || '/' || n_report || '/' || n_gap, ' ') "
                         "FROM (SELECT * FROM rollup_1m ORDER BY t)"),
                 QStringLiteral("6/6/0 6/3/0 6/0/6"));
        QCOMPARE(sqlText(path, "SELECT used_min || ' ' || used_avg || ' ' || used_max || ' ' || "
                               "rss_min || ' ' || rss_avg || ' ' || rss_max FROM rollup_1m "
                               "ORDER BY t LIMIT 1"),
                 QStringLiteral("2500 2983 3900 4000000 4000025 4000050"));
        QCOMPARE(sqlText(path, "SELECT used_excluding_cache_min || ' ' || used_excluding_cache_max "
                               "FROM rollup_1m ORDER BY t LIMIT 1"),
                 QStringLiteral("1500 3500"));
        QCOMPARE(sqlText(path, "SELECT coalesce(used_max, 'null') || ' ' || actual_avg FROM "
                               "rollup_1m ORDER BY t DESC LIMIT 1"),
                 QStringLiteral("null 4194304"));
        // The hour: minutes weighted by their reports, (2983·6 + 2000·3) / 9 = 2655.3.
        QCOMPARE(sqlText(path, "SELECT n_host || '/' || n_report || '/' || n_gap || ' ' || "
                               "used_min || ' ' || used_avg || ' ' || used_max FROM rollup_1h"),
                 QStringLiteral("18/9/6 1000 2655 3900"));
        // Read through the minute tier: one envelope per minute, holds kept, the gap unmarked at
        // the end.
        const auto minutes = querySeries(store, usedRequest(T0, T0 + 180000, 3));
        QCOMPARE(minutes.tiers.first().tier, Tier::Minute);
        const auto &points = minutes.series.first().points;
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0].min, 2500.0);
        QCOMPARE(points[0].max, 3900.0);
        QCOMPARE(points[1].avg, 2000.0);
        // Raw data is still there: a fine query reads it, same spike.
        const auto raw = querySeries(store, usedRequest(T0, T0 + 60000, 60));
        QCOMPARE(raw.tiers.first().tier, Tier::Raw);
        QCOMPARE(raw.series.first().points[3].avg, 3900.0);
    }

    // The host's view of the guest (VmSwap, PSI in hundredths of a percent) is stored with
    // every poll, rolled up like every metric, and read back through both tiers; the pressure
    // lane's rates come out of the recorded counters.
    void processFiguresAreRecordedAndRolledUp() {
        m_clock.set(T0);
        HistoryStore store(options(QStringLiteral("process.sqlite")));
        QVERIFY(openAndWait(store));
        for (int i = 0; i < 12; ++i) {
            const qint64 t = T0 + i * 10000;
            MemorySample s = poll(t, 4000, 1000, 2000, 4000000);
            s.stats.vmSwap = 1024 * quint64(i);
            s.stats.psiSome = i < 6 ? 0 : 2500; // 25 % in the second minute
            s.stats.psiFull = i < 6 ? 0 : 500;
            s.stats.swapIn = 100 * quint64(i * i); // KiB, cumulative
            store.record(pollCycle(Host, t, {s}, 10));
        }
        m_clock.set(T0 + 2 * 3600000);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        const QString path = store.path();
        QCOMPARE(sqlText(path, "SELECT group_concat(vm_swap_max || '/' || psi_some_avg || '/' || "
                               "psi_full_max, ' ') FROM (SELECT * FROM rollup_1m ORDER BY t)"),
                 QStringLiteral("5120/0/0 11264/2500/500"));
        QCOMPARE(sqlText(path, "SELECT psi_some FROM samples_readable ORDER BY t DESC LIMIT 1"),
                 QStringLiteral("25.0"));
        SeriesRequest r = usedRequest(T0, T0 + 120000, 120);
        r.metrics = {Metric::VmSwap, Metric::PsiSome};
        const auto raw = querySeries(store, r);
        QCOMPARE(raw.tiers.first().tier, Tier::Raw);
        QCOMPARE(raw.series.size(), 2);
        QCOMPARE(raw.series[0].points.size(), 12);
        QCOMPARE(raw.series[0].points[3].avg, 3072.0);
        QCOMPARE(raw.series[1].points[11].avg, 2500.0);
        r.points = 2;
        const auto minutes = querySeries(store, r);
        QCOMPARE(minutes.tiers.first().tier, Tier::Minute);
        QCOMPARE(minutes.series[1].points.last().avg, 2500.0);

        // The lane from the raw counters: 100·(i² − (i−1)²) KiB over 10 s.
        r.metrics = pressureLaneMetrics();
        r.points = 120;
        const QList<PressureLanePoint> lane = pressureLane(querySeries(store, r).series);
        QCOMPARE(lane.size(), 12);
        QVERIFY(std::isnan(lane[0].swapInKiBps)); // no previous report to grow from
        QCOMPARE(lane[1].swapInKiBps, 10.0);
        QCOMPARE(lane[5].swapInKiBps, 90.0);
        QCOMPARE(lane[11].psiSomePercent, 25.0);
        QCOMPARE(lane[11].psiFullPercent, 5.0);
        QCOMPARE(lane[11].majorFaultsPerSecond, 0.0); // reported, flat
        QCOMPARE(lane[11].swapOutKiBps, 0.0);
    }

    void spikeSurvivesEveryTierAndZoom() {
        // Ten days of one poll a minute; raw kept one day, minutes five.
        m_clock.set(T0);
        HistoryOptions o = options(QStringLiteral("tiers.sqlite"));
        o.retention.rawSeconds = 86400;
        o.retention.minuteSeconds = 5 * 86400;
        HistoryStore store(o);
        QVERIFY(openAndWait(store));
        const QList<qint64> spikes = {T0 + 2 * Day + 777000 / 60000 * 60000, T0 + 7 * Day + 3600000,
                                      T0 + 9 * Day + 12 * 3600000};
        for (qint64 t = T0; t < T0 + 10 * Day; t += 60000) {
            const quint64 used = spikes.contains(t) ? 3999000 : 1000 + (t / 60000) % 7;
            store.record(pollCycle(Host, t, {guestPoll(Uuid, QStringLiteral("vm"), t, used)}, 60));
        }
        m_clock.set(T0 + 10 * Day);
        store.compactNow();
        QVERIFY(store.waitForIdle(60000));
        const QString path = store.path();
        const qint64 now = T0s + 10 * 86400;
        QCOMPARE(sqlInt(path, "SELECT purged_before FROM tiers WHERE tier = 'raw'"), now - 86400);
        QVERIFY(sqlInt(path, "SELECT min(t) FROM samples") >= now - 86400);
        QCOMPARE(sqlInt(path, "SELECT purged_before FROM tiers WHERE tier = '1m'"),
                 now - 5 * 86400);
        QVERIFY(sqlInt(path, "SELECT min(t) FROM rollup_1m") >= now - 5 * 86400);
        QCOMPARE(sqlInt(path, "SELECT min(t) FROM rollup_1h"), T0s);

        for (qint64 spike : spikes) {
            // Around the spike at several zoom levels, and the whole ten days.
            const QList<std::pair<qint64, qint64>> windows = {{spike - 3600000, spike + 3600000},
                                                              {spike - Day, spike + Day},
                                                              {T0, T0 + 10 * Day}};
            for (const auto &[from, to] : windows) {
                for (int points : {5, 60, 400, 1920, 20000}) {
                    const auto result = querySeries(store, usedRequest(from, to, points));
                    const auto &series = result.series.first().points;
                    const auto where = QStringLiteral("spike %1 h, window %2 h, %3 points")
                                           .arg((spike - T0) / 3600000)
                                           .arg((to - from) / 3600000)
                                           .arg(points);
                    int peaks = 0;
                    for (const EnvelopePoint &p : series)
                        peaks += p.max == 3999000 ? 1 : 0;
                    QVERIFY2(peaks >= 1, qPrintable(where));
                    QVERIFY2(int(series.size()) <= points + 2, qPrintable(where));
                    QVERIFY2(gapCount(series) == 0, qPrintable(where)); // no seams between tiers
                    if (to - from == 2 * 3600000) {
                        // Zoomed in: the finest tier still holding the spike answers.
                        const Tier expected = spike < T0 + 5 * Day   ? Tier::Hour
                                              : spike < T0 + 9 * Day ? Tier::Minute
                                                                     : Tier::Raw;
                        QVERIFY2(result.tiers.first().tier == expected || points < 400,
                                 qPrintable(where));
                    }
                }
            }
        }
    }

    void latePollsAreRolledAgain() {
        m_clock.set(T0);
        HistoryStore store(options(QStringLiteral("late.sqlite")));
        QVERIFY(openAndWait(store));
        for (int i = 0; i < 30; ++i) {
            const qint64 t = T0 + i * 10000;
            store.record(pollCycle(Host, t, {guestPoll(Uuid, QStringLiteral("vm"), t, 500)}, 10));
        }
        m_clock.set(T0 + 3 * 3600000);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlText(store.path(), "SELECT n_host || ' ' || used_max FROM rollup_1m WHERE "
                                       "t = 1735689660"),
                 QStringLiteral("6 500"));
        // A poll that arrives after its minute was rolled up (a clock set back, a slow host).
        const qint64 late = T0 + 65000;
        store.record(
            pollCycle(Host, late, {guestPoll(Uuid, QStringLiteral("vm"), late, 9000)}, 10));
        store.compactNow();
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlText(store.path(), "SELECT n_host || ' ' || used_max FROM rollup_1m WHERE "
                                       "t = 1735689660"),
                 QStringLiteral("7 9000"));
        QCOMPARE(sqlInt(store.path(), "SELECT used_max FROM rollup_1h"), 9000);
    }
    // In the background (Pace::Batched) minutes are rolled once five of them are due, so each
    // guest's roll-up blocks take five rows per merge; compactNow() (Pace::Eager) rolls every
    // due minute. Either way the rows are the same.
    void backgroundRollsMinutesInBatches() {
        m_clock.set(T0);
        QString path;
        {
            HistoryStore store(options(QStringLiteral("batched.sqlite")));
            QVERIFY(openAndWait(store));
            for (int i = 0; i < 6 * 20; ++i) { // 20 minutes at 10 s
                const qint64 t = T0 + i * 10000;
                store.record(
                    pollCycle(Host, t, {guestPoll(Uuid, QStringLiteral("vm"), t, 100 + i)}, 10));
            }
            QVERIFY(store.waitForIdle());
            path = store.path();
        }
        QCOMPARE(
            sqlText(path, "SELECT coalesce(rolled_until, 'none') FROM tiers WHERE tier = '1m'"),
            QStringLiteral("none"));
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        QVERIFY(db);
        history::RollupCompactor compactor(*db, RetentionPolicy{});
        const auto runUntilIdle = [&](qint64 nowSeconds, history::RollupCompactor::Pace pace) {
            for (int steps = 0; steps < 100; ++steps) {
                auto more = compactor.step(nowSeconds, pace);
                if (!more || !*more)
                    return bool(more);
            }
            return false;
        };
        const auto rolledUntil = [&] {
            return sqlInt(path, "SELECT rolled_until FROM tiers WHERE tier = '1m'") - T0s;
        };
        const auto batched = history::RollupCompactor::Pace::Batched;
        // The first roll starts the tier: the minutes due 2 minutes after they end, at once.
        QVERIFY(runUntilIdle(T0s + 4 * 60, batched));
        QCOMPARE(rolledUntil(), 2 * 60);
        // Four more minutes due: not yet in the background.
        QVERIFY(runUntilIdle(T0s + 8 * 60, batched));
        QCOMPARE(rolledUntil(), 2 * 60);
        // Five: all five in one roll.
        QVERIFY(runUntilIdle(T0s + 9 * 60, batched));
        QCOMPARE(rolledUntil(), 7 * 60);
        // Eager: the one minute due now.
        QVERIFY(runUntilIdle(T0s + 10 * 60, history::RollupCompactor::Pace::Eager));
        QCOMPARE(rolledUntil(), 8 * 60);
        // Every minute rolled once, with its six polls and their largest figure.
        QCOMPARE(sqlText(path, "SELECT group_concat(n_host || ':' || used_max, ' ') FROM "
                               "(SELECT * FROM rollup_1m ORDER BY t)"),
                 QStringLiteral("6:105 6:111 6:117 6:123 6:129 6:135 6:141 6:147"));
    }
};

BS_TEST_MAIN(TestRollupCompactor)
#include "tst_rollupcompactor.moc"
