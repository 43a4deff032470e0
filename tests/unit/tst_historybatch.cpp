// Poll cycles and host samples handed to the history within its batch window go into one
// transaction (issue 18: a commit per cycle was most of the recorder's history thread). What the
// batch must keep: every sample of every cycle, their order (a later poll of the same second
// wins), a host sample after the cycle that took its host's lease, every write visible to a
// query or barrier handed over after it, and one failing write costing only itself.
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "TestSupport.h"
#include "history/HistoryStore.h"
#include "history/Sqlite.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::test;

namespace {

constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC, ms
constexpr int Hosts = 8;
constexpr int Guests = 20;
constexpr int Polls = 3;

QString hostUri(int h) {
    return QStringLiteral("test:///host%1").arg(h);
}

QString uuid(int h, int g) {
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(h * 1000 + g, 12, 10, QLatin1Char('0'));
}

PollCycle cycle(int h, qint64 t, quint64 used = 1000) {
    QList<MemorySample> samples;
    for (int g = 0; g < Guests; ++g)
        samples.append(
            guestPoll(uuid(h, g), QStringLiteral("g%1-%2").arg(h).arg(g), t, used + quint64(g)));
    return pollCycle(hostUri(h), t, samples);
}

HostSample hostSample(int h, qint64 t) {
    HostSample s;
    s.hostId = hostUri(h);
    s.timeMs = t;
    s.total = 67108864;
    s.free = 30000000;
    return s;
}

bool exec(const QString &path, const char *sql) {
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
    return db && db->exec(sql);
}

} // namespace

class TestHistoryBatch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    // A window far longer than any test: only a barrier, a query or the bounds write a batch.
    HistoryOptions options(const QString &file, int windowMs = 600000) {
        HistoryOptions o = testHistoryOptions(m_dir.filePath(file), m_clock);
        o.batchWindowMs = windowMs;
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0);
    }

    void batchedCyclesLandAllTheirSamples() {
        HistoryStore store(options(QStringLiteral("all.sqlite")));
        QVERIFY(openAndWait(store));
        for (int p = 0; p < Polls; ++p)
            for (int h = 0; h < Hosts; ++h) {
                store.record(cycle(h, T0 + p * 5000));
                store.recordHost(hostSample(h, T0 + p * 5000));
            }
        // Handed over, not yet written: the batch waits for its window (or anything else).
        QTest::qWait(300);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"), 0);
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"),
                 Hosts * Guests * Polls);
        QCOMPARE(sqlInt(store.path(), "SELECT count(DISTINCT guest_id) FROM samples_inbox"),
                 Hosts * Guests);
        // Every host sample too: each follows its host's first cycle in the same batch.
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM host_samples"), Hosts * Polls);
        // One session and one "recording started" marker per host, as without batches.
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM sessions"), Hosts);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM events WHERE kind = 'recording'"),
                 Hosts);
        const auto result = querySeries(
            store, SeriesRequest{
                       hostUri(3), {uuid(3, 7)}, {Metric::Used}, T0, T0 + Polls * 5000, Polls * 5});
        QCOMPARE(result.series.size(), 1);
        QCOMPARE(valueCount(result.series.first().points), Polls);
        QCOMPARE(result.series.first().points.first().avg, 1007.0);
    }

    // An event (an alert raised or cleared, a readiness change) joins the batch in its place: it
    // does not commit the batch early. 5,000 guests' alerts came several times a second, and
    // each made a commit of its own (issue 18).
    void eventsJoinTheBatch() {
        HistoryStore store(options(QStringLiteral("events.sqlite")));
        QVERIFY(openAndWait(store));
        for (int p = 0; p < Polls; ++p) {
            store.record(cycle(0, T0 + p * 5000));
            HistoryEvent alert;
            alert.hostId = hostUri(0);
            alert.uuid = uuid(0, 3);
            alert.timeMs = T0 + p * 5000 + 10;
            alert.kind = HistoryEvent::Kind::Note;
            alert.source = QStringLiteral("health");
            alert.text = QStringLiteral("alert %1").arg(p);
            store.recordEvent(alert);
        }
        QTest::qWait(300);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"), 0);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM events"), 0);
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"), Guests * Polls);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM events WHERE kind = 'note'"), Polls);
        EventRequest notes;
        notes.hostId = hostUri(0);
        notes.fromMs = T0;
        notes.toMs = T0 + Polls * 5000;
        notes.kinds = {HistoryEvent::Kind::Note};
        const QList<HistoryEvent> events = queryEvents(store, notes);
        QCOMPARE(events.size(), Polls);
        for (int p = 0; p < Polls; ++p) {
            QCOMPARE(events[p].text, QStringLiteral("alert %1").arg(p));
            QCOMPARE(events[p].uuid, uuid(0, 3)); // the guest the cycle before it made known
        }
    }

    void aQuerySeesWhatWasHandedOverBeforeIt() {
        HistoryStore store(options(QStringLiteral("query.sqlite")));
        QVERIFY(openAndWait(store));
        store.record(cycle(0, T0));
        store.record(cycle(1, T0));
        // No barrier: the query itself writes the batch first.
        const auto result = querySeries(
            store, SeriesRequest{hostUri(1), {uuid(1, 2)}, {Metric::Used}, T0, T0 + 5000, 5});
        QCOMPARE(valueCount(result.series.first().points), 1);
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"), 2 * Guests);
    }

    void orderIsKept() {
        HistoryStore store(options(QStringLiteral("order.sqlite")));
        QVERIFY(openAndWait(store));
        // Two polls of one second in one batch: the later one wins, as two commits would.
        store.record(cycle(0, T0, 1000));
        store.record(cycle(0, T0, 5000));
        store.record(cycle(0, T0 + 5000, 6000));
        QVERIFY(store.waitForIdle());
        const auto result = querySeries(
            store, SeriesRequest{hostUri(0), {uuid(0, 0)}, {Metric::Used}, T0, T0 + 10000, 10});
        const QList<EnvelopePoint> &points = result.series.first().points;
        QCOMPARE(valueCount(points), 2);
        QCOMPARE(points.first().avg, 5000.0);
        QCOMPARE(points.last().avg, 6000.0);
    }

    void theWindowWritesByItself() {
        HistoryStore store(options(QStringLiteral("window.sqlite"), 100));
        QVERIFY(openAndWait(store));
        store.record(cycle(0, T0));
        QTRY_COMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"), Guests);
    }

    // However long the window, a batch waits at most a fifth of its cycles' poll interval: a
    // killed recorder loses the poll in flight and little more (tst_fault_recorder_kill).
    void theIntervalBoundsTheWindow() {
        HistoryStore store(options(QStringLiteral("interval.sqlite"))); // a 600 s window
        QVERIFY(openAndWait(store));
        QList<MemorySample> samples;
        for (int g = 0; g < Guests; ++g)
            samples.append(guestPoll(uuid(0, g), QStringLiteral("g%1").arg(g), T0, 1000));
        QElapsedTimer clock;
        clock.start();
        store.record(pollCycle(hostUri(0), T0, samples, 1)); // polled every second
        QTRY_COMPARE_WITH_TIMEOUT(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"),
                                  Guests, 3000);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    }

    void noWindowWritesAtOnce() {
        HistoryStore store(options(QStringLiteral("nowindow.sqlite"), 0));
        QVERIFY(openAndWait(store));
        store.record(cycle(0, T0));
        QTRY_COMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"), Guests);
    }

    void aFailingWriteCostsOnlyItself() {
        const QString path = m_dir.filePath(QStringLiteral("failing.sqlite"));
        {
            HistoryStore store(options(QStringLiteral("failing.sqlite")));
            QVERIFY(openAndWait(store));
            store.record(cycle(0, T0)); // hosts and guests exist
            QVERIFY(store.waitForIdle());
        }
        // A real SQLite error for one host's rows only.
        QVERIFY(exec(path, "CREATE TRIGGER refuse BEFORE INSERT ON samples_inbox WHEN "
                           "NEW.guest_id IN (SELECT g.id FROM guests g JOIN hosts h ON "
                           "h.id = g.host_id WHERE h.uri = 'test:///host0') BEGIN "
                           "SELECT RAISE(ABORT, 'refused'); END"));
        HistoryStore store(options(QStringLiteral("failing.sqlite")));
        QVERIFY(openAndWait(store));
        QSignalSpy failed(&store, &HistoryStore::failed);
        store.record(cycle(1, T0 + 5000));
        store.record(cycle(0, T0 + 5000)); // refused
        store.record(cycle(2, T0 + 5000));
        store.recordHost(hostSample(2, T0 + 5000));
        QVERIFY(store.waitForIdle());
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().value<Error>().message.contains(QStringLiteral("refused")));
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM samples_inbox WHERE t = 1735689605"),
                 2 * Guests);
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM host_samples"), 1);
        // Still writing: the next batch without the refused host is written whole.
        store.record(cycle(1, T0 + 10000));
        store.record(cycle(2, T0 + 10000));
        QVERIFY(store.waitForIdle());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM samples_inbox WHERE t = 1735689610"),
                 2 * Guests);
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
    }

    void closeWritesWhatWaits() {
        const QString path = m_dir.filePath(QStringLiteral("close.sqlite"));
        {
            HistoryStore store(options(QStringLiteral("close.sqlite")));
            QVERIFY(openAndWait(store));
            for (int h = 0; h < Hosts; ++h)
                store.record(cycle(h, T0));
        } // destroyed at once: every cycle handed over is committed and moved
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM samples"), Hosts * Guests);
    }
};

BS_TEST_MAIN(TestHistoryBatch)
#include "tst_historybatch.moc"
