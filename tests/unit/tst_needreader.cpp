#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"
#include "sizing/HostAdvice.h"

#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

// The history's need query (NeedReader, through the real HistoryStore and SQLite file): raw
// polls where they exist, the roll-ups' maxima where they aged out, counters, hours, coverage.
namespace {

const QString Host = QStringLiteral("qemu:///system");
const QString UuidA = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QString UuidB = QStringLiteral("22222222-2222-2222-2222-222222222222");
const QString UuidC = QStringLiteral("33333333-3333-3333-3333-333333333333");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC, ms
constexpr qint64 Day = 86400000;
constexpr qint64 MiB = 1024;
constexpr qint64 GiB = 1024 * 1024;
constexpr int Interval = 5;

// A reporting poll whose need (available − usable) is `need` KiB; MemFree is 100 MiB below
// MemAvailable (page cache). `withUsable` false: an old driver without MemAvailable.
MemorySample poll(const QString &uuid, qint64 t, qint64 need, bool withUsable = true,
                  quint64 swapIn = 0, quint64 majorFaults = 0) {
    MemorySample s;
    s.uuid = uuid;
    s.name = uuid == UuidA ? QStringLiteral("web") : QStringLiteral("db");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::Reporting;
    s.freshReport = true;
    s.stats.actual = quint64(4 * GiB);
    s.stats.maximum = quint64(8 * GiB);
    s.stats.rss = quint64(3 * GiB);
    s.stats.lastUpdate = t / 1000;
    s.stats.available = quint64(4 * GiB);
    if (withUsable) {
        s.stats.usable = quint64(4 * GiB - need);
        s.stats.unused = quint64(4 * GiB - need - 100 * MiB);
    } else {
        // This one's kernel keeps 128 MiB outside the MemTotal it reports.
        s.stats.available = quint64(4 * GiB - 128 * MiB);
        s.stats.unused = *s.stats.available - quint64(need);
    }
    s.stats.swapIn = swapIn;
    s.stats.majorFault = majorFaults;
    return s;
}

// Running with a balloon but no driver: host figures only.
MemorySample silent(const QString &uuid, qint64 t) {
    MemorySample s;
    s.uuid = uuid;
    s.name = QStringLiteral("nodriver");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::NoDriver;
    s.stats.actual = quint64(2 * GiB);
    s.stats.maximum = quint64(2 * GiB);
    s.stats.rss = quint64(GiB);
    return s;
}

const GuestNeedHistory *find(const NeedResult &r, const QString &uuid) {
    for (const GuestNeedHistory &g : r.guests) {
        if (g.uuid == uuid)
            return &g;
    }
    return nullptr;
}

} // namespace

class TestNeedReader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &file) {
        return testHistoryOptions(m_dir.filePath(file), m_clock);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A one-poll spike eight days ago: its raw poll is purged (raw keeps 7 days), its minute's
    // maximum still carries it into the percentile, weighted by the reports of that minute.
    void oldSpikeCountsThroughTheMinuteMaxima() {
        m_clock.set(T0);
        HistoryStore store(options(QStringLiteral("spike.sqlite")));
        QVERIFY(openAndWait(store));
        for (int i = 0; i < 24; ++i) { // two minutes, 12 polls each; the spike at i == 5
            const qint64 t = T0 + i * Interval * 1000;
            store.record(
                pollCycle(Host, t, {poll(UuidA, t, i == 5 ? 3 * GiB : 500 * MiB)}, Interval));
        }
        const qint64 later = T0 + 8 * Day;
        for (int i = 0; i < 12; ++i) {
            const qint64 t = later + i * Interval * 1000;
            store.record(pollCycle(Host, t, {poll(UuidA, t, 600 * MiB)}, Interval));
        }
        m_clock.set(later + 60000);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        QVERIFY(sqlInt(store.path(), "SELECT count(*) FROM samples WHERE t < 1735776000") == 0);

        const NeedResult r =
            queryNeeds(store, NeedRequest{Host, {}, later + 60000 - 14 * Day, later + 60000});
        QCOMPARE(r.guests.size(), 1);
        const GuestNeedHistory &g = r.guests[0];
        QCOMPARE(g.uuid, UuidA);
        QCOMPARE(g.name, QStringLiteral("web"));
        QCOMPARE(r.tiers, (QList<Tier>{Tier::Raw, Tier::Minute}));
        // Two minute rows (12 reports each, one of them at the spike) and twelve raw polls.
        QCOMPARE(g.need.points, qint64(14));
        QCOMPARE(g.need.reports, qint64(36));
        QCOMPARE(g.need.highestKiB, std::optional<qint64>(3 * GiB));
        QCOMPARE(g.need.tiers, (QList<Tier>{Tier::Raw, Tier::Minute}));
        QCOMPARE(g.need.at(50), std::optional<qint64>(600 * MiB));

        // The advice: 36 reports, 12 of them at the spike's minute maximum: P95 is the spike.
        SizingPolicy p = SizingPolicy::fromPreset(SizingPreset::Balanced);
        const HostAdvice advice = adviseHost(r, p);
        QCOMPARE(*advice.guests[0].needP95, 3 * GiB);
        QCOMPARE(*advice.guests[0].needP50, 600 * MiB);
        QCOMPARE(advice.guests[0].tiers, (QList<Tier>{Tier::Raw, Tier::Minute}));
        QVERIFY(*advice.guests[0].recommendedKiB >= 3 * GiB);
    }

    // A gap in the recording and a guest that stopped reporting, over one hour.
    void gapsCoverageAndStates() {
        m_clock.set(T0);
        HistoryStore store(options(QStringLiteral("gaps.sqlite")));
        QVERIFY(openAndWait(store));
        store.recordHostMemory(Host, T0, quint64(32 * GiB));
        int polls = 0;
        for (int i = 0; i < 720; ++i) { // an hour at 5 s, with nothing recorded in minutes 20-39
            const qint64 t = T0 + i * Interval * 1000;
            if (i >= 240 && i < 480)
                continue;
            ++polls;
            // B has no MemAvailable (cache counted) and swaps in 20 MiB at i == 100.
            store.record(pollCycle(Host, t,
                                   {poll(UuidA, t, (i % 10 + 1) * 100 * MiB),
                                    poll(UuidB, t, GiB, false, i >= 100 ? 20 * MiB : 0, 50),
                                    silent(UuidC, t)},
                                   Interval));
        }
        m_clock.set(T0 + 3600000);
        const NeedResult r = queryNeeds(store, NeedRequest{Host, {}, T0, T0 + 3600000});
        QCOMPARE(r.intervalSeconds, Interval);
        QCOMPARE(r.guests.size(), 3);
        QCOMPARE(r.hostTotalKiB, std::optional<qint64>(32 * GiB));

        const GuestNeedHistory *a = find(r, UuidA);
        QVERIFY(a);
        QCOMPARE(a->need.points, qint64(polls));
        QCOMPARE(a->need.reports, qint64(polls));
        QCOMPARE(a->reportingPolls, polls);
        QCOMPARE(a->hours.size(), 1);
        QCOMPARE(a->hours[0].actualMaxKiB, 4 * GiB);
        QCOMPARE(a->actualKiB, std::optional<qint64>(4 * GiB));
        QCOMPARE(a->maximumKiB, std::optional<qint64>(8 * GiB));
        QVERIFY(a->pressure.isEmpty());

        const GuestNeedHistory *b = find(r, UuidB);
        QVERIFY(b);
        QVERIFY(b->need.cacheCounted);
        QCOMPARE(b->need.highestKiB, std::optional<qint64>(GiB));
        // The kernel's overhead outside MemTotal, from the newest report: none for A.
        QCOMPARE(b->overheadKiB, 128 * MiB);
        QCOMPARE(a->overheadKiB, qint64(0));
        QCOMPARE(b->need.at(50), std::optional<qint64>(GiB));
        QCOMPARE(b->pressure.size(), 1);
        QCOMPARE(b->pressure[0].swapInKiB, 20 * MiB);
        QCOMPARE(b->pressure[0].toMs, T0 + 100 * Interval * 1000);

        const GuestNeedHistory *c = find(r, UuidC);
        QVERIFY(c);
        QVERIFY(c->need.isEmpty());
        QCOMPARE(c->lastStatsState, StatsState::NoDriver);
        QCOMPARE(c->reportingPolls, 0);

        const HostAdvice advice = adviseHost(r, SizingPolicy::fromPreset(SizingPreset::Balanced));
        const GuestAdvice &aa =
            advice.guests[0].uuid == UuidA
                ? advice.guests[0]
                : *std::find_if(advice.guests.cbegin(), advice.guests.cend(),
                                [](const GuestAdvice &x) { return x.uuid == UuidA; });
        // 480 of 720 polls of the one-hour window: two thirds covered, Medium confidence.
        QCOMPARE(aa.confidence, Confidence::Medium);
        QVERIFY(qAbs(aa.coverage.share - polls * 5.0 / 3600) < 1e-9);
        QCOMPARE(*aa.needP95, 1000 * MiB); // needs cycle 100..1000 MiB
        for (const GuestAdvice &g : advice.guests) {
            if (g.uuid == UuidB) {
                QVERIFY(g.cacheCounted);
                QVERIFY(g.vetoed); // 20 MiB in 5 s
                QCOMPARE(*g.recommendedKiB, 4 * GiB);
            } else if (g.uuid == UuidC) {
                QCOMPARE(g.status, AdviceStatus::NotReporting);
                QVERIFY(!g.recommendedKiB);
            }
        }
        QVERIFY(advice.whatIf.known);
        QCOMPARE(advice.whatIf.hostTotalKiB, 32 * GiB);
        QCOMPARE(advice.whatIf.peakTodayKiB, 4 * GiB + 4 * GiB + 2 * GiB);
    }

    // Counters after the raw polls aged out: read by hour, and by minute only in the hours in
    // which they grew. A swaps in 20 MiB once, in minute 70: one pressure point, that minute,
    // whatever the two quiet hours around it. B's major faults grow by one every poll: every
    // minute of the three hours is a point, and together they are every fault.
    void countersByHourThenMinute() {
        m_clock.set(T0);
        HistoryStore store(options(QStringLiteral("counters.sqlite")));
        QVERIFY(openAndWait(store));
        constexpr int Polls = 3 * 720; // three hours
        for (int i = 0; i < Polls; ++i) {
            const qint64 t = T0 + i * Interval * 1000;
            store.record(pollCycle(Host, t,
                                   {poll(UuidA, t, 500 * MiB, true, i >= 842 ? 20 * MiB : 0, 7),
                                    poll(UuidB, t, 500 * MiB, true, 0, quint64(i))},
                                   Interval));
        }
        const qint64 later = T0 + 8 * Day;
        m_clock.set(later);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples"), 0);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM rollup_1h"), 6);

        const NeedResult r = queryNeeds(store, NeedRequest{Host, {}, T0, T0 + 3 * 3600000});
        const GuestNeedHistory *a = find(r, UuidA);
        QVERIFY(a);
        const qint64 minute = 60000;
        QCOMPARE(a->pressure,
                 (QList<PressurePoint>{{T0 + 70 * minute, T0 + 71 * minute, 20 * MiB, 0}}));
        QCOMPARE(a->reportingPolls, Polls);

        const GuestNeedHistory *b = find(r, UuidB);
        QVERIFY(b);
        QCOMPARE(b->pressure.size(), 180);
        qint64 faults = 0;
        for (const PressurePoint &p : b->pressure) {
            QCOMPARE(p.toMs - p.fromMs, minute);
            QCOMPARE(p.swapInKiB, 0);
            faults += p.majorFaults;
        }
        QCOMPARE(faults, qint64(Polls - 1));
        QCOMPARE(b->pressure[0].majorFaults, 11); // polls 0..11 of the first minute
        QCOMPARE(b->pressure[1].majorFaults, 12); // 11 → 23, its first one across the boundary
        QCOMPARE(b->pressure[0].fromMs, T0);

        const HostAdvice advice = adviseHost(r, SizingPolicy::fromPreset(SizingPreset::Balanced));
        for (const GuestAdvice &g : advice.guests)
            QCOMPARE(g.vetoed, g.uuid == UuidA); // 20 MiB in a minute; 12 faults a minute is not
    }

    void unknownHostAndGuest() {
        m_clock.set(T0);
        HistoryStore store(options(QStringLiteral("empty.sqlite")));
        QVERIFY(openAndWait(store));
        const NeedResult none =
            queryNeeds(store, NeedRequest{QStringLiteral("qemu+ssh://x/system"), {}, T0 - Day, T0});
        QVERIFY(none.guests.isEmpty());
        store.record(pollCycle(Host, T0, {poll(UuidA, T0, GiB)}, Interval));
        const NeedResult asked = queryNeeds(store, NeedRequest{Host, {UuidB}, T0 - Day, T0 + 1});
        QCOMPARE(asked.guests.size(), 1);
        QVERIFY(asked.guests[0].need.isEmpty());
        // The newest poll (at the window's end) is included.
        const NeedResult a = queryNeeds(store, NeedRequest{Host, {}, T0 - Day, T0});
        QCOMPARE(a.guests.size(), 1);
        QCOMPARE(a.guests[0].need.points, qint64(1));
    }
};

BS_TEST_MAIN(TestNeedReader)
#include "tst_needreader.moc"
