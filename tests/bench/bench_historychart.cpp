// Benchmark of the History page's chart (gui/history/EnvelopeChart), not a test:
//   bench_historychart
// Five series on a 1920 px wide plot, offscreen, the way a re-query leaves them: the average
// line, the min–max band behind it and 40 event markers. Two sizes: 1920 envelope points per
// series (what the page asks for at this width: one bucket per pixel, so 3840 min/max values per
// series), and 3840 envelope points per series (twice that: a margin).
// Measures a replot (drawing every layer and refreshing the widget) and a rebuild (handing new
// data to the chart, then the replot), and the same replot of a bare QCustomPlot with the same
// five lines only, in the same process: the baseline the figures are reported against, so runs
// on other machines compare. Wall time and the GUI thread's CPU time (steadier on a shared
// machine). Target: a replot ≤ 16 ms (one frame at 60 Hz).
// Build with optimisation (CMAKE_BUILD_TYPE=Release): a debug build measures the compiler.

#include "history/EnvelopeChart.h"
#include "libvirt/LibvirtRuntime.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <time.h>

using namespace bs;
using namespace bs::gui;

namespace {

constexpr int SeriesCount = 5;
constexpr int PlotWidth = 1920; // pixels of the axis rect
constexpr int Runs = 41;
constexpr double TargetMs = 16.0;
constexpr qint64 Start = 1735689600000; // 2025-01-01 00:00 UTC
constexpr qint64 SpanMs = 30LL * 86400 * 1000;

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly)
               ? QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2)
               : QString();
}

// A month of one guest as the store answers it at this width: a wandering average with daily
// swings, spikes that only the max keeps, many polls per point, and a few gaps.
QList<EnvelopePoint> month(int seed, int points) {
    std::mt19937 random(unsigned(seed) * 7919U + 1U);
    std::normal_distribution<double> step(0, 20000);
    std::uniform_real_distribution<double> unit(0, 1);
    QList<EnvelopePoint> out;
    double level = 2e6 + seed * 4e5;
    const qint64 bucket = SpanMs / points;
    for (int i = 0; i < points; ++i) {
        const qint64 t = Start + i * bucket + bucket / 2;
        if (i % 900 == 450) {
            out.append(EnvelopePoint::gap(t)); // the guest was off
            continue;
        }
        level = std::clamp(level + step(random), 5e5, 7e6);
        const double daily = 3e5 * std::sin(double(i) / points * 30 * 2 * M_PI);
        const double avg = level + daily;
        const double spike = unit(random) < 0.02 ? 1.5e6 * unit(random) : 0;
        out.append(EnvelopePoint{t, avg - 5e4 - 1e5 * unit(random), avg,
                                 avg + 5e4 + 1e5 * unit(random) + spike, 60});
    }
    return out;
}

QList<HistoryEvent> events() {
    QList<HistoryEvent> out;
    for (int i = 0; i < 40; ++i) {
        HistoryEvent e;
        e.timeMs = Start + i * (SpanMs / 40) + 3600 * 1000;
        e.kind = i % 3 == 0 ? HistoryEvent::Kind::BalloonTarget : HistoryEvent::Kind::Lifecycle;
        e.code = 2;
        e.value = 2097152;
        e.name = QStringLiteral("vm%1").arg(i % SeriesCount);
        out.append(e);
    }
    return out;
}

struct Figures {
    double median = 0; // wall, ms
    double p90 = 0;
    double cpu = 0; // median CPU time of this thread, ms
};

template <class F>
Figures measure(F &&run) {
    for (int i = 0; i < 3; ++i)
        run(); // warm up: buffers, glyph caches
    QList<double> wall;
    QList<double> cpu;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer timer;
        const double cpu0 = threadCpuMs();
        timer.start();
        run();
        wall.append(double(timer.nsecsElapsed()) / 1e6);
        cpu.append(threadCpuMs() - cpu0);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], wall[wall.size() * 9 / 10], cpu[cpu.size() / 2]};
}

// Widens the widget until the plot's axis rect is `width` pixels wide.
template <class W>
void fitAxisRect(W &widget, QCustomPlot *plot, int width) {
    for (int i = 0; i < 5; ++i) {
        plot->replot(QCustomPlot::rpImmediateRefresh); // lays out the axis rect
        const int extra = width - plot->axisRect()->width();
        if (extra == 0)
            return;
        widget.resize(widget.width() + extra, widget.height());
        QCoreApplication::processEvents();
    }
}

bool runSize(int points) {
    QList<ChartSeries> series;
    for (int s = 0; s < SeriesCount; ++s) {
        ChartSeries c;
        c.key = QStringLiteral("guest:%1").arg(s);
        c.name = QStringLiteral("vm%1").arg(s);
        c.colour = QColor::fromHsv(s * 60, 200, 180);
        c.points = month(s, points);
        series.append(c);
    }

    // The chart as the History page uses it.
    EnvelopeChart chart;
    chart.resize(PlotWidth + 200, 900);
    chart.show();
    chart.setTimeRange(Start, Start + SpanMs);
    chart.setSeries(series, SpanMs / points);
    chart.setEvents(events());
    fitAxisRect(chart, chart.plot(), PlotWidth);
    const int width = chart.plot()->axisRect()->width();
    const Figures replot = measure([&] { chart.plot()->replot(QCustomPlot::rpImmediateRefresh); });
    const Figures rebuild = measure([&] {
        chart.setSeries(series, SpanMs / points);
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    });
    for (const ChartSeries &s : series) {
        if (!chart.bandShown(s.key))
            std::printf("warning: no band on %s\n", qPrintable(s.key));
    }

    // Baseline: a bare QCustomPlot, the same five average lines, nothing else.
    QCustomPlot bare;
    bare.resize(PlotWidth + 200, 900);
    bare.show();
    for (const ChartSeries &s : series) {
        QCPGraph *g = bare.addGraph();
        g->setPen(QPen(s.colour, 1));
        QVector<QCPGraphData> data;
        for (const EnvelopePoint &p : s.points)
            data.append(QCPGraphData(double(p.timeMs) / 1000, p.avg / 1024));
        g->data()->set(data, true);
    }
    bare.xAxis->setRange(double(Start) / 1000, double(Start + SpanMs) / 1000);
    bare.yAxis->rescale();
    fitAxisRect(bare, &bare, PlotWidth);
    const Figures baseline = measure([&] { bare.replot(QCustomPlot::rpImmediateRefresh); });

    const auto row = [&](const char *what, const Figures &f, bool target) {
        std::printf("  %-44s wall %6.2f ms (p90 %6.2f)  cpu %6.2f ms  %4.2fx baseline", what,
                    f.median, f.p90, f.cpu, f.cpu / baseline.cpu);
        if (target)
            std::printf("  target <= %.0f ms: wall %4.2fx, cpu %4.2fx", TargetMs,
                        f.median / TargetMs, f.cpu / TargetMs);
        std::printf("\n");
    };
    std::printf("%d series x %d envelope points (%d min/max values each), axis rect %d px "
                "(chart) / %d px (baseline), load %s\n",
                SeriesCount, points, 2 * points, width, bare.axisRect()->width(),
                qPrintable(loadAverage()));
    row("baseline: bare QCustomPlot, 5 lines", baseline, false);
    row("EnvelopeChart replot (lines, bands, markers)", replot, true);
    row("EnvelopeChart new data + replot", rebuild, false);
    return replot.median <= TargetMs;
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    LibvirtRuntime::prepareProcess();
    QApplication app(argc, argv);

    std::printf("bench_historychart: %d series on a %d px plot, %d runs each\n", SeriesCount,
                PlotWidth, Runs);
    std::printf("machine: %s, %d CPUs, Qt %s, QCustomPlot %s, platform %s, load %s\n",
                qPrintable(QSysInfo::prettyProductName()), QThread::idealThreadCount(), qVersion(),
                QCUSTOMPLOT_VERSION_STR, qPrintable(QGuiApplication::platformName()),
                qPrintable(loadAverage()));

    bool ok = true;
    for (const int points : {PlotWidth, 2 * PlotWidth})
        ok = runSize(points) && ok;
    return ok ? 0 : 1;
}
