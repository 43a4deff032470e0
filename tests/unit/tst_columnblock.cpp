// The column block codec of the history (ColumnBlock.h): every row and value back as written,
// whatever the columns hold, and a damaged block refused rather than misread.
#include "TestMain.h"
#include "history/ColumnBlock.h"

#include <QCryptographicHash>

#include <limits>
#include <random>

using namespace bs::history;

namespace {

std::vector<BlockRow> randomRows(std::mt19937_64 &random, int n, int columns) {
    std::vector<BlockRow> rows;
    qint64 t = qint64(random() % 2000000000) - 1000000000;
    // Per column, a kind: all null, constant, wandering, counter, random, some nulls, extremes.
    std::vector<int> kinds(static_cast<std::size_t>(columns));
    std::vector<qint64> level(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
        kinds[std::size_t(c)] = int(random() % 7);
        level[std::size_t(c)] = qint64(random() % 20000000);
    }
    for (int i = 0; i < n; ++i) {
        t += 1 + qint64(random() % 3 == 0 ? random() % 100 : 4);
        BlockRow row{t, std::vector<std::optional<qint64>>(std::size_t(columns))};
        for (int c = 0; c < columns; ++c) {
            qint64 &v = level[std::size_t(c)];
            switch (kinds[std::size_t(c)]) {
            case 0:
                break;
            case 1:
                row.values[std::size_t(c)] = v;
                break;
            case 2:
                v += qint64(random() % 8193) - 4096;
                row.values[std::size_t(c)] = v;
                break;
            case 3:
                v += qint64(random() % 5000);
                row.values[std::size_t(c)] = v;
                break;
            case 4:
                row.values[std::size_t(c)] = qint64(random());
                break;
            case 5:
                if (random() % 3)
                    row.values[std::size_t(c)] = qint64(random() % 100) - 50;
                break;
            default: {
                const qint64 edges[] = {std::numeric_limits<qint64>::min(),
                                        std::numeric_limits<qint64>::max(), 0, -1, 1};
                row.values[std::size_t(c)] = edges[random() % 5];
            }
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

bool sameRows(const std::vector<BlockRow> &a, const std::vector<BlockRow> &b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].t != b[i].t || a[i].values != b[i].values)
            return false;
    }
    return true;
}

} // namespace

class TestColumnBlock : public QObject {
    Q_OBJECT

private slots:
    // The bytes a block is coded into are the file format: blocks written by an earlier build
    // are read by this one, and the writer's optimisations must not move a byte. The digest is
    // of 400 blocks of random columns (every kind above, with and without base columns, 1 to 256
    // rows), taken from the coder as it was before its scratch buffers (issue 18).
    void codingIsStable() {
        std::mt19937_64 random(20261208);
        QCryptographicHash digest(QCryptographicHash::Sha256);
        for (int b = 0; b < 400; ++b) {
            const int columns = 1 + int(random() % 24);
            const int n = b % 4 == 0 ? 1 + int(random() % 3) : 1 + int(random() % 256);
            BlockColumns spec = BlockColumns::plain(columns);
            if (b % 2) {
                for (int c = 1; c < columns; ++c)
                    spec.bases[std::size_t(c)] = random() % 3 == 0 ? int(random() % c) : -1;
            }
            const QByteArray coded = encodeBlock(randomRows(random, n, columns), spec);
            digest.addData(QByteArray::number(coded.size()));
            digest.addData(coded);
        }
        QCOMPARE(digest.result().toHex(),
                 QByteArray("efff9310d627194ede3cb2ee8f892619593d6c40464d5a19d5048b65ba9dae36"));
    }

    void roundTripsEveryKindOfColumn() {
        std::mt19937_64 random(18);
        for (int round = 0; round < 300; ++round) {
            const int columns = 1 + int(random() % 20);
            const int n = 1 + int(random() % 400);
            const std::vector<BlockRow> rows = randomRows(random, n, columns);
            const BlockColumns plain = BlockColumns::plain(columns);
            std::vector<BlockRow> back;
            QVERIFY(decodeRows(encodeBlock(rows, plain), plain, back));
            QVERIFY2(sameRows(rows, back), qPrintable(QString::number(round)));
        }
    }

    void basedColumnsRoundTripIncludingRowsWhereTheBaseIsMissing() {
        // min, avg, max of a roll-up: avg and max coded against min where it is present.
        BlockColumns columns{3, {-1, 0, 0}};
        std::vector<BlockRow> rows;
        for (int i = 0; i < 100; ++i) {
            const qint64 min = 4000000 + i * 37;
            BlockRow row{1000 + i * 60, {min, min + 10, min + 20}};
            if (i % 10 == 3)
                row.values = {std::nullopt, 5, 6}; // no base: coded plainly
            if (i % 10 == 5)
                row.values = {std::nullopt, std::nullopt, std::nullopt};
            rows.push_back(row);
        }
        std::vector<BlockRow> back;
        const QByteArray block = encodeBlock(rows, columns);
        QVERIFY(decodeRows(block, columns, back));
        QVERIFY(sameRows(rows, back));
        // Only the max asked for: its base comes along, the avg stays undecoded.
        DecodedBlock some;
        QVERIFY(decodeBlock(block, columns, uint64_t(1) << 2, some));
        QVERIFY(some.present[1].empty());
        QCOMPARE(some.value(2, 0), std::optional<qint64>(4000020));
    }

    void aRegularSeriesCostsLittle() {
        // 256 polls 5 s apart, of which three figures move a little: a few bytes a poll.
        std::vector<BlockRow> rows;
        for (int i = 0; i < 256; ++i) {
            BlockRow row{1735689600 + i * 5, std::vector<std::optional<qint64>>(18)};
            row.values[0] = 1;
            row.values[1] = 4194304;
            row.values[2] = 0;
            row.values[4] = 4000000 + (i % 7) * 1000;
            row.values[5] = 3000000 - i * 100;
            row.values[11] = 100000 + i * 2000;
            rows.push_back(row);
        }
        const QByteArray block = encodeBlock(rows, BlockColumns::plain(18));
        QVERIFY2(block.size() < 256 * 6, qPrintable(QString::number(block.size())));
    }

    void damagedBlocksAreRefused() {
        std::mt19937_64 random(7);
        const std::vector<BlockRow> rows = randomRows(random, 50, 6);
        const BlockColumns plain = BlockColumns::plain(6);
        const QByteArray block = encodeBlock(rows, plain);
        std::vector<BlockRow> back;
        QVERIFY(!decodeRows(QByteArray(), plain, back));
        QVERIFY(!decodeRows(block.left(block.size() - 1), plain, back));
        QVERIFY(!decodeRows(block + 'x', plain, back));
        QVERIFY(!decodeRows(block, BlockColumns::plain(5), back));
        // Every single-byte change either fails or decodes to a block of the stated shape:
        // never a crash or a read past the end (ASan checks the latter).
        for (int i = 0; i < block.size(); ++i) {
            QByteArray bad = block;
            bad[i] = char(bad[i] ^ 0x5a);
            DecodedBlock out;
            if (decodeBlock(bad, plain, ~uint64_t(0), out))
                QVERIFY(out.rows > 0 && int(out.t.size()) == out.rows);
        }
    }
};

BS_TEST_MAIN(TestColumnBlock)
#include "tst_columnblock.moc"
