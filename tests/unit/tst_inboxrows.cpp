// InboxRows packs an inbox move's rows (RollupCompactor::flushInbox): what take() gives back is
// what the statement held, row by row, absent values absent, present zeros and extremes present.
#include "TestMain.h"
#include "history/InboxRows.h"
#include "history/Sqlite.h"

#include <limits>

using namespace bs;
using namespace bs::history;

class TestInboxRows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void takeGivesBackWhatWasRead() {
        auto db =
            sqlite::Database::open(QStringLiteral(":memory:"), sqlite::Database::Mode::ReadWrite);
        QVERIFY(db);
        QVERIFY(db->exec("CREATE TABLE r(g INTEGER, t INTEGER, a INTEGER, b INTEGER, c INTEGER)"));
        QVERIFY(db->exec("INSERT INTO r VALUES (1, 100, 0, NULL, -5), (1, 105, NULL, NULL, NULL), "
                         "(1, 110, 9223372036854775807, -9223372036854775808, 7)"));
        auto rows = db->prepare("SELECT g, t, a, b, c FROM r ORDER BY t");
        QVERIFY(rows);
        InboxRows packed(3);
        QVERIFY(rows->forEachRow([&] { packed.append(*rows, 1, 2); }));
        QCOMPARE(packed.size(), std::size_t(3));
        const std::vector<BlockRow> out = packed.take();
        QCOMPARE(packed.size(), std::size_t(0));
        QCOMPARE(out.size(), std::size_t(3));
        using V = std::vector<std::optional<qint64>>;
        QCOMPARE(out[0].t, 100);
        QVERIFY(out[0].values == (V{0, std::nullopt, -5}));
        QCOMPARE(out[1].t, 105);
        QVERIFY(out[1].values == (V{std::nullopt, std::nullopt, std::nullopt}));
        QCOMPARE(out[2].t, 110);
        QVERIFY(out[2].values ==
                (V{std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min(), 7}));
    }

    void everyColumnOfAWideRow() {
        // 64 values, the mask's every bit: every other one absent.
        QByteArray create = "CREATE TABLE w(t INTEGER";
        QByteArray insert = "INSERT INTO w VALUES (1";
        for (int c = 0; c < InboxRows::MaxColumns; ++c) {
            create += ", v" + QByteArray::number(c) + " INTEGER";
            insert += c % 2 ? ", NULL" : ", " + QByteArray::number(c * 1000 + 1);
        }
        auto db =
            sqlite::Database::open(QStringLiteral(":memory:"), sqlite::Database::Mode::ReadWrite);
        QVERIFY(db);
        QVERIFY(db->exec((create + ")").constData()));
        QVERIFY(db->exec((insert + ")").constData()));
        auto rows = db->prepare("SELECT * FROM w");
        QVERIFY(rows);
        InboxRows packed(InboxRows::MaxColumns);
        QVERIFY(rows->forEachRow([&] { packed.append(*rows, 0, 1); }));
        const std::vector<BlockRow> out = packed.take();
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].values.size(), std::size_t(InboxRows::MaxColumns));
        for (int c = 0; c < InboxRows::MaxColumns; ++c) {
            const auto expected = c % 2 ? std::nullopt : std::optional<qint64>(c * 1000 + 1);
            QVERIFY2(out[0].values[std::size_t(c)] == expected, qPrintable(QString::number(c)));
        }
    }
};

BS_TEST_MAIN(TestInboxRows)
#include "tst_inboxrows.moc"
