// BlockScan reads a guest's rows straight from the blocks: the same rows, values and order as
// the bs_blocks virtual table gives for the same guest and time range, only the columns asked
// for decoded, and a damaged block reported as a damaged file, never misread.
#include "TestMain.h"
#include "history/BlockScan.h"
#include "history/BlockTables.h"
#include "history/BlockWriter.h"
#include "history/Sqlite.h"

#include <QTemporaryDir>

#include <random>

using namespace bs;
using namespace bs::history;

class TestBlockScan : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Three guests, 1,000 polls each (several blocks), figures with gaps.
    sqlite::Database filled(const QString &name) {
        auto db = sqlite::Database::open(m_dir.filePath(name), sqlite::Database::Mode::ReadWrite);
        if (!db || !db->exec(createBlockTableSql(sampleBlocks()).constData()))
            return {};
        BlockWriter writer(*db, sampleBlocks());
        std::mt19937_64 random(42);
        const size_t columns = sampleBlocks().values.size();
        for (qint64 owner : {1, 2, 3}) {
            std::vector<BlockRow> rows;
            for (qint64 i = 0; i < 1000; ++i) {
                BlockRow row{1'800'000'000 + i * 5 + owner, {}};
                for (size_t c = 0; c < columns; ++c) {
                    if (random() % 7 == 0)
                        row.values.emplace_back(std::nullopt);
                    else
                        row.values.emplace_back(qint64(random() % 4'000'000));
                }
                rows.push_back(std::move(row));
            }
            if (!writer.merge(owner, rows, BlockWriter::Merge::Replace))
                return {};
        }
        return std::move(*db);
    }

private slots:
    void sameRowsAsTheVirtualTable() {
        sqlite::Database db = filled(QStringLiteral("same.sqlite"));
        QVERIFY(db.isOpen());
        BlockScan scan(db, sampleBlocks());
        const int available = scan.column("available");
        const int usable = scan.column("usable");
        QVERIFY(available >= 0 && usable >= 0);
        QCOMPARE(scan.column("nonsense"), -1);
        // A range that starts and ends inside blocks.
        const qint64 from = 1'800'000'000 + 1234, to = 1'800'000'000 + 3999;
        QStringList viaScan;
        const Status s =
            scan.forEach(2, from, to, {available, usable}, [&](const DecodedBlock &b, int i) {
                const auto a = b.value(available, i);
                const auto u = b.value(usable, i);
                viaScan << QStringLiteral("%1 %2 %3")
                               .arg(b.t[size_t(i)])
                               .arg(a ? QString::number(*a) : QStringLiteral("-"))
                               .arg(u ? QString::number(*u) : QStringLiteral("-"));
            });
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
        QStringList viaTable;
        auto q = db.prepare("SELECT t, available, usable FROM samples WHERE guest_id = 2 AND "
                            "t >= ?1 AND t < ?2 ORDER BY t");
        QVERIFY(q);
        q->bind(1, from).bind(2, to);
        QVERIFY(q->forEachRow([&] {
            viaTable << QStringLiteral("%1 %2 %3")
                            .arg(q->int64(0))
                            .arg(q->isNull(1) ? QStringLiteral("-") : QString::number(q->int64(1)))
                            .arg(q->isNull(2) ? QStringLiteral("-") : QString::number(q->int64(2)));
        }));
        QCOMPARE(viaTable.size(), 553); // polls every 5 s from 1,234 to 3,999
        QCOMPARE(viaScan, viaTable);
        // Reused for another guest, then for a range with nothing in it.
        int rows = 0;
        QVERIFY(
            scan.forEach(3, 0, LLONG_MAX, {available}, [&](const DecodedBlock &, int) { ++rows; }));
        QCOMPARE(rows, 1000);
        rows = 0;
        QVERIFY(scan.forEach(1, 0, 1'800'000'000, {available},
                             [&](const DecodedBlock &, int) { ++rows; }));
        QCOMPARE(rows, 0);
    }

    void aDamagedBlockIsADamagedFile() {
        sqlite::Database db = filled(QStringLiteral("damaged.sqlite"));
        QVERIFY(db.isOpen());
        QVERIFY(db.exec("UPDATE sample_blocks SET data = substr(data, 1, length(data) / 2) "
                        "WHERE owner = 2 AND t0 = (SELECT max(t0) FROM sample_blocks WHERE "
                        "owner = 2)"));
        BlockScan scan(db, sampleBlocks());
        int rows = 0;
        const Status s = scan.forEach(2, 0, LLONG_MAX, {scan.column("available")},
                                      [&](const DecodedBlock &, int) { ++rows; });
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QLatin1String("damaged")),
                 qPrintable(s.error().message));
        QVERIFY(sqlite::isCorrupt(s.error()));
        // The other guests still read.
        QVERIFY(scan.forEach(1, 0, LLONG_MAX, {scan.column("available")},
                             [&](const DecodedBlock &, int) {}));
    }
};

BS_TEST_MAIN(TestBlockScan)
#include "tst_blockscan.moc"
