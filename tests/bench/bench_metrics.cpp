// Benchmark of the recorder's /metrics (issue 17's target: 2,000 guests rendered in ≤ 20 ms),
// not a test. Renders the exposition of 2,000 reporting guests on 10 hosts, in both formats,
// and, as the baseline run in the same process, the same guests as `sample --json` writes them
// (SampleJson): the ratio says what the exposition costs next to the JSON the CLI already
// writes per poll. Prints one JSON line: {"guests", "prometheus_ms", "openmetrics_ms",
// "json_baseline_ms", "ratio_to_json", "bytes"} (medians of 21 runs).
//   bench_metrics [--guests 2000]

#include "exporter/MetricsExposition.h"
#include "monitor/SampleJson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace bs;

namespace {

QList<ExposedHost> fleet(int guests) {
    QList<ExposedHost> hosts;
    for (int h = 0; h < 10; ++h) {
        ExposedHost host;
        host.hostId = QStringLiteral("qemu+ssh://root@kvm%1.example.com/system").arg(h);
        host.connected = true;
        host.pollTimeMs = 1'800'000'000'000;
        HostSample s;
        s.hostId = host.hostId;
        s.total = 256ull * 1024 * 1024;
        s.free = 64ull * 1024 * 1024;
        s.buffers = 1024;
        s.cached = 8ull * 1024 * 1024;
        s.guestsMaximum = 300ull * 1024 * 1024;
        host.host = s;
        hosts.append(host);
    }
    for (int i = 0; i < guests; ++i) {
        MemorySample g;
        g.hostId = hosts[i % 10].hostId;
        g.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        g.name = QStringLiteral("guest-%1").arg(i);
        g.timeMs = 1'800'000'000'000;
        g.state = DomainState::Running;
        g.statsState = StatsState::Reporting;
        g.freshReport = true;
        BalloonStats &s = g.stats;
        s.actual = 4ull * 1024 * 1024 + quint64(i);
        s.maximum = 8ull * 1024 * 1024;
        s.rss = 3ull * 1024 * 1024 + quint64(i) * 7;
        s.available = 4ull * 1024 * 1024 - 50 * 1024;
        s.unused = 1ull * 1024 * 1024 + quint64(i) * 13;
        s.usable = 2ull * 1024 * 1024 + quint64(i) * 11;
        s.diskCaches = 512 * 1024;
        s.swapIn = quint64(i) * 4;
        s.swapOut = quint64(i) * 8;
        s.majorFault = quint64(i);
        s.minorFault = quint64(i) * 1000;
        s.lastUpdate = 1'799'999'998;
        s.vmSwap = 0;
        s.psiSome = quint64(i % 100);
        s.psiFull = 0;
        hosts[i % 10].guests.append(g);
    }
    return hosts;
}

double medianMs(const std::function<qsizetype()> &run, qsizetype *bytes) {
    QList<double> times;
    for (int i = 0; i < 21; ++i) {
        QElapsedTimer t;
        t.start();
        *bytes = run();
        times.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    int guests = 2000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--guests"))
            guests = args[i + 1].toInt();
    }
    const QList<ExposedHost> hosts = fleet(guests);
    qsizetype bytes = 0;
    qsizetype jsonBytes = 0;
    const double prom = medianMs(
        [&] { return renderExposition(hosts, ExpositionFormat::Prometheus).size(); }, &bytes);
    qsizetype omBytes = 0;
    const double om = medianMs(
        [&] { return renderExposition(hosts, ExpositionFormat::OpenMetrics).size(); }, &omBytes);
    const double json = medianMs(
        [&] {
            QJsonArray all;
            for (const ExposedHost &h : hosts) {
                for (const MemorySample &s : h.guests)
                    all.append(sampleToJson(s));
            }
            return QJsonDocument(all).toJson(QJsonDocument::Compact).size();
        },
        &jsonBytes);
    QJsonObject out;
    out.insert(QStringLiteral("guests"), guests);
    out.insert(QStringLiteral("prometheus_ms"), prom);
    out.insert(QStringLiteral("openmetrics_ms"), om);
    out.insert(QStringLiteral("json_baseline_ms"), json);
    out.insert(QStringLiteral("ratio_to_json"), json > 0 ? prom / json : 0.0);
    out.insert(QStringLiteral("bytes"), qint64(bytes));
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
