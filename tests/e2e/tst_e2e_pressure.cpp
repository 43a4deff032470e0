// Pressure on the real test bed: the "swap" guest (scripts/guest/init: a zram swap device and
// a working set larger than its RAM, re-read in turns) swaps in all the time. A real monitor
// polls the real libvirtd; the watchdog raises the swap-in alert for that guest (and not for the
// idle "steady" guest); the live chart's pressure lane and the History page's lane draw its
// rates from the recorded counters; and the host's view of the guest (the QEMU process's
// VmSwap, the PSI of its cgroup) comes with every poll, or the poll says why not.
#include "HistoryTestSupport.h"
#include "TestBed.h"
#include "TestMain.h"
#include "charts/LiveChart.h"
#include "health/HealthWatch.h"
#include "history/HistoryPressureLane.h"
#include "history/HistoryStore.h"
#include "monitor/MonitoredHost.h"
#include "monitor/RecentSeries.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <cmath>

using namespace bs;
using namespace bs::e2e;
using namespace bs::gui;
using namespace bs::test;

class TestE2ePressure : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        QVERIFY2(m_bed, qPrintable(why));
    }

    void swappingGuestRaisesTheAlertAndFillsTheLanes() {
        const QString swapName = m_bed->guest(QStringLiteral("swap"));
        const QString steadyName = m_bed->guest(QStringLiteral("steady"));
        MonitorConfig config;
        config.uri = m_bed->uri;
        config.intervalSeconds = 2;
        MonitoredHost host(config, std::make_shared<NoCredentials>());
        HealthWatch watch;
        HealthThresholds levels; // the rule under test only, sustained 20 s instead of 5 min
        for (const char *off :
             {"free_page_reporting=off", "stranded=off", "stale=off", "readiness=off",
              "need_ratio=off", "host_available=off", "stuck_balloon=off", "signature=off"})
            QVERIFY(levels.apply(QLatin1String(off)).isEmpty());
        QVERIFY(levels.apply(QStringLiteral("swap_in=64@20")).isEmpty());
        watch.setThresholds(levels);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        HistoryOptions options;
        options.path = dir.filePath(QStringLiteral("history.sqlite"));
        options.backgroundCompaction = false;
        HistoryStore store(options);
        QVERIFY(openAndWait(store));

        QString swapUuid;
        QList<PollCycle> cycles;
        QObject::connect(host.worker(), &HostMonitor::cycleReady, &watch, &HealthWatch::addCycle);
        QObject::connect(host.worker(), &HostMonitor::cycleReady, &store, &HistoryStore::record);
        QObject::connect(host.worker(), &HostMonitor::cycleReady, this,
                         [&](const PollCycle &c) { cycles.append(c); });
        QStringList raised; // guests the swap-in alert was raised for
        QObject::connect(&watch, &HealthWatch::alertsChanged, this,
                         [&](const QString &, const QList<AlertChange> &changes) {
                             for (const AlertChange &c : changes) {
                                 if (c.kind == AlertChange::Kind::Raised &&
                                     c.finding.rule == HealthRule::SwapIn)
                                     raised.append(c.finding.guest);
                             }
                         });
        host.start();

        // Raised for the swapping guest within its sustain time plus a few polls (the guest
        // swaps from ~30 s after boot; the bed has been up longer than that).
        QTRY_VERIFY_WITH_TIMEOUT(raised.contains(swapName), 120000);
        QVERIFY2(!raised.contains(steadyName), "the idle guest does not swap");
        host.stop();

        // Every poll of a local host carries the QEMU process's VmSwap; PSI where the guest has
        // a cgroup of its own, else the poll says why.
        const PollCycle last = cycles.constLast();
        QCOMPARE(last.processFigures.source, ProcessFiguresStatus::Source::Local);
        MemorySample swap;
        for (const MemorySample &s : last.samples) {
            if (s.name == swapName)
                swap = s;
        }
        QCOMPARE(swap.name, swapName);
        swapUuid = swap.uuid;
        QVERIFY(swap.stats.vmSwap.has_value());
        QVERIFY2(swap.stats.psiSome.has_value() || !last.processFigures.note.isEmpty(),
                 "no PSI and no reason given");

        // The live chart's lane: the swap-in rates, above the alert's level.
        const QList<PressureLanePoint> live = watch.pressureLane(m_bed->uri, swapUuid);
        double top = 0;
        for (const PressureLanePoint &p : live) {
            if (!std::isnan(p.swapInKiBps))
                top = std::max(top, p.swapInKiBps);
        }
        QVERIFY2(top >= 64, qPrintable(QStringLiteral("top swap-in rate %1 KiB/s").arg(top)));
        RecentSeries recent;
        for (const PollCycle &c : std::as_const(cycles))
            recent.add(c, config.intervalSeconds);
        LiveChart chart(&recent);
        chart.resize(900, 500);
        // On screen: a hidden chart does no work per poll (issue 18) and draws when shown.
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showGuest(m_bed->uri, swapUuid, swapName);
        chart.setPressure(m_bed->uri, swapUuid, live);
        QTRY_VERIFY(chart.isPressureLaneShown());
        QVERIFY(chart.pressurePointCount() >= 3);
        QCOMPARE(chart.pressurePsiPointCount() > 0, swap.stats.psiSome.has_value());

        // The History page's lane, from what was recorded.
        QVERIFY(store.waitForIdle());
        SeriesRequest request;
        request.hostId = m_bed->uri;
        request.uuids = {swapUuid};
        request.metrics = pressureLaneMetrics();
        request.fromMs = cycles.constFirst().timeMs - 1000;
        request.toMs = last.timeMs + 1000;
        request.points = 800;
        QSignalSpy ready(&store, &HistoryStore::seriesReady);
        const quint64 id = store.querySeries(request);
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.constLast().at(0).toULongLong(), id);
        HistoryPressureLane lane;
        lane.resize(900, 160);
        lane.show();
        lane.setGuest(swapName);
        lane.setTimeRange(request.fromMs, request.toMs);
        lane.setSeries(ready.constLast().at(1).value<SeriesResult>().series);
        QVERIFY(lane.isPlotShown());
        QVERIFY(lane.ratePointCount() >= 3);
        QCOMPARE(lane.psiPointCount() > 0, swap.stats.psiSome.has_value());
    }
};

BS_GUI_TEST_MAIN(TestE2ePressure)
#include "tst_e2e_pressure.moc"
