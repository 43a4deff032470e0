// Benchmark of the PDF report, not a test:
//   bench_report [DIR]   (DIR: where the database and the PDFs go; default a temporary dir)
// Fills a history with 24 hours of 20 guests polled every 10 s through the real HistoryStore,
// then times the report as `balloonscope-cli report` makes it: the history queries
// (ReportBuilder) and the pages (ReportDocument). Target: a 24-hour report of 20 guests in ≤ 5 s.
// Baseline in the same process: the same report of one guest. Build with optimisation
// (CMAKE_BUILD_TYPE=Release).

#include "FleetHistory.h"
#include "history/HistoryStore.h"
#include "libvirt/LibvirtRuntime.h"
#include "report/ReportBuilder.h"
#include "report/ReportDocument.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace bs;

namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");
constexpr double TargetSeconds = 5.0;
constexpr int Runs = 3;

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly)
               ? QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2)
               : QString();
}

QString cpuModel() {
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("model name")))
            return line.section(QLatin1Char(':'), 1).trimmed();
    }
    return {};
}

struct Timing {
    double gatherSeconds = 0;
    double renderSeconds = 0;
    int pages = 0;
    qint64 bytes = 0;
    double total() const { return gatherSeconds + renderSeconds; }
};

Timing runReport(HistoryStore &store, const ReportRequest &request, const QString &path) {
    Timing t;
    ReportBuilder builder(&store);
    ReportData data;
    QEventLoop loop;
    QObject::connect(&builder, &ReportBuilder::finished, &loop, [&](const ReportData &d) {
        data = d;
        loop.quit();
    });
    QObject::connect(&builder, &ReportBuilder::failed, &loop, [&](const Error &e) {
        std::fprintf(stderr, "report failed: %s\n", qPrintable(e.message));
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    builder.start(request);
    loop.exec();
    t.gatherSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    ReportDocument document(data);
    const Status written = document.write(path);
    t.renderSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!written)
        std::fprintf(stderr, "write failed: %s\n", qPrintable(written.error().message));
    t.pages = document.pageCount();
    t.bytes = QFileInfo(path).size();
    return t;
}

Timing median(QList<Timing> runs) {
    std::sort(runs.begin(), runs.end(),
              [](const Timing &a, const Timing &b) { return a.total() < b.total(); });
    return runs[runs.size() / 2];
}

} // namespace

int main(int argc, char *argv[]) {
    LibvirtRuntime::prepareProcess();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTemporaryDir temp;
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temp.path();
    QDir().mkpath(dir);
    const QString db = QDir(dir).filePath(QStringLiteral("bench-report.sqlite"));
    QFile::remove(db);
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));

    std::printf("machine: %s, %d CPUs, %s; Qt %s; load average %s\n", qPrintable(cpuModel()),
                QThread::idealThreadCount(), qPrintable(QSysInfo::prettyProductName()), qVersion(),
                qPrintable(loadAverage()));

    const qint64 to = QDateTime::currentMSecsSinceEpoch() / 60000 * 60000;
    const qint64 from = to - 24LL * 3600 * 1000;
    HistoryOptions options;
    options.path = db;
    options.backgroundCompaction = false;
    HistoryStore store(options);
    store.open();
    store.waitForIdle();
    QElapsedTimer fill;
    fill.start();
    const auto guests = test::fleetGuests(20, from, to);
    const qint64 polls = test::recordFleet(store, Host, guests, from, to, 10);
    store.waitForIdle(600000);
    store.compactNow();
    store.waitForIdle(600000);
    std::printf("history: %lld guest polls (20 guests, 24 h, every 10 s) recorded and compacted "
                "in %.1f s, %.1f MiB\n",
                polls, double(fill.elapsed()) / 1000.0, double(QFileInfo(db).size()) / 1048576.0);

    ReportRequest all;
    all.hostId = Host;
    all.hostName = QStringLiteral("kvm1");
    all.fromMs = from;
    all.toMs = to;
    ReportRequest one = all;
    one.guests = {guests.first().uuid};

    QList<Timing> base;
    QList<Timing> full;
    for (int i = 0; i < Runs; ++i) {
        base.append(runReport(store, one, QDir(dir).filePath(QStringLiteral("report-1.pdf"))));
        full.append(runReport(store, all, QDir(dir).filePath(QStringLiteral("report-20.pdf"))));
    }
    const Timing b = median(base);
    const Timing f = median(full);
    std::printf("\nmedian of %d runs                   history   pages   total   pages  PDF\n",
                Runs);
    std::printf("baseline: 1 guest, 24 h           %6.2f s %6.2f s %6.2f s %5d %6.0f KiB\n",
                b.gatherSeconds, b.renderSeconds, b.total(), b.pages, double(b.bytes) / 1024.0);
    std::printf("report: 20 guests, 24 h           %6.2f s %6.2f s %6.2f s %5d %6.0f KiB\n",
                f.gatherSeconds, f.renderSeconds, f.total(), f.pages, double(f.bytes) / 1024.0);
    std::printf("\n20-guest report: %.2f s against a target of ≤ %.1f s: ratio %.2f (%s); "
                "%.1f× the 1-guest baseline\n",
                f.total(), TargetSeconds, f.total() / TargetSeconds,
                f.total() <= TargetSeconds ? "met" : "MISSED", f.total() / b.total());
    std::printf("load average after: %s\n", qPrintable(loadAverage()));
    return f.total() <= TargetSeconds ? 0 : 1;
}
