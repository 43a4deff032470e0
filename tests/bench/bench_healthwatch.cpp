// Benchmark of the watchdog's per-poll work (core/health/HealthWatch::addCycle), not a test:
//   bench_healthwatch [--hosts 50] [--guests 100] [--cycles 240]
// Issue 18's fleet: H hosts of G running guests polled every 5 s, fed to one HealthWatch as the
// window feeds it, host after host, for C cycles of each host (15 minutes at 5 s, 180 cycles,
// fill the windows; the cycles after that are the steady state the window lives in). The guests
// report at every poll or every other one, their counters move, one in twenty swaps hard, nine in
// ten have free page reporting off (as on most real fleets: a note each, every cycle), one in
// eight needs most of its balloon, one in ten has memory stranded: the rules find things.
// Measures the thread CPU time of each addCycle (the cycles are made outside the timing) and
// prints one JSON line:
//   addcycle_mean_us, addcycle_p99_us      over the steady cycles (windows full)
//   fill_mean_us                           over the cycles that filled them
//   json_baseline_us                       the same host cycle as `sample --json` writes it
//                                          (SampleJson), in the same process
//   ratio_to_json                          addcycle_mean_us / json_baseline_us
//   window_entry_bytes                     sizeof(WindowSample): one kept poll in its ring
//   heap_bytes_per_kept_poll               the watch's heap growth / the polls it keeps
// Uses only HealthWatch's public API, so the same file measures an older one (issue 18's
// before/after figures: build it at both commits). Build with optimisation.

#include "health/HealthWatch.h"
#include "monitor/SampleJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <malloc.h>
#include <memory>
#include <time.h>

using namespace bs;

namespace {

double threadCpuUs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e6 + double(t.tv_nsec) / 1e3;
}

double mean(const QList<double> &values) {
    double sum = 0;
    for (double v : values)
        sum += v;
    return values.isEmpty() ? 0.0 : sum / double(values.size());
}

double percentile(QList<double> values, double p) {
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto at =
        qsizetype(std::min<double>(double(values.size() - 1), p * double(values.size())));
    return values.at(at);
}

qint64 heapInUse() {
    const struct mallinfo2 m = mallinfo2();
    return qint64(m.uordblks + m.hblkhd);
}

constexpr qint64 T0 = 1'800'000'000'000;
constexpr quint64 GiB = 1024ull * 1024;

struct Fleet {
    QStringList hostIds;
    QList<QStringList> uuids; // per host
    QList<QStringList> names;
};

Fleet fleetOf(int hosts, int guests) {
    Fleet f;
    for (int h = 0; h < hosts; ++h) {
        f.hostIds.append(QStringLiteral("qemu+ssh://root@kvm%1.example.com/system")
                             .arg(h, 2, 10, QLatin1Char('0')));
        QStringList uuids;
        QStringList names;
        for (int g = 0; g < guests; ++g) {
            uuids.append(QStringLiteral("%1-0000-4000-8000-%2")
                             .arg(h, 8, 16, QLatin1Char('0'))
                             .arg(g, 12, 10, QLatin1Char('0')));
            // Not in uuid order: the window sorts by name.
            names.append(QStringLiteral("guest-%1-%2")
                             .arg(h)
                             .arg((g * 37) % guests, 3, 10, QLatin1Char('0')));
        }
        f.uuids.append(uuids);
        f.names.append(names);
    }
    return f;
}

// Its own copy of a string, as each poll brings from libvirt.
QString copyOf(const QString &s) {
    return QString(s.constData(), s.size());
}

PollCycle cycleOf(const Fleet &fleet, int h, int k) {
    PollCycle c;
    c.hostId = copyOf(fleet.hostIds[h]);
    c.timeMs = T0 + qint64(k) * 5000 + h * 37; // the hosts' polls interleave
    c.intervalSeconds = 5;
    const qsizetype guests = fleet.uuids[h].size();
    c.samples.reserve(guests);
    for (qsizetype g = 0; g < guests; ++g) {
        MemorySample s;
        s.hostId = c.hostId;
        s.uuid = copyOf(fleet.uuids[h][g]);
        s.name = copyOf(fleet.names[h][g]);
        s.timeMs = c.timeMs;
        s.state = DomainState::Running;
        s.statsState = StatsState::Reporting;
        s.balloon.model = BalloonModel::Virtio;
        s.balloon.modelName = QStringLiteral("virtio");
        const bool slow = g % 2 == 1; // reports every 10 s: every other poll is a repeat
        s.balloon.period = slow ? 10 : 5;
        s.balloon.autodeflate = g % 3 == 0;
        s.balloon.freePageReporting = g % 10 == 0; // off on most, as on most real fleets
        const int reports = slow ? k / 2 : k;
        s.freshReport = !slow || k % 2 == 0;
        BalloonStats &st = s.stats;
        st.actual = 4 * GiB;
        st.maximum = 8 * GiB;
        // One in ten holds over 1 GiB more than it needs (stranded).
        st.rss =
            (g % 10 == 5 ? 3 * GiB : 2 * GiB + GiB / 5) + quint64((g * 7919 + k * 104729) % 200000);
        st.vmSwap = 0;
        st.psiSome = quint64((g + k) % 300);
        st.psiFull = quint64((g + k) % 7);
        st.lastUpdate = T0 / 1000 + qint64(reports) * (slow ? 10 : 5);
        if (s.freshReport) {
            const quint64 wobble = quint64((g * 7919 + k * 104729) % 400000);
            st.available = 4 * GiB - 50 * 1024;
            st.unused = 1 * GiB + wobble;
            st.usable = (g % 8 == 0 ? 300 * 1024 : 2 * GiB) + wobble;
            st.diskCaches = 512 * 1024;
            const quint64 swapRate = g % 20 == 0 ? 2048 : 4; // KiB/s
            st.swapIn = quint64(reports) * swapRate * 5;
            st.swapOut = quint64(reports) * 8;
            st.majorFault = quint64(reports) * 3;
            st.minorFault = quint64(reports) * 1000 + quint64(g);
        }
        c.samples.append(s);
    }
    return c;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto intArg = [&](const QString &name, int fallback) {
        const int at = int(args.indexOf(name));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    const int hosts = intArg(QStringLiteral("--hosts"), 50);
    const int guests = intArg(QStringLiteral("--guests"), 100);
    const int cycles = intArg(QStringLiteral("--cycles"), 240);

    const Fleet fleet = fleetOf(hosts, guests);
    const qint64 heapBefore = heapInUse();
    auto watch = std::make_unique<HealthWatch>();
    const qint64 keepMs = 15 * 60 * 1000;
    const int filled = int(keepMs / 5000); // cycles after which the windows hold 15 minutes

    QList<double> fill;
    QList<double> steady;
    QList<double> json;
    for (int k = 0; k < cycles; ++k) {
        for (int h = 0; h < hosts; ++h) {
            const PollCycle cycle = cycleOf(fleet, h, k);
            if (k == 0) {
                HostSample host;
                host.hostId = cycle.hostId;
                host.total = 512 * GiB;
                host.free = 64 * GiB;
                host.buffers = 1024;
                host.cached = 8 * GiB;
                watch->setHostSample(host);
            }
            if (k == 1) { // targets set on a few guests, so the stuck-balloon rule judges
                for (int g = 0; g < guests; g += 25)
                    watch->setTarget(cycle.hostId, fleet.uuids[h][g],
                                     BalloonTarget{qint64(3 * GiB), cycle.timeMs});
            }
            const double t0 = threadCpuUs();
            watch->addCycle(cycle);
            const double t1 = threadCpuUs();
            (k >= filled ? steady : fill).append(t1 - t0);
            if (k >= filled && h == 0) { // the baseline, on the same cycles
                const double j0 = threadCpuUs();
                QJsonArray all;
                for (const MemorySample &s : cycle.samples)
                    all.append(sampleToJson(s));
                const QByteArray bytes = QJsonDocument(all).toJson(QJsonDocument::Compact);
                const double j1 = threadCpuUs();
                if (bytes.isEmpty())
                    return 1;
                json.append(j1 - j0);
            }
        }
    }
    const qint64 heapAfter = heapInUse();
    const qint64 keptPolls = qint64(hosts) * guests * std::min<qint64>(cycles, keepMs / 5000 + 1);

    const double steadyMean = mean(steady);
    const double jsonMean = mean(json);
    QJsonObject out;
    out.insert(QStringLiteral("hosts"), hosts);
    out.insert(QStringLiteral("guests_per_host"), guests);
    out.insert(QStringLiteral("cycles_per_host"), cycles);
    out.insert(QStringLiteral("addcycle_mean_us"), std::round(steadyMean * 10) / 10);
    out.insert(QStringLiteral("addcycle_p99_us"), std::round(percentile(steady, 0.99) * 10) / 10);
    out.insert(QStringLiteral("fill_mean_us"), std::round(mean(fill) * 10) / 10);
    out.insert(QStringLiteral("json_baseline_us"), std::round(jsonMean * 10) / 10);
    out.insert(QStringLiteral("ratio_to_json"),
               jsonMean > 0 ? std::round(steadyMean / jsonMean * 1000) / 1000 : 0.0);
    out.insert(QStringLiteral("window_entry_bytes"), qint64(sizeof(WindowSample)));
    out.insert(QStringLiteral("heap_bytes_per_kept_poll"),
               keptPolls > 0
                   ? std::round(double(heapAfter - heapBefore) / double(keptPolls) * 10) / 10
                   : 0.0);
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
