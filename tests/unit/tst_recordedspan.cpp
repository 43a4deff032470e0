#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");
const QString Other = QStringLiteral("qemu:///system");
const QString UuidA = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QString UuidB = QStringLiteral("22222222-2222-2222-2222-222222222222");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC, ms
constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Day = 86400 * 1000;

HostSample hostSample(const QString &hostId, qint64 t) {
    HostSample s;
    s.hostId = hostId;
    s.timeMs = t;
    s.total = 16777216;
    s.free = 8000000;
    return s;
}

} // namespace

// HistoryStore::queryRecordedSpan: since when a host, or some of its guests, has history, read on
// the store's thread from every tier.
class TestRecordedSpan : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &file) {
        return testHistoryOptions(m_dir.filePath(file), m_clock);
    }

    static RecordedSpan span(HistoryStore &store, const QString &hostId,
                             const QStringList &uuids = {}) {
        QSignalSpy ready(&store, &HistoryStore::recordedSpanReady);
        QSignalSpy failed(&store, &HistoryStore::queryFailed);
        const quint64 id = store.queryRecordedSpan({hostId, uuids});
        for (int i = 0; i < 100 && ready.isEmpty() && failed.isEmpty(); ++i)
            ready.wait(100);
        if (!failed.isEmpty() || ready.size() != 1 || ready.at(0).at(0).toULongLong() != id)
            return {-1, -1};
        return ready.at(0).at(1).value<RecordedSpan>();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0);
    }

    void nothingRecordedIsEmpty() {
        HistoryStore store(options(QStringLiteral("empty.sqlite")));
        QVERIFY(openAndWait(store));
        QVERIFY(span(store, Host).isEmpty());
        QCOMPARE(span(store, Host), RecordedSpan{});
    }

    void hostAndGuestsFromTheirFirstPoll() {
        HistoryStore store(options(QStringLiteral("polls.sqlite")));
        QVERIFY(openAndWait(store));
        // The host's own figures from T0 + 1 min (a poll without guests yet); A polled from
        // T0 + 2 min, B from T0 + 4 min, both until T0 + 6 min; another host from T0.
        store.record(pollCycle(Host, T0 + Minute, {}));
        store.recordHost(hostSample(Host, T0 + Minute));
        store.record(pollCycle(Other, T0, {guestPoll(UuidA, QStringLiteral("x"), T0, 5)}));
        for (qint64 t = T0 + 2 * Minute; t <= T0 + 6 * Minute; t += 5000) {
            QList<MemorySample> guests{guestPoll(UuidA, QStringLiteral("web"), t, 1000)};
            if (t >= T0 + 4 * Minute)
                guests.append(guestPoll(UuidB, QStringLiteral("db"), t, 2000));
            store.record(pollCycle(Host, t, guests));
        }
        // Still in the inbox (the newest polls always are): counted.
        QCOMPARE(span(store, Host), (RecordedSpan{T0 + Minute, T0 + 6 * Minute}));
        QCOMPARE(span(store, Host, {UuidA}), (RecordedSpan{T0 + 2 * Minute, T0 + 6 * Minute}));
        QCOMPARE(span(store, Host, {UuidB}), (RecordedSpan{T0 + 4 * Minute, T0 + 6 * Minute}));
        QCOMPARE(span(store, Host, {UuidA, UuidB}).firstMs, T0 + 2 * Minute);
        QVERIFY(span(store, Host, {QStringLiteral("not-a-guest")}).isEmpty());
        QVERIFY(span(store, QStringLiteral("test:///default")).isEmpty());

        // Moved into the samples and rolled up: the same span, from the raw polls.
        m_clock.set(T0 + 10 * Minute);
        store.compactNow();
        QCOMPARE(span(store, Host, {UuidA}), (RecordedSpan{T0 + 2 * Minute, T0 + 6 * Minute}));
        QCOMPARE(span(store, Host).firstMs, T0 + Minute);
        m_clock.set(T0);
    }

    void purgedPollsLeaveTheRollupsBeginning() {
        // Raw polls kept one day, minutes two: of polls three days ago only the hour roll-up is
        // left, and the history begins with its hour.
        HistoryOptions o = options(QStringLiteral("purged.sqlite"));
        o.retention.rawSeconds = 86400;
        o.retention.minuteSeconds = 2 * 86400;
        HistoryStore store(o);
        QVERIFY(openAndWait(store));
        const qint64 old = T0 + 17 * Minute;
        const qint64 now = T0 + 3 * Day;
        for (qint64 t : {old, old + 5000, now - Minute, now})
            store.record(pollCycle(Host, t, {guestPoll(UuidA, QStringLiteral("web"), t, 1000)}));
        m_clock.set(now);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples WHERE t < 1735700000"), 0);
        const RecordedSpan s = span(store, Host, {UuidA});
        QCOMPARE(s.firstMs, T0); // the hour 00:00–01:00 held the first polls
        QCOMPARE(s.lastMs, now);
        m_clock.set(T0);
    }
};

BS_TEST_MAIN(TestRecordedSpan)
#include "tst_recordedspan.moc"
