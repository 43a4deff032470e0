// Failures of the history that used to vanish: a failed SQLite step read as "no more rows" (a
// host aggregate then silently left guests out), and a compaction failure that was only logged.
// Each must reach the caller as an error. The failures are real SQLite errors: a step that
// overflows an integer half-way through its rows, a write into a view.
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "TestSupport.h"
#include "history/HistoryStore.h"
#include "history/Sqlite.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("qemu:///system");
const QString UuidA = QStringLiteral("0a0a0a0a-0000-4000-8000-00000000000a");
const QString UuidB = QStringLiteral("0b0b0b0b-0000-4000-8000-00000000000b");
constexpr qint64 T0 = 1735689600000;

// abs() of the smallest 64-bit integer is an "integer overflow" error at that row's step.
constexpr const char *FailingValue = "abs(-9223372036854775807 - 1)";

} // namespace

class TestHistoryErrors : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &file) {
        return testHistoryOptions(m_dir.filePath(file), m_clock);
    }

    // A history with two guests of one host, a minute of polls each; closed again.
    QString twoGuests(const QString &file) {
        HistoryStore store(options(file));
        if (!openAndWait(store))
            return {};
        for (qint64 t = T0; t < T0 + 60000; t += 5000) {
            store.record(pollCycle(Host, t,
                                   {guestPoll(UuidA, QStringLiteral("a"), t, 1048576),
                                    guestPoll(UuidB, QStringLiteral("b"), t, 2097152)}));
        }
        if (!store.waitForIdle())
            return {};
        store.close();
        return store.path();
    }

    static bool exec(const QString &path, const QByteArray &sql) {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        return db && db->exec(sql.constData());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0 + 120000);
    }

    // The rows before a failing step are seen; then the error comes back, not "done".
    void forEachRowReturnsTheFailure() {
        auto db = sqlite::Database::open(m_dir.filePath(QStringLiteral("rows.sqlite")),
                                         sqlite::Database::Mode::ReadWrite);
        QVERIFY(db);
        auto rows = db->prepare(QByteArray("WITH t(x) AS (VALUES (1), (2), (3)) SELECT CASE WHEN "
                                           "x = 3 THEN " +
                                           QByteArray(FailingValue) + " ELSE x END FROM t")
                                    .constData());
        QVERIFY(rows);
        QList<qint64> seen;
        const Status status = rows->forEachRow([&] { seen.append(rows->int64(0)); });
        QVERIFY(!status);
        QVERIFY2(status.error().message.contains(QLatin1String("overflow")),
                 qPrintable(status.error().message));
        QCOMPARE(seen, (QList<qint64>{1, 2}));
        // And a statement that completes says so.
        auto fine = db->prepare("WITH t(x) AS (VALUES (1), (2)) SELECT x FROM t");
        QVERIFY(fine);
        int count = 0;
        QVERIFY(fine->forEachRow([&] { ++count; }));
        QCOMPARE(count, 2);
    }

    // The host aggregate (the History page's host chart, the report's summary) sums every
    // guest: when listing the guests fails half-way, the query fails instead of a smaller sum.
    void aggregateFailsInsteadOfLeavingGuestsOut() {
        const QString path = twoGuests(QStringLiteral("aggregate.sqlite"));
        QVERIFY(!path.isEmpty());
        AggregateRequest request;
        request.hostId = Host;
        request.metrics = {Metric::Used};
        request.fromMs = T0;
        request.toMs = T0 + 60000;
        {
            HistoryStore store(options(QStringLiteral("aggregate.sqlite")));
            QVERIFY(openAndWait(store));
            const AggregateResult both = queryAggregate(store, request);
            QCOMPARE(both.series.first().points.first().avg, 3.0 * 1048576);
        }
        // The second guest's id overflows when the guests are listed.
        QVERIFY(exec(path, QByteArray("ALTER TABLE guests RENAME TO guests_stored; CREATE VIEW "
                                      "guests AS SELECT CASE WHEN uuid = '") +
                               UuidB.toLatin1() + "' THEN " + FailingValue +
                               " ELSE id END AS id, host_id, uuid, name, first_seen FROM "
                               "guests_stored ORDER BY id"));
        HistoryStore store(options(QStringLiteral("aggregate.sqlite")));
        QVERIFY(openAndWait(store));
        QSignalSpy answers(&store, &HistoryStore::aggregateReady);
        QSignalSpy failures(&store, &HistoryStore::queryFailed);
        const quint64 id = store.queryAggregate(request);
        QVERIFY(failures.wait(10000));
        QCOMPARE(failures.first().at(0).toULongLong(), id);
        QVERIFY(answers.isEmpty());
    }

    // Listing the guests (the History page's picker, the report): a failing name lookup is an
    // error, not a guest without its former names.
    void guestListFailsWhenNamesFail() {
        const QString path = twoGuests(QStringLiteral("names.sqlite"));
        QVERIFY(!path.isEmpty());
        QVERIFY(exec(path, QByteArray("ALTER TABLE guest_names RENAME TO guest_names_stored; "
                                      "CREATE VIEW guest_names AS SELECT guest_id, ") +
                               FailingValue + " AS since, name FROM guest_names_stored"));
        HistoryStore store(options(QStringLiteral("names.sqlite")));
        QVERIFY(openAndWait(store));
        QSignalSpy answers(&store, &HistoryStore::guestsReady);
        QSignalSpy failures(&store, &HistoryStore::queryFailed);
        const quint64 id = store.queryGuests(Host);
        QVERIFY(failures.wait(10000));
        QCOMPARE(failures.first().at(0).toULongLong(), id);
        QVERIFY(answers.isEmpty());
    }

    // A roll-up that cannot be written reaches the user (failed()), from compactNow() as from
    // the background slices: it used to be a log line only.
    void compactionFailureIsReported() {
        const QString path = twoGuests(QStringLiteral("compact.sqlite"));
        QVERIFY(!path.isEmpty());
        // The minute roll-ups' blocks (schema 6) behind a view: read as before, never written.
        QVERIFY(exec(path,
                     "ALTER TABLE rollup_1m_blocks RENAME TO rollup_1m_blocks_stored; "
                     "CREATE VIEW rollup_1m_blocks AS SELECT * FROM rollup_1m_blocks_stored"));
        m_clock.set(T0 + 3600000); // the first minutes are due for their roll-up
        HistoryStore store(options(QStringLiteral("compact.sqlite")));
        QVERIFY(openAndWait(store));
        QSignalSpy failures(&store, &HistoryStore::failed);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        QCOMPARE(failures.size(), 1);
        const auto error = failures.first().at(0).value<Error>();
        QVERIFY2(error.message.contains(QLatin1String("roll up")), qPrintable(error.message));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready); // still recording
        m_clock.set(T0 + 120000);
    }
};

BS_TEST_MAIN(TestHistoryErrors)
#include "tst_historyerrors.moc"
