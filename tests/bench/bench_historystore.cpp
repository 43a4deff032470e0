// Benchmark of the real history store (HistoryStore → HistoryWorker → SQLite), not a test:
//   bench_historystore [DIR]        (DIR: where the databases go; default a temporary dir)
// Prints the machine, then each figure with its target and the ratio figure/target, plus a
// baseline (bare SQLite inserting the same rows) so runs on other machines can be compared.
// Build with optimisation (CMAKE_BUILD_TYPE=Release): a debug build measures the compiler.

#include "history/BlockTables.h"
#include "history/HistoryStore.h"
#include "history/Sqlite.h"
#include "libvirt/LibvirtRuntime.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/statfs.h>

using namespace bs;

namespace {

constexpr qint64 Start = 1735689600000; // 2025-01-01 00:00 UTC
const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QString firstLine(const QString &path, const QString &prefix) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // /proc files report size 0: read to the end rather than trusting atEnd().
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(prefix))
            return line.mid(line.indexOf(QLatin1Char(':')) + 1).trimmed();
    }
    return {};
}

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly)
               ? QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2)
               : QString();
}

// Guests with realistic, varying figures: sizes 2-16 GiB, every poll a fresh report (the full
// field set: the worst case for size), counters that grow.
struct Fleet {
    struct Guest {
        QString uuid;
        QString name;
        quint64 size = 0;
        quint64 minorFault = 0;
        quint64 majorFault = 0;
        bool inflated = false;
    };
    QList<Guest> guests;
    std::mt19937_64 random{42};

    explicit Fleet(int count) {
        const quint64 sizes[] = {2, 4, 8, 16};
        for (int i = 0; i < count; ++i) {
            Guest g;
            g.uuid = QStringLiteral("5a1e0000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
            g.name = QStringLiteral("guest-%1").arg(i);
            g.size = sizes[random() % 4] * 1048576;
            g.minorFault = 1000000 + random() % 100000000;
            g.majorFault = 1000 + random() % 50000;
            g.inflated = random() % 2;
            guests.append(g);
        }
    }

    PollCycle cycle(qint64 timeMs, int guestCount, int intervalSeconds) {
        PollCycle c;
        c.hostId = Host;
        c.timeMs = timeMs;
        c.intervalSeconds = intervalSeconds;
        c.samples.reserve(guestCount);
        for (int i = 0; i < guestCount; ++i) {
            Guest &g = guests[i];
            MemorySample s;
            s.hostId = Host;
            s.uuid = g.uuid;
            s.name = g.name;
            s.timeMs = timeMs;
            s.state = DomainState::Running;
            s.statsState = StatsState::Reporting;
            s.freshReport = true;
            const quint64 actual = g.inflated ? g.size * 3 / 4 : g.size;
            const quint64 available = actual - 80000 - random() % 120000;
            const quint64 unused = random() % (available / 2);
            s.stats.actual = actual;
            s.stats.maximum = g.size;
            s.stats.rss = actual - random() % (actual / 4);
            s.stats.available = available;
            s.stats.unused = unused;
            s.stats.usable = unused + random() % (available / 4);
            s.stats.diskCaches = random() % (available / 3);
            s.stats.swapIn = 0;
            s.stats.swapOut = 0;
            g.minorFault += random() % 5000;
            g.majorFault += random() % 3;
            s.stats.majorFault = g.majorFault;
            s.stats.minorFault = g.minorFault;
            s.stats.hugetlbPgAlloc = 0;
            s.stats.hugetlbPgFail = 0;
            s.stats.lastUpdate = timeMs / 1000 - qint64(random() % 10);
            c.samples.append(s);
        }
        return c;
    }
};

struct Ingest {
    qint64 samples = 0;
    double wall = 0;
    double cpu = 0;
};

// Feeds `cycles` cycles of `guests` guests through HistoryStore::record, in batches generated
// outside the timing, and waits until the store has committed them all (inbox moves included).
Ingest ingest(HistoryStore &store, Fleet &fleet, std::atomic<qint64> &clock, qint64 fromMs,
              int cycles, int guests, int intervalSeconds) {
    Ingest out;
    constexpr int Batch = 200;
    for (int done = 0; done < cycles;) {
        QList<PollCycle> batch;
        const int n = std::min(Batch, cycles - done);
        for (int i = 0; i < n; ++i)
            batch.append(fleet.cycle(fromMs + qint64(done + i) * intervalSeconds * 1000, guests,
                                     intervalSeconds));
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        for (const PollCycle &c : std::as_const(batch))
            store.record(c);
        clock.store(batch.constLast().timeMs);
        store.waitForIdle(600000);
        out.wall += double(wall.nsecsElapsed()) / 1e9;
        out.cpu += cpuSeconds() - cpu0;
        out.samples += qint64(n) * guests;
        done += n;
    }
    return out;
}

// Bare SQLite, same rows (already encoded), same table layout, one transaction per cycle, no
// inbox: what the disk and SQLite cost on this machine, for the ratios.
double baselineRate(const QString &path, Fleet &fleet, int cycles, int guests) {
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE s(g INTEGER, t "
                 "INTEGER, f INTEGER, a, b, c, d, e, f2, g2, h, i, j, k, l, m, n, PRIMARY KEY(t, "
                 "g)) WITHOUT ROWID;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO s VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &insert,
                       nullptr);
    QElapsedTimer timer;
    double elapsed = 0;
    for (int c = 0; c < cycles; ++c) {
        const PollCycle cycle = fleet.cycle(Start + c * 10000LL, guests, 10);
        timer.start();
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        for (int g = 0; g < guests; ++g) {
            const BalloonStats &s = cycle.samples[g].stats;
            const qint64 v[] = {g + 1,
                                cycle.timeMs / 1000,
                                1,
                                qint64(*s.actual),
                                qint64(*s.maximum - *s.actual),
                                qint64(*s.rss),
                                qint64(*s.available),
                                qint64(*s.unused),
                                qint64(*s.usable),
                                qint64(*s.diskCaches),
                                0,
                                0,
                                qint64(*s.majorFault),
                                qint64(*s.minorFault),
                                0,
                                0,
                                cycle.timeMs / 1000 - *s.lastUpdate};
            for (int k = 0; k < 17; ++k)
                sqlite3_bind_int64(insert, k + 1, v[k]);
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        elapsed += double(timer.nsecsElapsed()) / 1e9;
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return double(cycles) * guests / elapsed;
}

// Pages of what stores `table`: a block table's blocks and their index (schema 6), else the
// table and its indexes.
QByteArray storageSql(const char *table) {
    if (const history::BlockTableSpec *spec = history::blockTableNamed(table))
        return "SELECT sum(pgsize) FROM dbstat WHERE name IN ('" + spec->blocks + "', '" +
               spec->blocks + "_by_owner')";
    return QByteArray("SELECT sum(pgsize) FROM dbstat WHERE name = '") + table + "'";
}

// Bytes the table and its index use on disk, and its row count (SQLite's dbstat).
std::pair<qint64, qint64> tableBytes(const QString &path, const char *table) {
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    if (!db)
        return {-1, -1};
    const QByteArray sizeSql = storageSql(table);
    const QByteArray rowSql = QByteArray("SELECT count(*) FROM ") + table;
    auto bytes = db->queryInt(sizeSql.constData());
    auto rows = db->queryInt(rowSql.constData());
    return {bytes ? *bytes : -1, rows ? *rows : -1};
}

struct Timing {
    double medianMs = 0;
    double maxMs = 0;
    double medianCpuMs = 0; // CPU time of the process (the history thread does the work)
    int points = 0;
    QString tiers;
};

Timing timeQuery(HistoryStore &store, const SeriesRequest &request, int repeat) {
    QList<double> ms;
    QList<double> cpu;
    Timing t;
    for (int i = 0; i < repeat; ++i) {
        QEventLoop loop;
        QElapsedTimer timer;
        const double cpu0 = cpuSeconds();
        timer.start();
        const quint64 id = store.querySeries(request);
        auto c = QObject::connect(&store, &HistoryStore::seriesReady, &loop,
                                  [&](quint64 got, const SeriesResult &r) {
                                      if (got != id)
                                          return;
                                      ms.append(double(timer.nsecsElapsed()) / 1e6);
                                      cpu.append((cpuSeconds() - cpu0) * 1000);
                                      t.points = 0;
                                      for (const Series &s : r.series)
                                          t.points += int(s.points.size());
                                      QStringList tiers;
                                      for (const TierSpan &span : r.tiers)
                                          tiers.append(tierKey(span.tier));
                                      t.tiers = tiers.join(QLatin1Char('+'));
                                      loop.quit();
                                  });
        loop.exec();
        QObject::disconnect(c);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    t.medianCpuMs = cpu[cpu.size() / 2];
    t.medianMs = ms[ms.size() / 2];
    t.maxMs = ms.last();
    return t;
}

void line(const char *what, double value, const char *unit, double target = 0,
          bool higherIsBetter = true) {
    if (target > 0)
        std::printf("  %-58s %12.1f %-10s target %s %g  ratio %.2f\n", what, value, unit,
                    higherIsBetter ? ">=" : "<=", target, value / target);
    else
        std::printf("  %-58s %12.1f %s\n", what, value, unit);
}

} // namespace

int main(int argc, char *argv[]) {
    LibvirtRuntime::prepareProcess();
    QCoreApplication app(argc, argv);
    QTemporaryDir tmp;
    QStringList args = app.arguments().mid(1);
    // --quick: the ingest figures only, smaller (for trying out a change).
    const bool quick = args.removeAll(QStringLiteral("--quick")) > 0;
    // --queries: only the query figures, on DIR/thirty-days.sqlite from an earlier full run.
    const bool queriesOnly = args.removeAll(QStringLiteral("--queries")) > 0;
    const QString dir = !args.isEmpty() ? args.constFirst() : tmp.path();
    QDir().mkpath(dir);
    struct statfs fs {};
    statfs(dir.toLocal8Bit().constData(), &fs);

    std::printf(
        "Machine: %s, %lld logical CPUs, %s RAM, kernel %s\n",
        qPrintable(firstLine(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"))),
        qlonglong(sysconf(_SC_NPROCESSORS_ONLN)),
        qPrintable(firstLine(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"))),
        qPrintable(QSysInfo::kernelVersion()));
    std::printf("SQLite %s, Qt %s, database dir %s (fs magic 0x%lx), load average at start %s\n\n",
                sqlite3_libversion(), qVersion(), qPrintable(dir), long(fs.f_type),
                qPrintable(loadAverage()));

    // 1. Baseline and ingest of 100-guest cycles.
    if (!queriesOnly) {
        Fleet fleet(100);
        const double base =
            baselineRate(dir + QStringLiteral("/baseline.sqlite"), fleet, 1000, 100);
        std::printf("Ingest, 100 guests per poll cycle, one transaction per cycle:\n");
        line("baseline: bare SQLite, same rows, (t, guest) table", base, "samples/s");
        QList<double> rates;
        QList<double> cpuRates;
        for (int run = 0; run < (quick ? 1 : 3); ++run) {
            const QString path = dir + QStringLiteral("/ingest-%1.sqlite").arg(run);
            std::atomic<qint64> clock{Start};
            HistoryOptions o;
            o.path = path;
            o.backgroundCompaction = false;
            o.clockMs = [&clock] {
                return clock.load();
            };
            HistoryStore store(o);
            store.open();
            store.waitForIdle();
            const Ingest r = ingest(store, fleet, clock, Start + run * 86400000LL, 1000, 100, 10);
            rates.append(double(r.samples) / r.wall);
            cpuRates.append(double(r.samples) / r.cpu);
        }
        std::sort(rates.begin(), rates.end());
        std::sort(cpuRates.begin(), cpuRates.end());
        const int mid = int(rates.size()) / 2;
        line("HistoryStore, median of 3 runs of 100,000 samples (wall)", rates[mid], "samples/s",
             50000);
        line("HistoryStore, same, per CPU second (both threads)", cpuRates[mid], "samples/s");
        line("HistoryStore / baseline", rates[mid] / base, "");
        std::printf("\n");
    }

    // 2. Thirty days of one guest (259,200 polls every 10 s) among nine others.
    const QString path = dir + QStringLiteral("/thirty-days.sqlite");
    if (!queriesOnly)
        QFile::remove(path);
    Fleet fleet(10);
    std::atomic<qint64> clock{Start};
    HistoryOptions o;
    o.path = path;
    o.backgroundCompaction = false;
    o.clockMs = [&clock] {
        return clock.load();
    };
    o.retention.rawSeconds = 31 * 86400; // keep every raw sample for the size and raw figures
    const int Polls = quick ? 30000 : 30 * 8640;
    const qint64 end = Start + qint64(Polls) * 10000;
    if (!queriesOnly) {
        HistoryStore store(o);
        store.open();
        store.waitForIdle();
        std::printf("Thirty days, 10 guests polled every 10 s (%d polls, %d samples):\n", Polls,
                    Polls * 10);
        const Ingest r = ingest(store, fleet, clock, Start, Polls, 10, 10);
        line("ingest, 10 guests per cycle (wall)", double(r.samples) / r.wall, "samples/s", 50000);
        line("ingest, per CPU second", double(r.samples) / r.cpu, "samples/s");
        if (quick)
            return 0;
        QElapsedTimer t;
        t.start();
        clock.store(end);
        store.compactNow();
        store.waitForIdle(3600000);
        line("compaction: roll up 30 days x 10 guests (minutes, hours)",
             double(t.elapsed()) / 1000.0, "s");
    }
    {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok();
    }
    const auto [rawBytes, rawRows] = tableBytes(path, "samples");
    const auto [minuteBytes, minuteRows] = tableBytes(path, "rollup_1m");
    const auto [hourBytes, hourRows] = tableBytes(path, "rollup_1h");
    line("on disk per raw guest sample (blocks and their index, dbstat)",
         double(rawBytes) / rawRows, "bytes", 20, false);
    line("whole file per raw sample, roll-ups included", double(QFileInfo(path).size()) / rawRows,
         "bytes");
    line("1-minute roll-up, per guest-minute", double(minuteBytes) / minuteRows, "bytes");
    line("1-hour roll-up, per guest-hour", double(hourBytes) / hourRows, "bytes");
    line("one guest, a day at 10 s: raw + 1m + 1h",
         (double(rawBytes) / rawRows * 8640 + double(minuteBytes) / minuteRows * 1440 +
          double(hourBytes) / hourRows * 24) /
             1024.0,
         "KiB");
    std::printf("\n");

    clock.store(end);
    {
        HistoryStore store(o);
        store.open();
        store.waitForIdle();
        SeriesRequest r;
        r.hostId = Host;
        r.uuids = {fleet.guests.first().uuid};
        r.metrics = {Metric::Used};
        r.fromMs = end - 30 * 86400000LL;
        r.toMs = end;
        r.points = 1920;
        std::printf("Range queries, one guest, from the caller's thread to the answer signal "
                    "(median of 21):\n");
        Timing t = timeQuery(store, r, 21);
        std::printf("  30 days, 1920 px, used: %d points from %s\n", t.points, qPrintable(t.tiers));
        line("  median", t.medianMs, "ms", 50, false);
        line("  median CPU time", t.medianCpuMs, "ms");
        line("  slowest", t.maxMs, "ms");
        r.metrics = {Metric::Used, Metric::UsedExcludingCache, Metric::Actual, Metric::Rss};
        t = timeQuery(store, r, 21);
        std::printf("  30 days, 1920 px, 4 metrics: %d points from %s\n", t.points,
                    qPrintable(t.tiers));
        line("  median", t.medianMs, "ms", 50, false);
        line("  median CPU time", t.medianCpuMs, "ms");
        r.metrics = {Metric::Used};
        r.points = int((r.toMs - r.fromMs) / 50000); // 50 s buckets: the raw tier, all 259,200
        t = timeQuery(store, r, 11);
        std::printf("  30 days from the 259,200 raw samples (50 s buckets): %d points from %s\n",
                    t.points, qPrintable(t.tiers));
        line("  median", t.medianMs, "ms");
        r.points = 1920;
        r.fromMs = end - 86400000LL;
        t = timeQuery(store, r, 21);
        std::printf("  1 day, 1920 px (raw, 8,640 samples): %d points from %s\n", t.points,
                    qPrintable(t.tiers));
        line("  median", t.medianMs, "ms");
        r.fromMs = end - 365 * 86400000LL;
        t = timeQuery(store, r, 21);
        std::printf("  1 year, 1920 px (30 days of data): %d points from %s\n", t.points,
                    qPrintable(t.tiers));
        line("  median", t.medianMs, "ms");
        r.fromMs = end - 30 * 86400000LL;
        r.uuids.clear();
        for (int i = 0; i < 5; ++i)
            r.uuids.append(fleet.guests[i].uuid);
        t = timeQuery(store, r, 11);
        std::printf("  30 days, 1920 px, 5 guests compared: %d points from %s\n", t.points,
                    qPrintable(t.tiers));
        line("  median", t.medianMs, "ms");
    }
    std::printf("\nload average at end %s\n", qPrintable(loadAverage()));
    return 0;
}
