// Benchmark of the sizing advisor, not a test: 30 days of 50 guests polled every 5 s (the
// monitor's default), laid out as the real store keeps it (raw polls for the last 7 days, the
// compactor's 1-minute and 1-hour roll-ups before), then the advice for every guest as the
// Sizing tab and `advise` compute it: HistoryStore::queryNeeds (NeedReader on the history
// thread) + adviseHost. Reported against a baseline in the same process: a bare row-by-row scan
// of the same raw rows (SELECT t, available, usable) on one connection, which the reader beats
// by keeping the polls inside SQLite's loop and reading guests on one connection per core.
//   bench_sizing DIR [--guests 50] [--days 30] [--interval 5] [--json FILE] [--reuse]
// --reuse: measure on DIR's database of the last run (same arguments) instead of writing it.
// The raw rows are written with one SQL statement (feeding 26 million polls through the store
// would take the benchmark most of an hour); the roll-ups and the purge are the real
// compactor's. Run from an optimised build.

#include "history/HistoryStore.h"
#include "history/NeedReader.h"
#include "history/Sqlite.h"
#include "libvirt/LibvirtRuntime.h"
#include "sizing/HostAdvice.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cstdio>

using namespace bs;

namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");
constexpr qint64 GiB = 1024 * 1024;

template <class T, class Signal>
T await(HistoryStore &store, quint64 id, Signal signal) {
    QEventLoop loop;
    T answer{};
    QObject::connect(&store, signal, &loop, [&](quint64 got, const T &v) {
        if (got == id) {
            answer = v;
            loop.quit();
        }
    });
    QObject::connect(&store, &HistoryStore::queryFailed, &loop, [&](quint64 got, const Error &e) {
        if (got == id) {
            std::fprintf(stderr, "query failed: %s\n", qPrintable(e.message));
            loop.quit();
        }
    });
    loop.exec();
    return answer;
}

HistoryOptions optionsAt(const QString &path, std::shared_ptr<std::atomic<qint64>> clock) {
    HistoryOptions o;
    o.path = path;
    o.backgroundCompaction = false;
    o.clockMs = [clock] {
        return clock->load();
    };
    return o;
}

qint64 count(sqlite::Database &db, const char *sql) {
    const auto n = db.queryInt(sql);
    return n ? *n : -1;
}

void fail(const QString &what) {
    std::fprintf(stderr, "%s\n", qPrintable(what));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[]) {
    LibvirtRuntime::prepareProcess();
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int guests = 50, days = 30, interval = 5;
    QString dir, jsonPath;
    bool reuse = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--guests"))
            guests = next.toInt(), ++i;
        else if (a == QLatin1String("--days"))
            days = next.toInt(), ++i;
        else if (a == QLatin1String("--interval"))
            interval = next.toInt(), ++i;
        else if (a == QLatin1String("--reuse"))
            reuse = true;
        else if (a == QLatin1String("--json"))
            jsonPath = next, ++i;
        else
            dir = a;
    }
    if (dir.isEmpty() || guests < 1 || days < 1 || interval < 1) {
        std::fprintf(stderr, "usage: bench_sizing DIR [--guests 50] [--days 30] [--interval 5] "
                             "[--json FILE]\n");
        return 2;
    }
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("sizing.sqlite"));
    const QString endFile = QDir(dir).filePath(QStringLiteral("sizing.end"));
    reuse = reuse && QFile::exists(path) && QFile::exists(endFile);
    qint64 end = QDateTime::currentSecsSinceEpoch() / 3600 * 3600;
    if (reuse) {
        QFile f(endFile);
        if (f.open(QIODevice::ReadOnly))
            end = f.readAll().trimmed().toLongLong();
    } else {
        QFile::remove(path);
        QFile f(endFile);
        if (f.open(QIODevice::WriteOnly))
            f.write(QByteArray::number(end));
    }
    const qint64 start = end - qint64(days) * 86400;
    auto clock = std::make_shared<std::atomic<qint64>>(start * 1000);

    // 1. The host, its guests and a recording session, through the store.
    if (!reuse) {
        HistoryStore store(optionsAt(path, clock));
        store.open();
        PollCycle c;
        c.hostId = Host;
        c.timeMs = start * 1000;
        c.intervalSeconds = interval;
        for (int g = 0; g < guests; ++g) {
            MemorySample s;
            s.hostId = Host;
            s.uuid = QStringLiteral("5a1e0000-0000-4000-8000-%1").arg(g, 12, 10, QLatin1Char('0'));
            s.name = QStringLiteral("guest-%1").arg(g, 2, 10, QLatin1Char('0'));
            s.timeMs = c.timeMs;
            s.state = DomainState::Running;
            s.statsState = StatsState::Reporting;
            s.stats.actual = quint64(4 * GiB);
            s.stats.maximum = quint64(8 * GiB);
            c.samples.append(s);
        }
        store.record(c);
        store.recordHostMemory(Host, c.timeMs, quint64(256 * GiB));
        if (!store.waitForIdle(600000))
            fail(QStringLiteral("store did not settle"));
    }

    // 2. Every poll of every guest over the days (into the inbox: the compactor codes them into
    // blocks): a need that wanders between 0.5 and 3.5 GiB
    // with a one-poll spike a day, MemFree 200 MiB below MemAvailable.
    QElapsedTimer timer;
    timer.start();
    if (!reuse) {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        if (!db)
            fail(db.error().message);
        const QByteArray sql =
            QStringLiteral(
                "BEGIN;"
                "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %1)"
                "INSERT OR REPLACE INTO samples_inbox SELECT g.id, %2 + k.i * %3, 1, 4194304, "
                "4194304, "
                "3145728, 4194304, u - 204800, u, NULL, 0, 0, 0, 0, NULL, NULL, 0, NULL, NULL, "
                "NULL "
                "FROM guests g, "
                "(SELECT i, 4194304 - (524288 + ((i * 7919) % 3145728)) AS u FROM k) AS k "
                "ORDER BY g.id, k.i;"
                "UPDATE sessions SET last_seen = %4;"
                "COMMIT;")
                .arg(qint64(days) * 86400 / interval)
                .arg(start)
                .arg(interval)
                .arg(end)
                .toLatin1();
        if (const Status s = db->exec(sql.constData()); !s)
            fail(s.error().message);
    }
    const double fillSeconds = double(timer.elapsed()) / 1000.0;

    // 3. The compactor rolls the days up and purges the raw polls older than 7 days.
    clock->store(end * 1000);
    HistoryStore store(optionsAt(path, clock));
    store.open();
    timer.restart();
    store.compactNow();
    if (!store.waitForIdle(3600000))
        fail(QStringLiteral("compaction did not finish"));
    const double compactSeconds = double(timer.elapsed()) / 1000.0;

    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    if (!db)
        fail(db.error().message);
    const qint64 rawRows = count(*db, "SELECT count(*) FROM samples");
    const qint64 minuteRows = count(*db, "SELECT count(*) FROM rollup_1m");
    const qint64 hourRows = count(*db, "SELECT count(*) FROM rollup_1h");

    const SizingPolicy policy = SizingPolicy::fromPreset(SizingPreset::Conservative); // 30 days
    const NeedRequest request = needRequestFor(Host, policy, end * 1000);

    // Baseline: the bare scan of the raw rows the advice must read.
    auto baseline = [&] {
        auto q = db->prepare("SELECT t, available, usable FROM samples WHERE guest_id = ?1 AND "
                             "t >= ?2 ORDER BY t");
        qint64 sum = 0;
        for (int g = 1; g <= guests + 1; ++g) {
            q->bind(1, g).bind(2, request.fromMs / 1000);
            (void)q->forEachRow([&] { sum += q->int64(1) - q->int64(2); });
        }
        return sum;
    };
    double best[3] = {1e9, 1e9, 1e9};
    double first[3] = {0, 0, 0};
    int advised = 0;
    for (int round = 0; round < 4; ++round) {
        timer.restart();
        volatile qint64 sink = baseline();
        (void)sink;
        const double b = double(timer.nsecsElapsed()) / 1e9;

        timer.restart();
        history::NeedReader reader(*db);
        const auto direct = reader.needs(request);
        if (!direct)
            fail(direct.error().message);
        const HostAdvice a = adviseHost(*direct, policy);
        const double r = double(timer.nsecsElapsed()) / 1e9;

        timer.restart();
        const NeedResult viaStore =
            await<NeedResult>(store, store.queryNeeds(request), &HistoryStore::needsReady);
        const HostAdvice s = adviseHost(viaStore, policy);
        const double t = double(timer.nsecsElapsed()) / 1e9;
        advised = int(std::count_if(s.guests.cbegin(), s.guests.cend(), [](const GuestAdvice &x) {
            return x.status == AdviceStatus::Advised;
        }));
        if (a.guests.size() != s.guests.size())
            fail(QStringLiteral("the store and the direct reader disagree"));
        const double times[3] = {b, r, t};
        for (int i = 0; i < 3; ++i) {
            if (round == 0)
                first[i] = times[i];
            best[i] = std::min(best[i], times[i]);
        }
    }

    std::printf("sizing advice: %d guests, %d days at %d s (%lld raw rows, %lld minute rows, "
                "%lld hour rows)\n",
                guests, days, interval, static_cast<long long>(rawRows),
                static_cast<long long>(minuteRows), static_cast<long long>(hourRows));
    std::printf("  fill %.1f s, compaction %.1f s\n", fillSeconds, compactSeconds);
    std::printf("  baseline raw scan     first %.3f s  best %.3f s\n", first[0], best[0]);
    std::printf("  NeedReader + advise   first %.3f s  best %.3f s  (%.2f x baseline)\n", first[1],
                best[1], best[1] / best[0]);
    std::printf("  via HistoryStore      first %.3f s  best %.3f s  (%.2f x baseline)\n", first[2],
                best[2], best[2] / best[0]);
    std::printf("  guests advised: %d of %d; target <= 1 s: %s\n", advised, guests,
                best[2] <= 1.0 ? "met" : "MISSED");
    if (!jsonPath.isEmpty()) {
        QJsonObject out{{QStringLiteral("guests"), guests},
                        {QStringLiteral("days"), days},
                        {QStringLiteral("interval_s"), interval},
                        {QStringLiteral("raw_rows"), double(rawRows)},
                        {QStringLiteral("baseline_s"), best[0]},
                        {QStringLiteral("reader_advise_s"), best[1]},
                        {QStringLiteral("store_advise_s"), best[2]},
                        {QStringLiteral("store_advise_first_s"), first[2]},
                        {QStringLiteral("ratio_to_baseline"), best[2] / best[0]}};
        QFile f(jsonPath);
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(out).toJson());
    }
    return 0;
}
