// The guests' block tables (schema 6): what BlockWriter writes reads back through the bs_blocks
// virtual table exactly as an ordinary table of the same rows would hold them, after appends,
// late rows, polls of the same second, purges that cut a block, and with the queries' time
// bounds and orders.
#include "TestMain.h"
#include "history/BlockTables.h"
#include "history/BlockWriter.h"
#include "history/RollupCompactor.h"
#include "history/Schema.h"
#include "history/Sqlite.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

#include <map>
#include <random>

using namespace bs;
using namespace bs::history;

namespace {

using Values = std::vector<std::optional<qint64>>;
using Reference = std::map<std::pair<qint64, qint64>, Values>; // (owner, t) → values

QStringList rowsOf(sqlite::Database &db, const QByteArray &sql) {
    QStringList out;
    auto q = db.prepare(sql.constData());
    if (!q)
        return {QStringLiteral("prepare failed: ") + q.error().message};
    const Status s = q->forEachRow([&] {
        QStringList row;
        for (int c = 0; c < q->columnCount(); ++c)
            row << (q->isNull(c) ? QStringLiteral("-") : QString::number(q->int64(c)));
        out << row.join(QLatin1Char(' '));
    });
    if (!s)
        out << QStringLiteral("failed: ") + s.error().message;
    return out;
}

QStringList rowsOf(const Reference &reference, qint64 owner = -1, qint64 from = LLONG_MIN,
                   qint64 to = LLONG_MAX) {
    QStringList out;
    for (const auto &[key, values] : reference) {
        if ((owner >= 0 && key.first != owner) || key.second < from || key.second >= to)
            continue;
        QStringList row{QString::number(key.first), QString::number(key.second)};
        for (const auto &v : values)
            row << (v ? QString::number(*v) : QStringLiteral("-"));
        out << row.join(QLatin1Char(' '));
    }
    return out;
}

// Every block as stored (owner, bounds, count and bytes), in order: a digest of the layout the
// writer chose, not only of the rows it holds.
QByteArray layoutDigest(sqlite::Database &db) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto q = db.prepare("SELECT owner, t0, t1, n, data FROM sample_blocks ORDER BY owner, t0");
    if (!q)
        return {};
    const Status s = q->forEachRow([&] {
        for (int c = 0; c < 4; ++c)
            hash.addData(QByteArray::number(q->int64(c)) + ' ');
        hash.addData(q->blob(4));
        hash.addData("\n");
    });
    return s ? hash.result().toHex() : QByteArray();
}

} // namespace

class TestBlockWriter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    sqlite::Database fresh(const QString &name) {
        auto db = sqlite::Database::open(m_dir.filePath(name), sqlite::Database::Mode::ReadWrite);
        if (!db || !db->exec(createBlockTableSql(sampleBlocks()).constData()))
            return {};
        return std::move(*db);
    }

private slots:
    void randomWritesReadBackAsAnOrdinaryTable() {
        sqlite::Database db = fresh(QStringLiteral("random.sqlite"));
        QVERIFY(db.isOpen());
        const BlockTableSpec &spec = sampleBlocks();
        const int columns = int(spec.values.size());
        BlockWriter writer(db, spec);
        Reference reference;
        std::mt19937_64 random(1806);
        std::map<qint64, qint64> clock{{1, 1000}, {2, 5000}, {9, 0}};
        for (int step = 0; step < 400; ++step) {
            const qint64 owner = std::next(clock.begin(), long(random() % 3))->first;
            const int kind = int(random() % 10);
            if (kind == 9) {
                // A purge that may cut through a block.
                const qint64 before = clock[owner] - qint64(random() % 3000);
                auto gone = writer.removeBefore(owner, before);
                QVERIFY(gone);
                qint64 expected = 0;
                for (auto it = reference.begin(); it != reference.end();) {
                    if (it->first.first == owner && it->first.second < before) {
                        it = reference.erase(it);
                        ++expected;
                    } else {
                        ++it;
                    }
                }
                QCOMPARE(*gone, expected);
                continue;
            }
            // Mostly polls after the last ones; sometimes late ones, and repeats of one second.
            std::vector<BlockRow> rows;
            const int n = 1 + int(random() % 40);
            for (int i = 0; i < n; ++i) {
                qint64 t = 0;
                if (kind == 8 && clock[owner] > 100)
                    t = clock[owner] - 1 - qint64(random() % 2000); // late
                else
                    t = (clock[owner] += 1 + qint64(random() % 10));
                if (kind == 7 && !rows.empty() && random() % 2)
                    t = rows.back().t; // the same second twice in one batch
                BlockRow row{t, Values(std::size_t(columns))};
                row.values[0] = qint64(random() % 4);
                for (int c = 1; c < columns; ++c) {
                    if (random() % 4)
                        row.values[std::size_t(c)] = qint64(random() % 100000) - 1000;
                }
                rows.push_back(row);
            }
            // The reference applies the inbox's upsert: flags replaced, the rest coalesced.
            for (const BlockRow &row : rows) {
                auto [it, inserted] = reference.try_emplace({owner, row.t}, row.values);
                if (!inserted) {
                    Values &was = it->second;
                    was[0] = row.values[0];
                    for (int c = 1; c < columns; ++c) {
                        if (row.values[std::size_t(c)])
                            was[std::size_t(c)] = row.values[std::size_t(c)];
                    }
                }
            }
            QVERIFY(writer.merge(owner, rows, BlockWriter::Merge::Coalesce));
            if (step % 40 == 0)
                QCOMPARE(rowsOf(db, "SELECT * FROM samples"), rowsOf(reference));
        }
        QCOMPARE(rowsOf(db, "SELECT * FROM samples"), rowsOf(reference));
        // One owner, a time range, both orders; the blocks of an owner never overlap.
        const QByteArray range = "SELECT * FROM samples WHERE guest_id = 2 AND t >= 6000 AND "
                                 "t < 7000";
        QCOMPARE(rowsOf(db, range + " ORDER BY t"), rowsOf(reference, 2, 6000, 7000));
        QStringList descending = rowsOf(reference, 2, 6000, 7000);
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(rowsOf(db, range + " ORDER BY t DESC"), descending);
        QCOMPARE(rowsOf(db, "SELECT count(*) FROM sample_blocks a JOIN sample_blocks b ON "
                            "a.owner = b.owner AND a.rowid <> b.rowid AND b.t0 BETWEEN a.t0 AND "
                            "a.t1"),
                 QStringList{QStringLiteral("0")});
        // Appends were joined into full blocks: few blocks per owner, not one per batch.
        const qint64 blocks = rowsOf(db, "SELECT count(*) FROM sample_blocks")[0].toLongLong();
        QVERIFY2(blocks < qint64(reference.size()) / 64, qPrintable(QString::number(blocks)));
        // The same blocks, byte for byte, as the writer made before it learnt to append without
        // reading the owner's blocks twice (digest taken from that writer on this workload).
        QCOMPARE(layoutDigest(db),
                 QByteArray("ecac92bbc88e179bd5af5a3f506749a0a02bbeb0e25c450748e92d0f8bcf6a6a"));
    }

    void queriesOnOtherColumnsAndBadBoundsStillAnswerRight() {
        sqlite::Database db = fresh(QStringLiteral("bounds.sqlite"));
        QVERIFY(db.isOpen());
        BlockWriter writer(db, sampleBlocks());
        std::vector<BlockRow> rows;
        for (qint64 t = 100; t < 1000; t += 10)
            rows.push_back({t, Values(sampleBlocks().values.size(), std::optional<qint64>(t * 2))});
        QVERIFY(writer.merge(5, rows, BlockWriter::Merge::Replace));
        auto one = [&](const char *sql) {
            return rowsOf(db, sql).value(0);
        };
        QCOMPARE(one("SELECT count(*) FROM samples WHERE t > 100.5 AND t <= 200"),
                 QStringLiteral("10"));
        QCOMPARE(one("SELECT count(*) FROM samples WHERE t = '300'"), QStringLiteral("1"));
        QCOMPARE(one("SELECT count(*) FROM samples WHERE guest_id = NULL"), QStringLiteral("0"));
        QCOMPARE(one("SELECT count(*) FROM samples WHERE guest_id = 5.0"), QStringLiteral("90"));
        QCOMPARE(one("SELECT count(*) FROM samples WHERE guest_id IN (4, 5, 6) AND t < 150"),
                 QStringLiteral("5"));
        QCOMPARE(one("SELECT sum(actual) FROM samples WHERE rss > 1000"),
                 QString::number(2 * (510 + 990) * 49 / 2));
        QCOMPARE(one("SELECT t FROM samples WHERE guest_id = 5 ORDER BY t DESC LIMIT 1"),
                 QStringLiteral("990"));
        // Read-only: writes go through BlockWriter.
        QVERIFY(!db.exec("DELETE FROM samples"));
    }

    // An inbox far larger than one move's slice (a long stop of the compactor, an import) is
    // moved whole, in slices of bounded memory, every row and value intact.
    void aLargeInboxMovesInSlices() {
        auto opened = sqlite::Database::open(m_dir.filePath(QStringLiteral("inbox.sqlite")),
                                             sqlite::Database::Mode::ReadWrite);
        QVERIFY(opened);
        sqlite::Database db = std::move(*opened);
        QVERIFY(history::migrate(db, 0));
        // 3 guests × 40,000 polls 5 s apart; unused moves with the poll, usable only now and then.
        QVERIFY(db.exec("INSERT INTO hosts VALUES (1, 'h'); INSERT INTO guests VALUES "
                        "(1, 1, 'a', 'a', 0), (2, 1, 'b', 'b', 0), (3, 1, 'c', 'c', 0);"
                        "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE "
                        "i < 39999) INSERT INTO samples_inbox(guest_id, t, flags, actual, unused, "
                        "usable) SELECT g.id, 1700000000 + i * 5, 1, 4194304, 1000000 + i * g.id, "
                        "CASE WHEN i % 7 = 0 THEN i END FROM guests g, k"));
        const QStringList expected =
            rowsOf(db, "SELECT count(*), sum(t), sum(unused), sum(usable), count(usable) FROM "
                       "samples_inbox");
        RollupCompactor compactor(db, RetentionPolicy{});
        auto moved = compactor.flushInbox();
        QVERIFY(moved);
        QCOMPARE(*moved, qint64(120000));
        QCOMPARE(rowsOf(db, "SELECT count(*), sum(t), sum(unused), sum(usable), count(usable) "
                            "FROM samples"),
                 expected);
        QCOMPARE(rowsOf(db, "SELECT count(*) FROM samples_inbox"),
                 QStringList{QStringLiteral("0")});
        // Joined into full blocks as it went, not one block per slice.
        QVERIFY(rowsOf(db, "SELECT count(*) FROM sample_blocks")[0].toLongLong() < 120000 / 200);
    }

    void aDamagedBlockIsReportedAsCorruption() {
        sqlite::Database db = fresh(QStringLiteral("damaged.sqlite"));
        QVERIFY(db.isOpen());
        BlockWriter writer(db, sampleBlocks());
        QVERIFY(writer.merge(1, {{10, Values(sampleBlocks().values.size(), 7)}},
                             BlockWriter::Merge::Replace));
        QVERIFY(db.exec("UPDATE sample_blocks SET data = x'01ff'"));
        auto q = db.prepare("SELECT * FROM samples");
        QVERIFY(q);
        const Status read = q->forEachRow([] {});
        QVERIFY(!read);
        QVERIFY2(sqlite::isCorrupt(read.error()), qPrintable(read.error().message));
        // A write that must read it fails the same way; nothing is overwritten.
        const Status late = writer.merge(1, {{10, Values(sampleBlocks().values.size(), 8)}},
                                         BlockWriter::Merge::Replace);
        QVERIFY(!late);
        QVERIFY(sqlite::isCorrupt(late.error()));
        QCOMPARE(rowsOf(db, "SELECT count(*) FROM sample_blocks WHERE data = x'01ff'"),
                 QStringList{QStringLiteral("1")});
    }
};

BS_TEST_MAIN(TestBlockWriter)
#include "tst_blockwriter.moc"
