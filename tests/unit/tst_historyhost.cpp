#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");
const QString Uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC, ms

PollCycle poll(qint64 t, int interval = 5) {
    return pollCycle(Host, t, {guestPoll(Uuid, QStringLiteral("web"), t, 1000)}, interval);
}

// A host of 64 GiB with `free` KiB free, KSM merging 1000 pages of 4 KiB.
HostSample hostSample(qint64 t, quint64 free) {
    HostSample s;
    s.hostId = Host;
    s.timeMs = t;
    s.total = 67108864;
    s.free = free;
    s.buffers = 100000;
    s.cached = 2000000;
    s.guestsMaximum = 8388608;
    s.guestsActual = 4194304;
    s.guestsUsed = 1000;
    s.guestsActive = 1;
    s.guestsReporting = 1;
    s.ksmSaved = 4000;
    s.ksmPagesShared = 10;
    s.ksmPagesSharing = 1000;
    s.ksmPagesUnshared = 50;
    s.ksmPagesVolatile = 5;
    s.ksmFullScans = 7;
    return s; // no huge pages: not known on this host
}

HostSeriesRequest request(const QList<HostMetric> &metrics, qint64 from, qint64 to, int points) {
    HostSeriesRequest r;
    r.hostId = Host;
    r.metrics = metrics;
    r.fromMs = from;
    r.toMs = to;
    r.points = points;
    return r;
}

} // namespace

// Host samples (schema 3): written with the host's polls, read back on the guests' bucket grid,
// rolled up with the guests' tiers, never written twice when a recorder covers the host.
class TestHistoryHost : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &file, WriterRole role = WriterRole::App) {
        HistoryOptions o;
        o.path = m_dir.filePath(file);
        o.role = role;
        o.backgroundCompaction = false;
        o.clockMs = m_clock.function();
        return o;
    }

    void recordPolls(HistoryStore &store, qint64 from, int count, int interval = 5) {
        for (int i = 0; i < count; ++i) {
            const qint64 t = from + qint64(i) * interval * 1000;
            store.record(poll(t, interval));
            store.recordHost(hostSample(t, 30000000 + quint64(i) * 1000));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0);
    }

    void everyFigureRoundTrips() {
        HistoryStore store(options(QStringLiteral("roundtrip.sqlite")));
        QVERIFY(openAndWait(store));
        recordPolls(store, T0, 3);
        const auto result = queryHostSeries(store, request(allHostMetrics(), T0, T0 + 15000, 1000));
        QCOMPARE(result.hostId, Host);
        QCOMPARE(result.series.size(), HostMetricCount);
        const HostSample expected = hostSample(T0, 30000000);
        const auto first = [&](HostMetric m) {
            const auto &points = result.series[int(m)].points;
            return points.isEmpty() ? -1.0 : points.first().avg;
        };
        QCOMPARE(first(HostMetric::Total), double(*expected.total));
        QCOMPARE(first(HostMetric::Free), double(*expected.free));
        QCOMPARE(first(HostMetric::Buffers), double(*expected.buffers));
        QCOMPARE(first(HostMetric::Cached), double(*expected.cached));
        QCOMPARE(first(HostMetric::FreeWithCaches), 30000000.0 + 100000 + 2000000);
        QCOMPARE(first(HostMetric::GuestsMaximum), double(*expected.guestsMaximum));
        QCOMPARE(first(HostMetric::GuestsActual), double(*expected.guestsActual));
        QCOMPARE(first(HostMetric::GuestsUsed), double(*expected.guestsUsed));
        QCOMPARE(first(HostMetric::GuestsActive), 1.0);
        QCOMPARE(first(HostMetric::GuestsReporting), 1.0);
        QCOMPARE(first(HostMetric::KsmSaved), 4000.0);
        QCOMPARE(first(HostMetric::KsmPagesShared), 10.0);
        QCOMPARE(first(HostMetric::KsmPagesSharing), 1000.0);
        QCOMPARE(first(HostMetric::KsmPagesUnshared), 50.0);
        QCOMPARE(first(HostMetric::KsmPagesVolatile), 5.0);
        QCOMPARE(first(HostMetric::KsmFullScans), 7.0);
        // Not known on this host: no points at all, never zeros.
        QCOMPARE(result.series[int(HostMetric::HugePagesTotal)].points.size(), 0);
        QCOMPARE(result.series[int(HostMetric::HugePagesFree)].points.size(), 0);
        // One point per poll at this resolution, each standing for one sample.
        const auto &free = result.series[int(HostMetric::Free)].points;
        QCOMPARE(free.size(), 3);
        QCOMPARE(free.last().avg, 30002000.0);
        QCOMPARE(free.last().timeMs, T0 + 10000);
        QCOMPARE(free.first().samples, 1);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM host_samples_readable"), 3);
    }

    void hostSampleNeedsItsPoll() {
        HistoryStore store(options(QStringLiteral("nopoll.sqlite")));
        QVERIFY(openAndWait(store));
        store.recordHost(hostSample(T0, 1)); // no poll of this host recorded by this store yet
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM host_samples"), 0);
        store.record(poll(T0 + 5000));
        store.recordHost(hostSample(T0 + 5000, 2));
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM host_samples"), 1);
    }

    void pauseIsAGapAndABandNeedsSeveralSamples() {
        HistoryStore store(options(QStringLiteral("gap.sqlite")));
        QVERIFY(openAndWait(store));
        recordPolls(store, T0, 24);          // two minutes
        recordPolls(store, T0 + 240000, 24); // two minutes later: nothing in between
        const auto fine = queryHostSeries(store, request({HostMetric::Free}, T0, T0 + 360000, 720));
        QCOMPARE(valueCount(fine.series[0].points), 48);
        QCOMPARE(gapCount(fine.series[0].points), 1);
        for (const EnvelopePoint &p : fine.series[0].points)
            QVERIFY(p.isGap() || p.samples == 1);
        // 36 points over 6 minutes: 10 s buckets, two polls each, the band spans both.
        const auto coarse =
            queryHostSeries(store, request({HostMetric::Free}, T0, T0 + 360000, 36));
        QCOMPARE(coarse.bucketMs, 10000);
        QCOMPARE(gapCount(coarse.series[0].points), 1);
        const EnvelopePoint &p = coarse.series[0].points.first();
        QCOMPARE(p.samples, 2);
        QCOMPARE(p.min, 30000000.0);
        QCOMPARE(p.max, 30001000.0);
    }

    void rollsUpWithTheGuests() {
        HistoryOptions o = options(QStringLiteral("rollup.sqlite"));
        o.retention.rawSeconds = 3600;
        HistoryStore store(o);
        QVERIFY(openAndWait(store));
        recordPolls(store, T0, 3 * 360, 10); // three hours of 10 s polls
        m_clock.set(T0 + 5 * 3600 * 1000LL);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        // Minutes and hours for the host as for its guest; raw host rows purged past an hour.
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM host_rollup_1m"), 180);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM rollup_1m"), 180);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM host_rollup_1h"), 3);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM host_samples"), 0);
        QCOMPARE(sqlInt(store.path(), "SELECT sum(n) FROM host_rollup_1h"), 3 * 360);

        const auto minutes =
            queryHostSeries(store, request({HostMetric::Free, HostMetric::FreeWithCaches}, T0,
                                           T0 + 3 * 3600 * 1000LL, 180));
        QCOMPARE(minutes.tiers.first().tier, Tier::Minute);
        const auto &free = minutes.series[0].points;
        QCOMPARE(valueCount(free), 180);
        QCOMPARE(free.first().samples, 6);
        QCOMPARE(free.first().min, 30000000.0);
        QCOMPARE(free.first().max, 30005000.0);
        QCOMPARE(free.first().avg, 30002500.0);
        QCOMPARE(minutes.series[1].points.first().max, 30005000.0 + 2100000);

        const auto hours =
            queryHostSeries(store, request({HostMetric::Free}, T0, T0 + 3 * 3600 * 1000LL, 3));
        QCOMPARE(hours.tiers.first().tier, Tier::Hour);
        QCOMPARE(hours.series[0].points.size(), 3);
        QCOMPARE(hours.series[0].points.first().samples, 360);
        QCOMPARE(hours.series[0].points.last().max, 30000000.0 + 1079 * 1000);
        m_clock.set(T0);
    }

    void lateSampleIsRolledAgain() {
        HistoryStore store(options(QStringLiteral("late.sqlite")));
        QVERIFY(openAndWait(store));
        recordPolls(store, T0, 36, 10); // six minutes
        m_clock.set(T0 + 3600 * 1000);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        QVERIFY(sqlInt(store.path(), "SELECT count(*) FROM host_rollup_1m") == 6);
        // A slow host's figures for the first minute arrive after it was rolled up.
        store.recordHost(hostSample(T0 + 5000, 90000000));
        QVERIFY(store.waitForIdle());
        const auto minutes =
            queryHostSeries(store, request({HostMetric::Free}, T0, T0 + 360000, 6));
        QCOMPARE(minutes.tiers.first().tier, Tier::Minute);
        QCOMPARE(minutes.series[0].points.first().max, 90000000.0);
        QCOMPARE(minutes.series[0].points.first().samples, 7);
        m_clock.set(T0);
    }

    void recorderCoversTheHost() {
        const QString file = QStringLiteral("shared.sqlite");
        HistoryStore app(options(file));
        auto recorder = std::make_unique<HistoryStore>(options(file, WriterRole::Recorder));
        QVERIFY(openAndWait(app));
        QVERIFY(openAndWait(*recorder));
        app.record(poll(T0));
        app.recordHost(hostSample(T0, 1));
        QVERIFY(app.waitForIdle());
        recorder->record(poll(T0 + 5000)); // the recorder takes the host over
        recorder->recordHost(hostSample(T0 + 5000, 2));
        QVERIFY(recorder->waitForIdle());
        // Taken over between the app's poll and its host figures: those are not written.
        app.recordHost(hostSample(T0 + 6000, 4));
        QVERIFY(app.waitForIdle());
        // The app's next poll is not written, and neither are its host figures.
        app.record(poll(T0 + 10000));
        app.recordHost(hostSample(T0 + 10000, 3));
        QVERIFY(app.waitForIdle());
        QCOMPARE(sqlText(app.path(), "SELECT group_concat(free) FROM "
                                     "(SELECT free FROM host_samples ORDER BY t)"),
                 QStringLiteral("1,2"));
        recorder.reset();
    }

    void nodeMemoryIsTheFallbackTotal() {
        HistoryStore store(options(QStringLiteral("nodememory.sqlite")));
        QVERIFY(openAndWait(store));
        store.record(poll(T0));
        HostSample bare; // libvirt's test driver: no node memory statistics
        bare.hostId = Host;
        bare.timeMs = T0;
        bare.guestsActual = 2097152;
        bare.guestsActive = 1;
        store.recordHost(bare);
        store.recordHostMemory(Host, T0, 8388608);
        const auto result = queryHostSeries(
            store, request({HostMetric::Total, HostMetric::GuestsActual}, T0, T0 + 60000, 100));
        QCOMPARE(result.series[0].points.size(), 0);
        QCOMPARE(result.series[1].points.first().avg, 2097152.0);
        QCOMPARE(result.nodeMemory.size(), 2);
        QCOMPARE(result.nodeMemory.first().avg, 8388608.0);
        QCOMPARE(result.nodeMemory.last().timeMs, T0 + 60000);
    }
};

BS_TEST_MAIN(TestHistoryHost)
#include "tst_historyhost.moc"
