#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"

#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

// HistoryStore::querySamples: the raw polls as recorded, for exports and report statistics.
namespace {

const QString Host = QStringLiteral("qemu:///system");
const QString UuidA = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QString UuidB = QStringLiteral("22222222-2222-2222-2222-222222222222");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC, ms

} // namespace

class TestHistorySamples : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &file) {
        return testHistoryOptions(m_dir.filePath(file), m_clock);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0);
    }

    void readsBackEveryPollAsRecorded() {
        HistoryStore store(options(QStringLiteral("samples.sqlite")));
        QVERIFY(openAndWait(store));
        // A reports at every poll, except a repeated report at i == 3; B stops at i == 6.
        for (int i = 0; i < 10; ++i) {
            const qint64 t = T0 + i * 10000;
            QList<MemorySample> polls{guestPoll(UuidA, QStringLiteral("web"), t, 1000 + i, i != 3)};
            polls.append(
                i < 6 ? guestPoll(UuidB, QStringLiteral("db"), t, 2000 + i, true, StatsState::Stale)
                      : guestOff(UuidB, QStringLiteral("db"), t));
            store.record(pollCycle(Host, t, polls, 10));
        }
        store.compactNow(); // half of them in `samples`, the newest still in the inbox: both read
        for (int i = 10; i < 12; ++i) {
            const qint64 t = T0 + i * 10000;
            store.record(
                pollCycle(Host, t, {guestPoll(UuidA, QStringLiteral("web"), t, 1000 + i)}, 10));
        }
        const SampleResult result = querySamples(
            store,
            SampleRequest{Host, {UuidA, UuidB, QStringLiteral("nobody")}, T0 + 10000, T0 + 110000});
        QCOMPARE(result.guests.size(), 3);
        QCOMPARE(result.maxGapMs, qint64(32000)); // 3 × 10 s + 2 s
        QVERIFY(result.rawFromMs <= T0);

        const GuestSamples &a = result.guests[0];
        QCOMPARE(a.uuid, UuidA);
        QCOMPARE(a.name, QStringLiteral("web"));
        QCOMPARE(a.samples.size(), 11); // i = 1 … 11, both ends inclusive
        QCOMPARE(a.samples.first().timeMs, T0 + 10000);
        QCOMPARE(a.samples.last().timeMs, T0 + 110000);
        for (const MemorySample &s : a.samples) {
            const int i = int((s.timeMs - T0) / 10000);
            QCOMPARE(s.hostId, Host);
            QCOMPARE(s.uuid, UuidA);
            QCOMPARE(s.statsState, StatsState::Reporting);
            QCOMPARE(s.stats.actual, std::optional<quint64>(4194304));
            QCOMPARE(s.stats.maximum, std::optional<quint64>(8388608));
            QCOMPARE(s.freshReport, i != 3);
            if (i == 3) {
                QVERIFY(!s.stats.available); // a repeated report keeps host figures only
                continue;
            }
            QCOMPARE(*s.stats.available - *s.stats.unused, quint64(1000 + i));
            QCOMPARE(s.stats.lastUpdate, std::optional<qint64>(s.timeMs / 1000 - 1));
        }

        const GuestSamples &b = result.guests[1];
        QCOMPARE(b.samples.size(), 6); // 5 stale polls, then one row where it stopped
        QCOMPARE(b.samples[0].statsState, StatsState::Stale);
        QCOMPARE(b.samples[5].state, DomainState::Shutoff);
        QCOMPARE(b.samples[5].statsState, StatsState::Inactive);
        QVERIFY(!b.samples[5].stats.actual);

        QVERIFY(result.guests[2].samples.isEmpty());
        QVERIFY(result.guests[2].name.isEmpty());
    }

    void unknownHostIsEmptyNotAnError() {
        HistoryStore store(options(QStringLiteral("empty.sqlite")));
        QVERIFY(openAndWait(store));
        const SampleResult result = querySamples(
            store, SampleRequest{QStringLiteral("test:///nowhere"), {UuidA}, T0, T0 + 60000});
        QCOMPARE(result.guests.size(), 1);
        QVERIFY(result.guests[0].samples.isEmpty());
    }
};

BS_TEST_MAIN(TestHistorySamples)
#include "tst_historysamples.moc"
