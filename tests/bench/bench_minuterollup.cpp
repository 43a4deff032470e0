// Benchmark of the compactor's minute roll-up, not a test: 5,000 guests polled every 5 s for
// ten minutes, merged into the raw blocks a minute at a time as the inbox moves them, then one
// minute of every guest rolled up as the compactor does each minute at 5,000 guests (issue 18):
//   - baseline: minuteRollupSql(), the SQL the compactor ran before (every poll through the
//     bs_blocks virtual table, 60 aggregates a row in SQLite's VM), rows read out;
//   - MinuteRollup: the same rows from the decoded blocks in C++.
// Both read the same file in the same process, alternately, after a warm-up; the rows are
// checked equal. Reported: the median of each and their ratio.
//   bench_minuterollup DIR [--guests 5000] [--repeat 7] [--json FILE]

#include "history/BlockTables.h"
#include "history/BlockWriter.h"
#include "history/DatabaseFile.h"
#include "history/MinuteRollup.h"
#include "history/RollupCompactor.h"
#include "history/Sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace bs;
using namespace bs::history;

namespace {

constexpr qint64 Start = 1'800'000'000; // on a whole minute
constexpr int Minutes = 10;
constexpr int IntervalSeconds = 5;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

bool fill(sqlite::Database &db, int guests) {
    if (!db.exec(createBlockTableSql(sampleBlocks()).constData()) ||
        !db.exec("CREATE TABLE guests(id INTEGER PRIMARY KEY)"))
        return false;
    BlockWriter writer(db, sampleBlocks());
    std::mt19937_64 random(5000);
    const size_t columns = sampleBlocks().values.size();
    if (!db.exec("BEGIN"))
        return false;
    for (int g = 1; g <= guests; ++g) {
        if (!db.exec(QStringLiteral("INSERT INTO guests VALUES (%1)").arg(g).toUtf8().constData()))
            return false;
    }
    // A minute at a time, as the inbox is moved: the guests' blocks end in small ones.
    for (int minute = 0; minute < Minutes; ++minute) {
        for (int g = 1; g <= guests; ++g) {
            std::vector<BlockRow> rows;
            for (int s = 0; s < 60; s += IntervalSeconds) {
                BlockRow row{Start + minute * 60 + s + g % IntervalSeconds, {}};
                row.values.emplace_back(0); // flags: reporting
                for (size_t c = 1; c < columns; ++c)
                    row.values.emplace_back(qint64(1'000'000 + random() % 3'000'000));
                rows.push_back(std::move(row));
            }
            if (!writer.merge(g, std::move(rows), BlockWriter::Merge::Coalesce))
                return false;
        }
    }
    return bool(db.exec("COMMIT"));
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    auto option = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size())
            return fallback;
        const QString value = args.at(i + 1);
        args.remove(i, 2);
        return value;
    };
    const int guests = option(QStringLiteral("--guests"), QStringLiteral("5000")).toInt();
    const int repeat = option(QStringLiteral("--repeat"), QStringLiteral("7")).toInt();
    const QString json = option(QStringLiteral("--json"), QString());
    if (args.size() != 1 || guests < 1 || repeat < 1) {
        std::fprintf(stderr, "usage: bench_minuterollup DIR [--guests N] [--repeat N] "
                             "[--json FILE]\n");
        return 2;
    }
    QDir().mkpath(args.first());
    const QString path = QDir(args.first()).filePath(QStringLiteral("minuterollup.sqlite"));
    QFile::remove(path);
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
    if (!db || !applyReadSettings(*db) || !fill(*db, guests)) { // the app's page cache
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        return 1;
    }
    // The minute before last, as the compactor rolls it.
    const qint64 from = Start + (Minutes - 2) * 60, to = from + 60;
    const int count = int(minuteBlocks().values.size());

    auto viaSql = [&](std::vector<BlockRow> &out) {
        auto q = db->prepare(minuteRollupSql().constData());
        if (!q)
            return false;
        q->bind(1, from).bind(2, to).bindNull(3);
        return bool(q->forEachRow([&] {
            BlockRow row{q->int64(1), {}};
            row.values.reserve(size_t(count));
            for (int c = 0; c < count; ++c)
                row.values.push_back(q->optionalInt64(2 + c));
            out.push_back(std::move(row));
        }));
    };
    MinuteRollup rollup(*db);
    auto viaBlocks = [&](std::vector<BlockRow> &out) {
        for (int g = 1; g <= guests; ++g) {
            if (!rollup.rollGuest(g, from, to, out))
                return false;
        }
        return true;
    };

    std::vector<double> sqlMs, cppMs;
    std::vector<BlockRow> a, b;
    for (int i = 0; i <= repeat; ++i) { // round 0: the warm-up
        a.clear();
        b.clear();
        QElapsedTimer timer;
        timer.start();
        if (!viaSql(a))
            return 1;
        const double s = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        if (!viaBlocks(b))
            return 1;
        const double c = double(timer.nsecsElapsed()) / 1e6;
        if (a.size() != size_t(guests) || a.size() != b.size()) {
            std::fprintf(stderr, "rows differ: %zu by SQL, %zu from the blocks\n", a.size(),
                         b.size());
            return 1;
        }
        for (size_t r = 0; r < a.size(); ++r) {
            if (a[r].t != b[r].t || a[r].values != b[r].values) {
                std::fprintf(stderr, "row %zu differs\n", r);
                return 1;
            }
        }
        if (i > 0) {
            sqlMs.push_back(s);
            cppMs.push_back(c);
        }
    }
    const double sql = median(sqlMs), cpp = median(cppMs);
    std::printf("minute roll-up, %d guests x %d polls: SQL over the virtual table %.1f ms, "
                "MinuteRollup %.1f ms (ratio %.3f), median of %d\n",
                guests, 60 / IntervalSeconds, sql, cpp, cpp / sql, repeat);
    if (!json.isEmpty()) {
        QFile f(json);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("guests"), guests},
                                          {QStringLiteral("sqlMs"), sql},
                                          {QStringLiteral("blocksMs"), cpp},
                                          {QStringLiteral("ratio"), cpp / sql}})
                    .toJson());
    }
    db.value().close();
    QFile::remove(path);
    return 0;
}
