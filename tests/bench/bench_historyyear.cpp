// Benchmark of the history at scale, not a test: a year of a host with 50 guests polled every
// 10 s, fed through the real store (HistoryStore → HistoryWorker → SQLite, default retention:
// raw 7 days, minutes 90 days, hours 3 years) with the clock injected, compacted as it goes; then
// the one-year chart queries, and the database's size.
//   bench_historyyear DIR [--guests 50] [--days 365] [--interval 10] [--json FILE]
// Prints the figures; --json writes them for scripts/bench. Run from an optimised build.

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
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <sys/resource.h>

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

// Guests of 2-16 GiB reporting every poll, with slowly wandering figures.
class Fleet {
public:
    explicit Fleet(int count) {
        const quint64 sizes[] = {2, 4, 8, 16};
        for (int i = 0; i < count; ++i) {
            Guest g;
            g.uuid = QStringLiteral("5a1e0000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
            g.name = QStringLiteral("guest-%1").arg(i);
            g.size = sizes[m_random() % 4] * 1048576;
            g.used = g.size / 3;
            m_guests.append(g);
        }
    }
    QString uuid(int i) const { return m_guests[i].uuid; }

    PollCycle cycle(qint64 timeMs, int intervalSeconds) {
        PollCycle c;
        c.hostId = Host;
        c.timeMs = timeMs;
        c.intervalSeconds = intervalSeconds;
        c.samples.reserve(m_guests.size());
        for (Guest &g : m_guests) {
            const qint64 step = qint64(m_random() % 8193) - 4096;
            g.used = quint64(std::clamp<qint64>(qint64(g.used) + step, 200000, qint64(g.size) / 2));
            g.minorFault += m_random() % 5000;
            MemorySample s;
            s.hostId = Host;
            s.uuid = g.uuid;
            s.name = g.name;
            s.timeMs = timeMs;
            s.state = DomainState::Running;
            s.statsState = StatsState::Reporting;
            s.freshReport = true;
            s.stats.actual = g.size;
            s.stats.maximum = g.size;
            s.stats.rss = g.size - g.size / 8;
            s.stats.available = g.size - 120000;
            s.stats.unused = g.size - 120000 - g.used;
            s.stats.usable = g.size - 120000 - g.used + g.used / 4;
            s.stats.diskCaches = g.used / 4;
            s.stats.swapIn = 0;
            s.stats.swapOut = 0;
            s.stats.majorFault = 1000;
            s.stats.minorFault = g.minorFault;
            s.stats.hugetlbPgAlloc = 0;
            s.stats.hugetlbPgFail = 0;
            s.stats.lastUpdate = timeMs / 1000 - 2;
            c.samples.append(s);
        }
        return c;
    }

private:
    struct Guest {
        QString uuid;
        QString name;
        quint64 size = 0;
        quint64 used = 0;
        quint64 minorFault = 0;
    };
    QList<Guest> m_guests;
    std::mt19937_64 m_random{7};
};

struct QueryTime {
    double medianMs = 0;
    double maxMs = 0;
    int points = 0;
};

// From the call on the caller's thread to the answer signal: what a chart waits for.
template <class Request, class Answer>
QueryTime timeQuery(HistoryReader &store, const Request &request, int repeat,
                    quint64 (HistoryReader::*query)(const Request &),
                    void (HistoryReader::*answered)(quint64, const Answer &),
                    int (*countPoints)(const Answer &)) {
    QList<double> ms;
    QueryTime t;
    for (int i = 0; i < repeat; ++i) {
        QEventLoop loop;
        QElapsedTimer timer;
        timer.start();
        const quint64 id = (store.*query)(request);
        auto c = QObject::connect(&store, answered, &loop, [&](quint64 got, const Answer &a) {
            if (got != id)
                return;
            ms.append(double(timer.nsecsElapsed()) / 1e6);
            t.points = countPoints(a);
            loop.quit();
        });
        loop.exec();
        QObject::disconnect(c);
    }
    std::sort(ms.begin(), ms.end());
    t.medianMs = ms[ms.size() / 2];
    t.maxMs = ms.last();
    return t;
}

int seriesPoints(const SeriesResult &r) {
    int n = 0;
    for (const Series &s : r.series)
        n += int(s.points.size());
    return n;
}

int aggregatePoints(const AggregateResult &r) {
    int n = 0;
    for (const AggregateSeries &s : r.series)
        n += int(s.points.size());
    return n;
}

// Pages of what stores `table`: a block table's blocks and their index (schema 6), else the
// table and its indexes.
QByteArray storageSql(const char *table) {
    if (const history::BlockTableSpec *spec = history::blockTableNamed(table))
        return "SELECT sum(pgsize) FROM dbstat WHERE name IN ('" + spec->blocks + "', '" +
               spec->blocks + "_by_owner')";
    return QByteArray("SELECT sum(pgsize) FROM dbstat WHERE name = '") + table + "'";
}

qint64 tableBytes(const QString &path, const char *table) {
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    if (!db)
        return -1;
    const QByteArray sql = storageSql(table);
    auto bytes = db->queryInt(sql.constData());
    return bytes ? *bytes : -1;
}

} // namespace

int main(int argc, char *argv[]) {
    LibvirtRuntime::prepareProcess();
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int guests = 50;
    int days = 365;
    int interval = 10;
    QString jsonPath;
    QString dir;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--guests"))
            guests = next.toInt(), ++i;
        else if (a == QLatin1String("--days"))
            days = next.toInt(), ++i;
        else if (a == QLatin1String("--interval"))
            interval = next.toInt(), ++i;
        else if (a == QLatin1String("--json"))
            jsonPath = next, ++i;
        else
            dir = a;
    }
    if (dir.isEmpty() || guests < 1 || days < 1 || interval < 1) {
        std::fprintf(stderr, "usage: bench_historyyear DIR [--guests 50] [--days 365] "
                             "[--interval 10] [--json FILE]\n");
        return 2;
    }
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/year.sqlite");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));

    Fleet fleet(guests);
    std::atomic<qint64> clock{Start};
    HistoryOptions options;
    options.path = path;
    options.backgroundCompaction = false; // compacted below, every simulated hour
    options.clockMs = [&clock] {
        return clock.load();
    };
    const qint64 polls = qint64(days) * 86400 / interval;
    const qint64 end = Start + polls * interval * 1000LL;
    std::printf("History at scale: %d guests every %d s for %d days = %lld polls, %lld samples\n",
                guests, interval, days, qlonglong(polls), qlonglong(polls * guests));
    QJsonObject out;
    out.insert(QStringLiteral("guests"), guests);
    out.insert(QStringLiteral("days"), days);
    out.insert(QStringLiteral("intervalSeconds"), interval);
    out.insert(QStringLiteral("samples"), double(polls * guests));
    {
        HistoryStore store(options);
        store.open();
        store.waitForIdle();
        QElapsedTimer wall;
        wall.start();
        const double cpu0 = cpuSeconds();
        const qint64 pollsPerHour = 3600 / interval;
        for (qint64 p = 0; p < polls; ++p) {
            const qint64 t = Start + p * interval * 1000LL;
            store.record(fleet.cycle(t, interval));
            if ((p + 1) % pollsPerHour == 0) {
                clock.store(t);
                store.compactNow();
                store.waitForIdle(3600000);
            }
            if ((p + 1) % (pollsPerHour * 24 * 30) == 0)
                std::printf("  day %lld: %.0f s, %.0f samples/s\n",
                            qlonglong((p + 1) / (pollsPerHour * 24)),
                            double(wall.elapsed()) / 1000.0,
                            double((p + 1) * guests) / (double(wall.elapsed()) / 1000.0));
        }
        clock.store(end);
        store.compactNow();
        store.waitForIdle(3600000);
        const double seconds = double(wall.elapsed()) / 1000.0;
        const double cpu = cpuSeconds() - cpu0;
        std::printf("  ingest + compaction: %.0f s wall, %.0f s CPU, %.0f samples/s\n", seconds,
                    cpu, double(polls * guests) / seconds);
        out.insert(QStringLiteral("ingestSeconds"), seconds);
        out.insert(QStringLiteral("ingestCpuSeconds"), cpu);
        out.insert(QStringLiteral("samplesPerSecond"), double(polls * guests) / seconds);
    }
    {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        if (db)
            db->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok();
    }
    const qint64 fileBytes = QFileInfo(path).size();
    std::printf("  database: %.1f MiB (raw %.1f, 1-minute %.1f, 1-hour %.1f MiB)\n",
                double(fileBytes) / 1048576.0, double(tableBytes(path, "samples")) / 1048576.0,
                double(tableBytes(path, "rollup_1m")) / 1048576.0,
                double(tableBytes(path, "rollup_1h")) / 1048576.0);
    out.insert(QStringLiteral("fileBytes"), double(fileBytes));
    out.insert(QStringLiteral("rawBytes"), double(tableBytes(path, "samples")));
    out.insert(QStringLiteral("minuteBytes"), double(tableBytes(path, "rollup_1m")));
    out.insert(QStringLiteral("hourBytes"), double(tableBytes(path, "rollup_1h")));

    // The charts, on a store opened afresh (as the app would after a restart).
    {
        HistoryStore store(options);
        store.open();
        store.waitForIdle();
        SeriesRequest r;
        r.hostId = Host;
        r.uuids = {fleet.uuid(0)};
        // What the guest chart draws: used, used excluding cache, actual, available, RSS.
        r.metrics = {Metric::Used, Metric::UsedExcludingCache, Metric::Actual, Metric::Available,
                     Metric::Rss};
        r.fromMs = end - qint64(days) * 86400000LL;
        r.toMs = end;
        r.points = 1920;
        // The first query of a fresh process reads from a cold page cache of SQLite's own.
        const QueryTime first = timeQuery(store, r, 1, &HistoryReader::querySeries,
                                          &HistoryReader::seriesReady, &seriesPoints);
        const QueryTime chart = timeQuery(store, r, 11, &HistoryReader::querySeries,
                                          &HistoryReader::seriesReady, &seriesPoints);
        std::printf("  one guest, %d days, 1920 px, 5 metrics: first %.1f ms, median %.1f ms, "
                    "slowest %.1f ms (%d points)\n",
                    days, first.medianMs, chart.medianMs, chart.maxMs, chart.points);
        out.insert(QStringLiteral("chartFirstMs"), first.medianMs);
        out.insert(QStringLiteral("chartMedianMs"), chart.medianMs);
        out.insert(QStringLiteral("chartMaxMs"), chart.maxMs);
        AggregateRequest a;
        a.hostId = Host;
        a.metrics = {Metric::Used, Metric::Actual};
        a.fromMs = r.fromMs;
        a.toMs = end;
        a.points = 1920;
        const QueryTime host = timeQuery(store, a, 5, &HistoryReader::queryAggregate,
                                         &HistoryReader::aggregateReady, &aggregatePoints);
        std::printf("  host aggregate of %d guests, %d days, 1920 px, 2 metrics: median %.1f ms\n",
                    guests, days, host.medianMs);
        out.insert(QStringLiteral("aggregateMedianMs"), host.medianMs);
    }
    if (!jsonPath.isEmpty()) {
        QFile f(jsonPath);
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(out).toJson());
    }
    return 0;
}
