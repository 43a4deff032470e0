#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "TestSupport.h"
#include "history/BlockTables.h"
#include "history/GuestNeedReader.h"
#include "history/HistoryStore.h"
#include "history/Schema.h"
#include "history/Sqlite.h"

#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <random>

using namespace bs;
using namespace bs::test;

namespace {

// What tests/fixtures/history/schema-v1.sql holds.
const QString FixtureHost = QStringLiteral("qemu+ssh://root@kvm-a/system");
const QString Web = QStringLiteral("6f0e3b8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
constexpr qint64 T0 = 1735689600000;

} // namespace

class TestHistorySchema : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &path) {
        HistoryOptions o;
        o.path = path;
        o.backgroundCompaction = false;
        o.clockMs = m_clock.function();
        return o;
    }

    QString fileFromSql(const QString &name, const QByteArray &sql) {
        const QString path = m_dir.filePath(name);
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        if (!db || !db->exec(sql.constData()))
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0 + 3600000);
    }

    void freshDatabaseIsCurrent() {
        const QString path = m_dir.filePath(QStringLiteral("fresh.sqlite"));
        HistoryStore store(options(path));
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().fileSchemaVersion, 0);
        QCOMPARE(sqlInt(path, "PRAGMA user_version"), history::SchemaVersion);
        QCOMPARE(sqlInt(path, "PRAGMA application_id"), history::ApplicationId);
        QCOMPARE(sqlInt(path, "PRAGMA auto_vacuum"), 2); // incremental
        QCOMPARE(sqlText(path, "PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM sqlite_master WHERE name = 'host_memory'"), 1);
    }

    void migratesFromTheFirstSchema() {
        const QByteArray v1 = readFixture(QStringLiteral("history/schema-v1.sql"));
        QVERIFY(!v1.isEmpty());
        const QString path = fileFromSql(QStringLiteral("v1.sqlite"), v1);
        QVERIFY(!path.isEmpty());
        QCOMPARE(sqlInt(path, "PRAGMA user_version"), 1);

        HistoryStore store(options(path));
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        QCOMPARE(store.status().fileSchemaVersion, 1);
        QCOMPARE(sqlInt(path, "PRAGMA user_version"), history::SchemaVersion);

        // Everything schema 1 held is still there and reads the same.
        SeriesRequest r;
        r.hostId = FixtureHost;
        r.uuids = {Web};
        r.metrics = {Metric::Used, Metric::Maximum};
        r.fromMs = T0;
        r.toMs = T0 + 300000;
        r.points = 300;
        const auto raw = querySeries(store, r);
        QCOMPARE(raw.series.size(), 2);
        QCOMPARE(valueCount(raw.series[0].points), 30);
        QCOMPARE(raw.series[0].points.first().avg, 500000.0);
        QCOMPARE(raw.series[0].points.last().avg, 529000.0);
        QCOMPARE(raw.series[1].points.first().avg, 4194304.0);
        r.points = 5; // one-minute buckets: the roll-ups schema 1 wrote
        const auto minutes = querySeries(store, r);
        QCOMPARE(minutes.tiers.first().tier, Tier::Minute);
        QCOMPARE(minutes.series[0].points.size(), 5);
        QCOMPARE(minutes.series[0].points.first().max, 505000.0);

        const auto guests = queryGuests(store, FixtureHost);
        QCOMPARE(guests.size(), 2);
        const GuestInfo &web = guests.last().uuid == Web ? guests.last() : guests.first();
        QCOMPARE(web.name, QStringLiteral("web-frontend"));
        QCOMPARE(web.names.size(), 2);

        EventRequest events;
        events.hostId = FixtureHost;
        events.fromMs = T0;
        events.toMs = T0 + 3600000;
        QCOMPARE(queryEvents(store, events).size(), 4);

        // And what schema 2 added works on the migrated file.
        store.recordHostMemory(FixtureHost, T0, 16777216);
        AggregateRequest a;
        a.hostId = FixtureHost;
        a.metrics = {Metric::Actual};
        a.fromMs = T0;
        a.toMs = T0 + 300000;
        a.points = 5;
        const auto aggregate = queryAggregate(store, a);
        QCOMPARE(aggregate.series.first().points.first().avg, 2 * 2097152.0);
        QCOMPARE(aggregate.hostTotal.size(), 2);
        QCOMPARE(aggregate.hostTotal.first().avg, 16777216.0);
        QCOMPARE(aggregate.hostTotal.last().timeMs, T0 + 300000);

        // New polls land next to the old ones.
        store.record(pollCycle(FixtureHost, T0 + 300000,
                               {guestPoll(Web, QStringLiteral("web-frontend"), T0 + 300000, 7)},
                               10));
        r.points = 400;
        r.toMs = T0 + 310000;
        QCOMPARE(valueCount(querySeries(store, r).series[0].points), 31);
    }

    void migratesFromTheSecondSchema() {
        const QByteArray v2 = readFixture(QStringLiteral("history/schema-v2.sql"));
        QVERIFY(!v2.isEmpty());
        const QString path = fileFromSql(QStringLiteral("v2.sqlite"), v2);
        QVERIFY(!path.isEmpty());
        QCOMPARE(sqlInt(path, "PRAGMA user_version"), 2);

        HistoryStore store(options(path));
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        QCOMPARE(store.status().fileSchemaVersion, 2);
        QCOMPARE(sqlInt(path, "PRAGMA user_version"), history::SchemaVersion);
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('host_samples', "
                              "'host_rollup_1m', 'host_rollup_1h', 'host_samples_readable')"),
                 4);

        // Schema 2's data reads as before: the guests' polls and the host memory step line.
        SeriesRequest r;
        r.hostId = FixtureHost;
        r.uuids = {Web};
        r.metrics = {Metric::Used};
        r.fromMs = T0;
        r.toMs = T0 + 300000;
        r.points = 300;
        const auto raw = querySeries(store, r);
        QCOMPARE(valueCount(raw.series[0].points), 30);
        QCOMPARE(raw.series[0].points.first().avg, 500000.0);
        AggregateRequest a;
        a.hostId = FixtureHost;
        a.metrics = {Metric::Actual};
        a.fromMs = T0;
        a.toMs = T0 + 300000;
        a.points = 5;
        const auto aggregate = queryAggregate(store, a);
        QCOMPARE(aggregate.hostTotal.first().avg, 16777216.0);

        // What schema 3 adds works on the migrated file: a poll, then its host figures.
        const qint64 t = T0 + 300000;
        store.record(
            pollCycle(FixtureHost, t, {guestPoll(Web, QStringLiteral("web-frontend"), t, 7)}, 10));
        HostSample host;
        host.hostId = FixtureHost;
        host.timeMs = t;
        host.total = 16777216;
        host.free = 8000000;
        host.guestsActual = 4194304;
        host.guestsActive = 1;
        store.recordHost(host);
        HostSeriesRequest h;
        h.hostId = FixtureHost;
        h.metrics = {HostMetric::Free, HostMetric::KsmSaved};
        h.fromMs = T0;
        h.toMs = t + 10000;
        h.points = 100;
        const auto hostSeries = queryHostSeries(store, h);
        QCOMPARE(hostSeries.series.size(), 2);
        QCOMPARE(valueCount(hostSeries.series[0].points), 1);
        QCOMPARE(hostSeries.series[0].points.first().avg, 8000000.0);
        QCOMPARE(hostSeries.series[1].points.size(), 0); // KSM not known: nothing, not zero
        QCOMPARE(hostSeries.nodeMemory.first().avg, 16777216.0);
    }

    // Schema 6: the sizing advisor reads the roll-ups' need from their column blocks bound to one
    // guest and the range, decoding only the three columns it uses (schema 4 had a covering index
    // for the same), in a file migrated from version 1 as in a new one.
    void theNeedIsReadFromItsColumnsOnly() {
        const QByteArray v1 = readFixture(QStringLiteral("history/schema-v1.sql"));
        const QString path = fileFromSql(QStringLiteral("v1-need.sqlite"), v1);
        QVERIFY(!path.isEmpty());
        {
            HistoryStore store(options(path));
            QVERIFY(openAndWait(store));
        }
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
        QVERIFY(db);
        const auto &columns = history::minuteBlocks().values;
        const qint64 needColumns = (qint64(1) << columns.indexOf("n_report")) |
                                   (qint64(1) << columns.indexOf("used_max")) |
                                   (qint64(1) << columns.indexOf("used_excluding_cache_max"));
        for (Tier tier : {Tier::Minute, Tier::Hour}) {
            const QByteArray sql =
                "EXPLAIN QUERY PLAN " + history::GuestNeedReader::rollupNeedSql(tier);
            auto q = db->prepare(sql.constData());
            QVERIFY(q);
            q->bind(1, 1).bind(2, 0).bind(3, 1);
            QString plan;
            QVERIFY(q->forEachRow([&] { plan += q->text(3) + QLatin1Char('\n'); }));
            // "SCAN rollup_1m VIRTUAL TABLE INDEX 0:<columns, hex>:<order>:<arguments>"
            const QRegularExpression index(
                QStringLiteral("SCAN rollup_%1 VIRTUAL TABLE INDEX 0:([0-9a-f]+):a:([a-zA-Z]+)")
                    .arg(tierKey(tier)));
            const auto match = index.match(plan);
            QVERIFY2(match.hasMatch(), qPrintable(plan));
            QCOMPARE(match.captured(1).toLongLong(nullptr, 16), needColumns);
            QVERIFY2(match.captured(2).contains(QLatin1Char('o')) &&
                         match.captured(2).contains(QLatin1Char('g')) &&
                         match.captured(2).contains(QLatin1Char('L')),
                     qPrintable(plan));
        }
    }

    // Schema 6 moves the guests' samples and roll-ups into column blocks: a file of schema 5
    // with rows of every shape (NULLs, zeros, extremes, late and early times, several guests,
    // more rows than one block holds) comes out with every row and every value as it was.
    void version5MigratesWithEverySampleIntact() {
        const QString path = m_dir.filePath(QStringLiteral("v5-rows.sqlite"));
        std::mt19937_64 random(5);
        auto value = [&]() -> QByteArray {
            switch (random() % 8) {
            case 0:
                return "NULL";
            case 1:
                return "0";
            case 2:
                return "9223372036854775807";
            case 3:
                return "-9223372036854775808";
            case 4:
                return QByteArray::number(qint64(random() % 1000) - 500);
            default:
                return QByteArray::number(qint64(random() % 40000000));
            }
        };
        {
            auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            for (int v = 1; v <= 5; ++v)
                QVERIFY(db->exec(history::migrationSql(v)));
            QVERIFY(db->exec("PRAGMA application_id = 1112754259; PRAGMA user_version = 5"));
            QVERIFY(db->exec("BEGIN; INSERT INTO hosts VALUES (1, 'qemu:///system');"
                             "INSERT INTO guests VALUES (1, 1, 'a', 'a', 0), (2, 1, 'b', 'b', 0),"
                             " (7, 1, 'c', 'c', 0)"));
            for (const char *table : {"samples", "rollup_1m", "rollup_1h"}) {
                const int columns = table == QByteArray("samples")
                                        ? int(history::sampleBlocks().values.size())
                                        : int(history::minuteBlocks().values.size());
                for (const qint64 guest : {1, 2, 7}) {
                    qint64 t = 1735689600 - 86400 * qint64(guest);
                    const int rows = guest == 2 ? 1 : 700; // one row, and several blocks
                    for (int i = 0; i < rows; ++i) {
                        t += 1 + qint64(random() % 90);
                        QByteArray sql = QByteArray("INSERT INTO ") + table + " VALUES (" +
                                         QByteArray::number(guest) + ", " + QByteArray::number(t);
                        for (int c = 0; c < columns; ++c)
                            sql += ", " +
                                   (c < 3 ? QByteArray::number(qint64(random() % 100)) : value());
                        QVERIFY(db->exec((sql + ")").constData()));
                    }
                }
            }
            QVERIFY(db->exec("COMMIT"));
        }
        // Every row of the three tables, as text, before and after.
        auto dump = [&](const char *table) {
            const QByteArray sql = QByteArray("SELECT * FROM ") + table + " ORDER BY 1, 2";
            auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
            QStringList out;
            if (!db)
                return out;
            auto q = db->prepare(sql.constData());
            if (!q)
                return out;
            const int n = q->columnCount();
            if (!q->forEachRow([&] {
                    QStringList row;
                    for (int c = 0; c < n; ++c)
                        row << (q->isNull(c) ? QStringLiteral("NULL")
                                             : QString::number(q->int64(c)));
                    out << row.join(QLatin1Char(' '));
                }))
                out << QStringLiteral("read failed");
            return out;
        };
        QMap<QString, QStringList> before;
        for (const char *table : {"samples", "rollup_1m", "rollup_1h"})
            before[QLatin1String(table)] = dump(table);
        QCOMPARE(before[QStringLiteral("samples")].size(), 1401);
        {
            HistoryStore store(options(path));
            QVERIFY(openAndWait(store));
            QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        }
        QCOMPARE(sqlInt(path, "PRAGMA user_version"), 6);
        QVERIFY(sqlInt(path, "SELECT count(*) FROM sample_blocks WHERE owner = 1") >= 3);
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v5'"), 0);
        for (const char *table : {"samples", "rollup_1m", "rollup_1h"}) {
            const QStringList after = dump(table);
            QCOMPARE(after.size(), before[QLatin1String(table)].size());
            QCOMPARE(after, before[QLatin1String(table)]);
        }
    }

    void everyStepMigratesAlone() {
        // Build version 1 from its own SQL, then let the store take it through every later step.
        const QString path = m_dir.filePath(QStringLiteral("steps.sqlite"));
        {
            auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec(history::migrationSql(1)));
            QVERIFY(db->exec("PRAGMA application_id = 1112754259; PRAGMA user_version = 1"));
        }
        HistoryStore store(options(path));
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        QCOMPARE(sqlInt(path, "PRAGMA user_version"), history::SchemaVersion);
        for (int v = 1; v <= history::SchemaVersion; ++v)
            QVERIFY(history::migrationSql(v) != nullptr);
        QVERIFY(history::migrationSql(history::SchemaVersion + 1) == nullptr);
    }
};

BS_TEST_MAIN(TestHistorySchema)
#include "tst_historyschema.moc"
