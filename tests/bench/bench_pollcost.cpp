// Benchmark of one poll cycle over a link, not a test (scripts/bench runs it through
// tests/bench/delay_proxy.py, which adds the delay and counts the round trips on the wire):
//   bench_pollcost --uri URI --windows FILE [--cycles 10] [--idle-seconds 16] [--monitor-seconds
//   12]
// 1. connect (timed);
// 2. `cycles` times each, interleaved, one cycle a second: the app's collection
//    (bs::collectGuests: one virConnectGetAllDomainStats) and the per-guest loop
//    (bs::collectGuestsOneByOne: list, then state, virDomainMemoryStats and info per guest);
// 3. a quiet window with no polls, for the keepalive traffic;
// 4. the app's monitor as it runs (HostMonitor, 1 s interval, config reads included).
// Every window goes to FILE as a JSON line {"label", "t0", "t1"} in CLOCK_MONOTONIC seconds (the
// proxy's clock), with the duration and libvirt's call count.

#include "libvirt/Connection.h"
#include "libvirt/LibvirtRuntime.h"
#include "monitor/MonitoredHost.h"
#include "monitor/StatsCollector.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace bs;

namespace {

double monotonicSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void sleepUntil(double t) {
    const double left = t - monotonicSeconds();
    if (left > 0)
        QThread::usleep(static_cast<unsigned long>(left * 1e6));
}

struct Windows {
    QFile file;
    void add(QJsonObject window) {
        file.write(QJsonDocument(window).toJson(QJsonDocument::Compact) + '\n');
        file.flush();
    }
};

QJsonObject window(const char *label, double t0, double t1) {
    QJsonObject o;
    o.insert(QStringLiteral("label"), QLatin1String(label));
    o.insert(QStringLiteral("t0"), t0);
    o.insert(QStringLiteral("t1"), t1);
    o.insert(QStringLiteral("ms"), (t1 - t0) * 1000.0);
    return o;
}

} // namespace

int main(int argc, char *argv[]) {
    LibvirtRuntime::prepareProcess();
    QCoreApplication app(argc, argv);
    LibvirtRuntime runtime;
    QString uri;
    QString windowsPath;
    int cycles = 10;
    int idleSeconds = 16;
    int monitorSeconds = 12;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--uri"))
            uri = args[i + 1];
        else if (args[i] == QLatin1String("--windows"))
            windowsPath = args[i + 1];
        else if (args[i] == QLatin1String("--cycles"))
            cycles = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--idle-seconds"))
            idleSeconds = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--monitor-seconds"))
            monitorSeconds = args[i + 1].toInt();
    }
    if (uri.isEmpty() || windowsPath.isEmpty()) {
        std::fprintf(stderr, "usage: bench_pollcost --uri URI --windows FILE [--cycles N] "
                             "[--idle-seconds S] [--monitor-seconds S]\n");
        return 2;
    }
    Windows windows;
    windows.file.setFileName(windowsPath);
    if (!windows.file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(windowsPath));
        return 1;
    }

    // 1. Connect, as the monitor does (keepalive 5 s x 3).
    NoCredentials none;
    double t0 = monotonicSeconds();
    auto opened = Connection::open(uri, OpenOptions{}, &none);
    double t1 = monotonicSeconds();
    if (!opened) {
        std::fprintf(stderr, "cannot connect: %s\n", qPrintable(opened.error().technicalDetail()));
        return 1;
    }
    windows.add(window("connect", t0, t1));
    std::unique_ptr<Connection> connection = std::move(opened).value();

    // 2. Both ways, interleaved so the machine's load drifts over both alike.
    int guests = -1;
    for (int i = 0; i < cycles * 2; ++i) {
        const bool bulk = i % 2 == 0;
        t0 = monotonicSeconds();
        auto collected =
            bulk ? collectGuests(connection->get()) : collectGuestsOneByOne(connection->get());
        t1 = monotonicSeconds();
        if (!collected) {
            std::fprintf(stderr, "poll failed: %s\n",
                         qPrintable(collected.error().technicalDetail()));
            return 1;
        }
        int running = 0;
        for (const CollectedGuest &g : collected->guests)
            running += isActive(g.state) ? 1 : 0;
        guests = running;
        QJsonObject o = window(bulk ? "bulk" : "perguest", t0, t1);
        o.insert(QStringLiteral("guests"), running);
        o.insert(QStringLiteral("calls"), collected->libvirtCalls);
        o.insert(QStringLiteral("fallback"), collected->usedFallback);
        windows.add(o);
        // One cycle a second, as at the app's shortest interval; a slower cycle is followed by
        // a short pause, so no two windows touch.
        sleepUntil(std::max(t0 + 1.0, t1 + 0.2));
    }

    // 3. Nothing asked: what keepalive costs.
    t0 = monotonicSeconds();
    sleepUntil(t0 + idleSeconds);
    windows.add(window("idle", t0, monotonicSeconds()));
    connection.reset();

    // 4. The monitor as the app runs it, from its own connect on.
    MonitorConfig config;
    config.uri = uri;
    config.intervalSeconds = 1;
    int monitorCycles = 0;
    int monitorCalls = 0;
    {
        MonitoredHost host(config, std::make_shared<NoCredentials>());
        QObject::connect(host.worker(), &HostMonitor::cycleReady, &app,
                         [&](const PollCycle &cycle) {
                             ++monitorCycles;
                             monitorCalls += cycle.libvirtCalls;
                         });
        t0 = monotonicSeconds();
        host.start();
        QEventLoop loop;
        QTimer::singleShot(monitorSeconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        t1 = monotonicSeconds();
    }
    QJsonObject o = window("monitor", t0, t1);
    o.insert(QStringLiteral("cycles"), monitorCycles);
    o.insert(QStringLiteral("calls"), monitorCalls);
    windows.add(o);
    std::printf("%d running guests; windows in %s\n", guests, qPrintable(windowsPath));
    return 0;
}
