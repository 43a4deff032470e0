// MinuteRollup rolls raw samples up into minutes in C++: the same rows and values, to the last
// rounding, as minuteRollupSql() (the SQL the compactor ran before, kept as the reference) over
// the same blocks, on random polls with missing and contradicting fields and on edge cases:
// averages halfway between two integers, on both sides of zero; minutes whose gap count cannot
// be told; derived metrics whose inputs contradict each other.
#include "TestMain.h"
#include "history/BlockTables.h"
#include "history/BlockWriter.h"
#include "history/MinuteRollup.h"
#include "history/RollupCompactor.h"
#include "history/Sqlite.h"

#include <QTemporaryDir>

#include <random>

using namespace bs;
using namespace bs::history;

namespace {

constexpr qint64 Start = 1'800'000'000; // on a whole minute

QString text(qint64 guest, const BlockRow &row) {
    QStringList out{QString::number(guest), QString::number(row.t)};
    for (const auto &v : row.values)
        out << (v ? QString::number(*v) : QStringLiteral("-"));
    return out.join(QLatin1Char(' '));
}

int column(const char *name) {
    return int(sampleBlocks().values.indexOf(QByteArray(name)));
}

} // namespace

class TestMinuteRollup : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    static sqlite::Database open(const QString &path) {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        if (!db || !db->exec(createBlockTableSql(sampleBlocks()).constData()) ||
            !db->exec("CREATE TABLE guests(id INTEGER PRIMARY KEY)"))
            return {};
        return std::move(*db);
    }

    static std::vector<QString> viaSql(sqlite::Database &db, qint64 guest, qint64 from, qint64 to) {
        std::vector<QString> out;
        auto q = db.prepare(minuteRollupSql().constData());
        if (!q)
            return {QStringLiteral("prepare failed")};
        q->bind(1, from).bind(2, to).bind(3, guest);
        const int count = int(minuteBlocks().values.size());
        const Status s = q->forEachRow([&] {
            BlockRow row{q->int64(1), {}};
            for (int c = 0; c < count; ++c)
                row.values.push_back(q->optionalInt64(2 + c));
            out.push_back(text(q->int64(0), row));
        });
        if (!s)
            return {s.error().message};
        return out;
    }

    static std::vector<QString> viaCpp(sqlite::Database &db, qint64 guest, qint64 from, qint64 to) {
        MinuteRollup rollup(db);
        std::vector<BlockRow> rows;
        if (const Status s = rollup.rollGuest(guest, from, to, rows); !s)
            return {s.error().message};
        std::vector<QString> out;
        for (const BlockRow &row : rows) {
            if (row.values.size() != size_t(minuteBlocks().values.size()))
                return {QStringLiteral("a row of %1 values").arg(row.values.size())};
            out.push_back(text(guest, row));
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sameAsTheSqlOnRandomPolls() {
        sqlite::Database db = open(m_dir.filePath(QStringLiteral("random.sqlite")));
        QVERIFY(db.isOpen());
        BlockWriter writer(db, sampleBlocks());
        std::mt19937_64 random(18);
        const size_t columns = sampleBlocks().values.size();
        const int flags = column("flags");
        const int actual = column("actual");
        QVERIFY(flags == 0 && actual > 0);
        for (qint64 guest = 1; guest <= 6; ++guest) {
            QVERIFY(db.exec(
                QStringLiteral("INSERT INTO guests VALUES (%1)").arg(guest).toUtf8().constData()));
            // Guests 1-2 poll every 1-3 s, 3-4 every 1-17 s, 5-6 every 30-90 s (minutes with
            // nothing); values small, large (up to 2^44) or negative, 1 in 6 missing.
            std::vector<BlockRow> rows;
            qint64 t = Start + guest;
            for (int i = 0; i < 900; ++i) {
                t += guest <= 2   ? 1 + qint64(random() % 3)
                     : guest <= 4 ? 1 + qint64(random() % 17)
                                  : 30 + qint64(random() % 61);
                BlockRow row{t, {}};
                const bool reports = random() % 3 != 0;
                for (size_t c = 0; c < columns; ++c) {
                    const bool guestField =
                        c >= size_t(column("available")) && c <= size_t(column("hugetlb_pgfail"));
                    if ((guestField && !reports) || random() % 6 == 0) {
                        row.values.emplace_back(std::nullopt);
                        continue;
                    }
                    switch (random() % 5) {
                    case 0:
                        row.values.emplace_back(qint64(random() % 7) - 3); // small, ±
                        break;
                    case 1:
                        row.values.emplace_back(qint64(random() % (qint64(1) << 44)));
                        break;
                    default:
                        row.values.emplace_back(qint64(random() % 8'000'000));
                    }
                }
                if (row.values[size_t(flags)]) // the stats state in bits 4 and up
                    row.values[size_t(flags)] = qint64(random() % 4) << 4 | qint64(random() % 16);
                rows.push_back(std::move(row));
            }
            QVERIFY(writer.merge(guest, std::move(rows), BlockWriter::Merge::Coalesce));
        }
        int compared = 0;
        for (qint64 guest = 1; guest <= 6; ++guest) {
            // The whole record, and a stretch that starts and ends inside minutes and blocks.
            for (const auto &[from, to] :
                 {std::pair(Start, Start + 100'000), std::pair(Start + 397, Start + 2'213)}) {
                const auto cpp = viaCpp(db, guest, from, to);
                const auto sql = viaSql(db, guest, from, to);
                QVERIFY(sql.size() > 10);
                QCOMPARE(cpp, sql);
                compared += int(sql.size());
            }
        }
        QVERIFY2(compared > 1000, qPrintable(QString::number(compared)));
    }

    void sameAsTheSqlOnEdgeCases() {
        sqlite::Database db = open(m_dir.filePath(QStringLiteral("edges.sqlite")));
        QVERIFY(db.isOpen());
        QVERIFY(db.exec("INSERT INTO guests VALUES (7)"));
        const size_t columns = sampleBlocks().values.size();
        auto poll = [&](qint64 t, std::initializer_list<std::pair<const char *, qint64>> set) {
            BlockRow row{t, std::vector<std::optional<qint64>>(columns)};
            for (const auto &[name, value] : set)
                row.values[size_t(column(name))] = value;
            return row;
        };
        std::vector<BlockRow> rows{
            // Minute 0: PSI averages of 1.5 and -1.5; used contradicts (unused > available) in
            // one poll; the balloon's inflation is negative in one (taken back: none).
            poll(Start + 0, {{"flags", 0},
                             {"actual", 1000},
                             {"inflated", -10},
                             {"available", 100},
                             {"unused", 150},
                             {"psi_some", 1},
                             {"psi_full", -1}}),
            poll(Start + 30, {{"flags", 0},
                              {"actual", 1000},
                              {"inflated", 24},
                              {"available", 100},
                              {"unused", 40},
                              {"psi_some", 2},
                              {"psi_full", -2}}),
            // Minute 1: not reporting and the flags unknown: the gap count cannot be told.
            poll(Start + 60, {{"actual", 1000}}),
            poll(Start + 90, {{"rss", 5}}),
            // Minute 2: flags unknown but a fresh report: no gap; the balloon's size unknown,
            // so the maximum is its inflation alone.
            poll(Start + 120, {{"usable", 70}, {"available", 100}, {"inflated", 300}}),
            // Minute 3: stats off (state 1 in bits 4 and up), no report: a gap.
            poll(Start + 180, {{"flags", 1 << 4}, {"actual", 1000}}),
        };
        QVERIFY(BlockWriter(db, sampleBlocks()).merge(7, rows, BlockWriter::Merge::Replace));
        const auto cpp = viaCpp(db, 7, Start, Start + 240);
        QCOMPARE(cpp, viaSql(db, 7, Start, Start + 240));
        QCOMPARE(cpp.size(), size_t(4));
        // And what those rows say, so that both cannot be wrong alike.
        MinuteRollup rollup(db);
        std::vector<BlockRow> out;
        QVERIFY(rollup.rollGuest(7, Start, Start + 240, out));
        const auto &names = minuteBlocks().values;
        auto at = [&](int minute, const char *name) {
            return out[size_t(minute)].values[size_t(names.indexOf(QByteArray(name)))];
        };
        QCOMPARE(at(0, "psi_some_avg"), std::optional<qint64>(2));
        QCOMPARE(at(0, "psi_full_avg"), std::optional<qint64>(-2));
        QCOMPARE(at(0, "used_min"), std::optional<qint64>(60));
        QCOMPARE(at(0, "used_max"), std::optional<qint64>(60));
        QCOMPARE(at(0, "balloon_inflated_min"), std::optional<qint64>(24));
        QCOMPARE(at(0, "maximum_min"), std::optional<qint64>(990));
        QCOMPARE(at(0, "n_report"), std::optional<qint64>(2));
        QCOMPARE(at(1, "n_gap"), std::optional<qint64>());
        QCOMPARE(at(1, "n_host"), std::optional<qint64>(1));
        QCOMPARE(at(2, "n_gap"), std::optional<qint64>(0));
        QCOMPARE(at(2, "maximum_max"), std::optional<qint64>(300));
        QCOMPARE(at(2, "used_excluding_cache_avg"), std::optional<qint64>(30));
        QCOMPARE(at(3, "n_gap"), std::optional<qint64>(1));
        QCOMPARE(at(3, "used_avg"), std::optional<qint64>());
    }
};

BS_TEST_MAIN(TestMinuteRollup)
#include "tst_minuterollup.moc"
