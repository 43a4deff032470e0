// Benchmark of the guest table's per-poll work (gui/guests/GuestTableModel), not a test:
//   bench_guesttable [--guests 5000] [--runs 21]
// One host of N running guests, offscreen, as the Guests page has them: the model, the sorting
// and filtering proxy (dynamicSortFilter) and a 1280×800 table view on it. Measures one
// applyCycle of N samples (the model, the proxy's reaction to its signals and the view's
// bookkeeping; the repaint is asynchronous and measured apart, as "paint"), in three shapes:
//   all     every guest's figures changed (a 5-s poll of busy guests), sorted by name;
//   few     one guest in a hundred changed, sorted by name;
//   sorted  every guest changed, sorted by Used (the sort column changed in every row).
// Also the time to sort the N rows by Used and to filter them by text (issue 18: ≤ 50 ms).
// Uses only the model's public API, so the same file measures an older model (issue 18's
// before/after figures: build it at both commits). Thread CPU time of the GUI thread, medians.
// Build with optimisation (CMAKE_BUILD_TYPE=Release or RelWithDebInfo).

#include "guests/GuestFilterProxy.h"
#include "guests/GuestTableModel.h"
#include "libvirt/LibvirtRuntime.h"

#include <QApplication>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <time.h>

using namespace bs;
using namespace bs::gui;

namespace {

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

const QString Host = QStringLiteral("test:///bench");

// Poll `poll` of N guests; a guest's figures move when `changes(guest)`; otherwise they repeat
// the previous poll's.
template <typename Changes>
PollCycle cycleOf(int guests, int poll, Changes changes) {
    PollCycle c;
    c.hostId = Host;
    c.timeMs = 1'800'000'000'000 + qint64(poll) * 5000;
    c.samples.reserve(guests);
    for (int i = 0; i < guests; ++i) {
        MemorySample s;
        s.hostId = Host;
        s.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        s.name = QStringLiteral("guest-%1").arg(i, 5, 10, QLatin1Char('0'));
        s.timeMs = c.timeMs;
        s.state = DomainState::Running;
        s.statsState = StatsState::Reporting;
        s.freshReport = true;
        const int version = changes(i) ? poll : 0;
        const quint64 wobble = quint64((i * 7919 + version * 104729) % 900000);
        s.stats.actual = 4ull * 1024 * 1024;
        s.stats.maximum = 8ull * 1024 * 1024;
        s.stats.rss = 3ull * 1024 * 1024 + wobble;
        s.stats.available = 4ull * 1024 * 1024 - 50 * 1024;
        s.stats.unused = 1ull * 1024 * 1024 + wobble;
        s.stats.usable = 2ull * 1024 * 1024 + wobble;
        s.stats.lastUpdate = 1'799'000'000 + qint64(version) * 5;
        c.samples.append(s);
    }
    return c;
}

struct Shape {
    const char *name;
    int sortColumn;
    int changedEvery; // 1 = every guest changes, 100 = one in a hundred
};

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    LibvirtRuntime::prepareProcess();
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto intArg = [&](const QString &name, int fallback) {
        const int at = int(args.indexOf(name));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    const int guests = intArg(QStringLiteral("--guests"), 5000);
    const int runs = intArg(QStringLiteral("--runs"), 21);

    GuestTableModel model;
    GuestFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.resize(1280, 800);
    view.show();

    int poll = 1;
    double t0 = threadCpuMs();
    model.applyCycle(cycleOf(guests, poll, [](int) { return true; }));
    const double fillMs = threadCpuMs() - t0;
    QApplication::processEvents();

    std::printf("{\"guests\": %d, \"runs\": %d, \"fill_ms\": %.2f", guests, runs, fillMs);
    for (const Shape &shape :
         {Shape{"all", GuestTableModel::Name, 1}, Shape{"few", GuestTableModel::Name, 100},
          Shape{"sorted", GuestTableModel::Used, 1}}) {
        view.sortByColumn(shape.sortColumn, Qt::AscendingOrder);
        QApplication::processEvents();
        QList<double> apply;
        QList<double> paint;
        for (int run = 0; run < runs; ++run) {
            ++poll;
            const int every = shape.changedEvery;
            const int offset = poll % every;
            const PollCycle cycle =
                cycleOf(guests, poll, [&](int i) { return i % every == offset; });
            t0 = threadCpuMs();
            model.applyCycle(cycle);
            const double t1 = threadCpuMs();
            QApplication::processEvents();
            apply.append(t1 - t0);
            paint.append(threadCpuMs() - t1);
        }
        std::printf(", \"apply_%s_ms\": %.3f, \"paint_%s_ms\": %.3f", shape.name, median(apply),
                    shape.name, median(paint));
    }

    QList<double> sort;
    QList<double> filter;
    for (int run = 0; run < 5; ++run) {
        t0 = threadCpuMs();
        view.sortByColumn(GuestTableModel::Used,
                          run % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        sort.append(threadCpuMs() - t0);
        t0 = threadCpuMs();
        proxy.setText(run % 2 ? QStringLiteral("guest-01") : QStringLiteral("guest-02"));
        filter.append(threadCpuMs() - t0);
        QApplication::processEvents();
    }
    proxy.setText({});
    std::printf(", \"sort_ms\": %.2f, \"filter_ms\": %.2f}\n", median(sort), median(filter));
    return 0;
}
