#include "TestMain.h"
#include "charts/LiveChart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <qcustomplot.h>

using namespace bs;
using namespace bs::gui;
using LiveMetric = bs::Metric; // one Metric for the live chart and the history

namespace {

PollCycle cycleAt(qint64 timeMs, bool fresh, quint64 unused) {
    MemorySample s;
    s.hostId = QStringLiteral("h");
    s.uuid = QStringLiteral("u");
    s.name = QStringLiteral("g");
    s.timeMs = timeMs;
    s.state = DomainState::Running;
    s.freshReport = fresh;
    s.statsState = StatsState::Reporting; // a repeated report holds the line
    s.stats.actual = 1048576;
    s.stats.rss = 200000;
    if (fresh) {
        s.stats.available = 1000000;
        s.stats.unused = unused;
        s.stats.usable = 500000;
    }
    PollCycle c;
    c.hostId = s.hostId;
    c.timeMs = timeMs;
    c.samples = {s};
    return c;
}

// A chart on screen: it replots only while shown.
void showOnScreen(LiveChart &chart) {
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
}

// The graph of `metric` holds exactly the series' points, in MiB.
bool graphMatches(const LiveChart &chart, const RecentSeries &recent, LiveMetric metric) {
    const auto &series = recent.series(QStringLiteral("h"), QStringLiteral("u"), metric);
    const auto *data = chart.plot()->graph(RecentSeries::indexOf(metric))->data().data();
    if (data->size() != int(series.size()))
        return false;
    for (int i = 0; i < data->size(); ++i) {
        const auto &p = series.at(size_t(i));
        const double value = data->at(i)->value * double(units::KiBPerMiB);
        if (data->at(i)->key != double(p.timeMs) / 1000.0 ||
            (std::isnan(p.kib) ? !std::isnan(value) : qAbs(value - p.kib) > 1e-6))
            return false;
    }
    return true;
}

// Graphs with an entry in the legend (itemCount() counts the grid's empty cells too).
int legendEntries(const LiveChart &chart) {
    int n = 0;
    for (int i = 0; i < chart.plot()->graphCount(); ++i)
        n += chart.plot()->legend->hasItemWithPlottable(chart.plot()->graph(i)) ? 1 : 0;
    return n;
}

} // namespace

class TestLiveChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seriesFollowTheData() {
        RecentSeries recent;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60000;
        for (int i = 0; i < 10; ++i)
            recent.add(cycleAt(t0 + i * 5000, i % 2 == 0, 400000 + quint64(i) * 1000), 5);
        LiveChart chart(&recent);
        showOnScreen(chart);
        chart.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"));
        QTRY_COMPARE(chart.pointCount(LiveMetric::Actual), 10);
        QCOMPARE(chart.pointCount(LiveMetric::Used), 5); // only fresh reports
        QCOMPARE(chart.pointCount(LiveMetric::Rss), 10);
        // the last used value, in MiB: (1000000 − 408000) / 1024
        const auto *graph = chart.plot()->graph(RecentSeries::indexOf(LiveMetric::Used));
        QCOMPARE(qRound(graph->data()->at(graph->data()->size() - 1)->value * 1024),
                 1000000 - 408000);
        QCOMPARE(chart.plot()->yAxis->label(), QStringLiteral("Memory (MiB)"));
    }

    // The pressure lane: shown under the memory chart for the charted guest when it has rates,
    // its graphs in the legend only then, on the memory chart's time range.
    void pressureLaneForTheChartedGuest() {
        RecentSeries recent;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60000;
        for (int i = 0; i < 10; ++i)
            recent.add(cycleAt(t0 + i * 5000, true, 400000), 5);
        LiveChart chart(&recent);
        showOnScreen(chart);
        chart.resize(800, 500);
        chart.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"));
        QTRY_VERIFY(chart.replotCount() > 0);
        QVERIFY(!chart.isPressureLaneShown());
        const int legendItems = legendEntries(chart);
        QList<PressureLanePoint> points;
        for (int i = 1; i < 10; ++i) {
            PressureLanePoint p;
            p.timeMs = t0 + i * 5000;
            p.swapInKiBps = i >= 5 ? 300.0 : 0.0;
            p.swapOutKiBps = 0.0;
            p.majorFaultsPerSecond = double(i);
            points.append(p);
        }
        // Another guest's points: not drawn.
        chart.setPressure(QStringLiteral("h"), QStringLiteral("other"), points);
        const int replots = chart.replotCount();
        QTRY_VERIFY(chart.replotCount() > replots);
        QVERIFY(!chart.isPressureLaneShown());
        chart.setPressure(QStringLiteral("h"), QStringLiteral("u"), points);
        QTRY_VERIFY(chart.isPressureLaneShown());
        QCOMPARE(chart.pressurePointCount(), 9);
        QCOMPARE(legendEntries(chart), legendItems + 3);
        const QCPAxisRect *lane = chart.plot()->axisRects().value(1);
        QVERIFY(lane);
        QCOMPARE(lane->axis(QCPAxis::atBottom)->range(), chart.plot()->xAxis->range());
        QVERIFY(lane->axis(QCPAxis::atLeft)->range().upper >= 300.0);
        // No PSI (a remote host): its axis and legend entries stay out of sight.
        QVERIFY(!lane->axis(QCPAxis::atRight)->visible());
        QCOMPARE(chart.pressurePsiPointCount(), 0);
        // The host's PSI of the guest's cgroup: two more lines on the right axis, in percent.
        for (int i = 0; i < points.size(); ++i) {
            points[i].psiSomePercent = i >= 5 ? 12.5 : 0.0;
            points[i].psiFullPercent = i >= 5 ? 4.0 : 0.0;
        }
        chart.setPressure(QStringLiteral("h"), QStringLiteral("u"), points);
        QTRY_COMPARE(chart.pressurePsiPointCount(), 9);
        QCOMPARE(legendEntries(chart), legendItems + 5);
        QVERIFY(lane->axis(QCPAxis::atRight)->visible());
        QVERIFY(lane->axis(QCPAxis::atRight)->range().upper >= 12.5);
        QVERIFY(lane->axis(QCPAxis::atRight)->range().upper <= 100.0);
        // No rates any more (another guest charted, or none reported): the lane goes.
        chart.setPressure(QStringLiteral("h"), QStringLiteral("u"), {});
        QTRY_VERIFY(!chart.isPressureLaneShown());
        QCOMPARE(legendEntries(chart), legendItems);
        QCOMPARE(chart.plot()->axisRects().size(), 1);
    }

    void burstsRepaintAtMost25TimesASecond() {
        RecentSeries recent;
        LiveChart chart(&recent);
        showOnScreen(chart);
        chart.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"));
        QTRY_VERIFY(chart.replotCount() >= 1);
        const int before = chart.replotCount();
        // One second of data arriving every 2 ms.
        QElapsedTimer clock;
        clock.start();
        int arrivals = 0;
        QTimer feeder;
        feeder.setTimerType(Qt::PreciseTimer);
        feeder.setInterval(2);
        QObject::connect(&feeder, &QTimer::timeout, &chart, [&] {
            recent.add(cycleAt(QDateTime::currentMSecsSinceEpoch(), true, 1000), 1);
            chart.dataArrived(QStringLiteral("h"));
            ++arrivals;
        });
        feeder.start();
        QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 1000, 3000);
        feeder.stop();
        const qint64 elapsed = clock.elapsed();
        const int replots = chart.replotCount() - before;
        const QString what = QStringLiteral("%1 replots for %2 arrivals in %3 ms")
                                 .arg(replots)
                                 .arg(arrivals)
                                 .arg(elapsed);
        // Enough arrivals to show coalescing even on a loaded machine (the timer asks for 500).
        QVERIFY2(arrivals > 26, qPrintable(what));
        // At most one repaint per 40 ms (25 Hz), plus the one in flight at each end.
        QVERIFY2(replots <= elapsed / 40 + 2, qPrintable(what));
        QVERIFY2(replots < arrivals, qPrintable(what)); // bursts were merged
        QVERIFY2(replots >= 1, qPrintable(what));       // and the chart did follow
    }

    void otherHostsDoNotRepaint() {
        RecentSeries recent;
        LiveChart chart(&recent);
        showOnScreen(chart);
        chart.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"));
        QTRY_VERIFY(chart.replotCount() >= 1);
        const int before = chart.replotCount();
        chart.dataArrived(QStringLiteral("another-host"));
        QTest::qWait(100); // nothing to wait for: the absence of a repaint is the point
        QCOMPARE(chart.replotCount(), before);
    }

    void legendClickTogglesASeries() {
        RecentSeries recent;
        recent.add(cycleAt(QDateTime::currentMSecsSinceEpoch(), true, 1000), 5);
        LiveChart chart(&recent);
        chart.resize(900, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"));
        QTRY_VERIFY(chart.replotCount() >= 1);
        chart.plot()->replot();
        QCPAbstractLegendItem *item = chart.plot()->legend->itemWithPlottable(
            chart.plot()->graph(RecentSeries::indexOf(LiveMetric::Rss)));
        QVERIFY(item);
        QVERIFY(chart.isSeriesVisible(LiveMetric::Rss));
        const QPoint at = item->outerRect().center();
        QTest::mouseClick(chart.plot(), Qt::LeftButton, {}, at);
        QVERIFY(!chart.isSeriesVisible(LiveMetric::Rss));
        QVERIFY(chart.isSeriesVisible(LiveMetric::Used));
        QTest::mouseClick(chart.plot(), Qt::LeftButton, {}, at);
        QVERIFY(chart.isSeriesVisible(LiveMetric::Rss));
    }

    // Hidden (another tab on top), the chart does nothing per poll; shown again, it catches up
    // in one replot.
    void hiddenChartDoesNotReplot() {
        RecentSeries recent;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60000;
        recent.add(cycleAt(t0, true, 400000), 5);
        LiveChart chart(&recent);
        showOnScreen(chart);
        chart.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"));
        QTRY_COMPARE(chart.pointCount(LiveMetric::Actual), 1);
        chart.hide();
        const int replots = chart.replotCount();
        for (int i = 1; i <= 6; ++i) {
            recent.add(cycleAt(t0 + i * 5000, true, 400000 + quint64(i) * 1000), 5);
            chart.dataArrived(QStringLiteral("h"));
            QTest::qWait(50); // longer than the 40 ms coalescing: each would have replotted
        }
        chart.setPressure(QStringLiteral("h"), QStringLiteral("u"), {});
        chart.setUnit(units::SizeUnit::GiB);
        chart.setUnit(units::SizeUnit::Auto);
        QTest::qWait(100);
        QCOMPARE(chart.replotCount(), replots);
        QCOMPARE(chart.pointCount(LiveMetric::Actual), 1); // not even the data was touched

        chart.show();
        QTRY_COMPARE(chart.replotCount(), replots + 1);
        QTest::qWait(100);
        QCOMPARE(chart.replotCount(), replots + 1); // once
        for (LiveMetric m : RecentSeries::Metrics)
            QVERIFY2(graphMatches(chart, recent, m), qPrintable(metricName(m)));
        QCOMPARE(chart.pointCount(LiveMetric::Actual), 7);
    }

    // Shown, a poll appends the guest's new points (and drops what the bounded series
    // dropped) without rebuilding the graphs; another guest or another unit rebuilds them.
    void newPointsAreAppended() {
        RecentSeries recent(8);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 120000;
        for (int i = 0; i < 4; ++i)
            recent.add(cycleAt(t0 + i * 5000, true, 400000), 5);
        LiveChart chart(&recent);
        showOnScreen(chart);
        chart.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"));
        QTRY_COMPARE(chart.pointCount(LiveMetric::Actual), 4);
        const int rebuilds = chart.rebuildCount();
        for (int i = 4; i < 20; ++i) {
            // fresh every other poll; a gap (the guest stops) at 12
            PollCycle c = cycleAt(t0 + i * 5000, i % 2 == 0, 400000 + quint64(i) * 1000);
            if (i == 12)
                c.samples[0].state = DomainState::Shutoff;
            recent.add(c, 5);
            const int replots = chart.replotCount();
            chart.dataArrived(QStringLiteral("h"));
            QTRY_VERIFY(chart.replotCount() > replots);
            for (LiveMetric m : RecentSeries::Metrics)
                QVERIFY2(graphMatches(chart, recent, m),
                         qPrintable(QStringLiteral("%1 after poll %2").arg(metricName(m)).arg(i)));
        }
        QCOMPARE(chart.pointCount(LiveMetric::Actual), 8); // the series' capacity
        QCOMPARE(chart.rebuildCount(), rebuilds);

        chart.setUnit(units::SizeUnit::GiB);
        QTRY_COMPARE(chart.rebuildCount(), rebuilds + 1);
        QCOMPARE(chart.shownUnit(), units::SizeUnit::GiB);
        chart.showGuest(QStringLiteral("h"), QStringLiteral("other"), QStringLiteral("o"));
        QTRY_COMPARE(chart.rebuildCount(), rebuilds + 2);
        QCOMPARE(chart.pointCount(LiveMetric::Actual), 0);
    }

    void gapsAreDrawnAsGaps() {
        RecentSeries recent;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 600000;
        recent.add(cycleAt(t0, true, 1000), 5);
        recent.add(cycleAt(t0 + 5000, true, 1000), 5);
        recent.add(cycleAt(t0 + 300000, true, 1000), 5); // five minutes of nothing
        const auto &actual =
            recent.series(QStringLiteral("h"), QStringLiteral("u"), LiveMetric::Actual);
        QCOMPARE(int(actual.size()), 4);
        QVERIFY(std::isnan(actual.at(2).kib));
    }
};

BS_GUI_TEST_MAIN(TestLiveChart)
#include "tst_livechart.moc"
