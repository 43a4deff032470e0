// The timing rules every view shares (core/model/ReportTiming): the grace before a guest counts
// as not reporting, and the gap that breaks a chart's line. Table-driven, then the views that
// use them are checked against each other: the guest table's stats state, the Readiness
// verdict and the stats-flow watch must change their minds at the same moment.
#include "TestMain.h"
#include "ballooncontrol/StatsFlowWatch.h"
#include "history/Decimator.h"
#include "model/ReportTiming.h"
#include "model/StatsState.h"
#include "monitor/RecentSeries.h"
#include "readiness/HostSideInspector.h"

#include <cmath>

using namespace bs;

class TestReportTiming : public QObject {
    Q_OBJECT

    // The guest table's verdict for a guest with a period that has not reported for `seconds`
    // since the period was first seen.
    static StatsState tableSays(int period, int poll, double seconds) {
        StatsEvidence e;
        e.state = DomainState::Running;
        e.model = BalloonModel::Virtio;
        e.livePeriod = period;
        e.lastUpdate = 0;
        e.secondsSincePeriodSeen = seconds;
        e.secondsSinceLastUpdateChanged = seconds;
        e.pollInterval = poll;
        return classifyStats(e);
    }

    // Readiness's verdict for the same guest, from one reading per poll over `seconds`.
    static ReportingState readinessSays(int period, int poll, double seconds) {
        HostEvidence e;
        e.name = QStringLiteral("g");
        e.state = DomainState::Running;
        e.live.parsed = true;
        e.live.balloon.model = BalloonModel::Virtio;
        e.live.balloon.period = period;
        e.pollIntervalSeconds = poll;
        for (qint64 t = 0; t <= qint64(seconds * 1000); t += poll * 1000LL) {
            StatsObservation o;
            o.timeMs = 1'700'000'000'000 + t;
            o.stats.actual = 1048576;
            o.stats.lastUpdate = 0;
            e.observations.append(o);
        }
        e.nowMs = e.observations.constLast().timeMs;
        return HostSideInspector::inspect(e).reporting;
    }

private Q_SLOTS:
    // The live series are bounded however many guests: an equal share of the point budget each,
    // the charted guest the chart's longest window.
    void recentSeriesAreBounded() {
        const int guests = 5000;
        RecentSeries recent(1440);
        const QString host = QStringLiteral("test:///h");
        const auto uuidOf = [](int i) {
            return QStringLiteral("u%1").arg(i);
        };
        recent.setCharted(host, uuidOf(7));
        const int polls = 200;
        const auto poll = [&](int t) {
            PollCycle cycle;
            cycle.hostId = host;
            cycle.timeMs = 1'000'000'000'000 + t * 5000LL;
            for (int i = 0; i < guests; ++i) {
                MemorySample s;
                s.hostId = host;
                s.uuid = uuidOf(i);
                s.timeMs = cycle.timeMs;
                s.state = DomainState::Running;
                s.statsState = StatsState::Reporting;
                s.freshReport = true;
                s.stats.actual = 1048576 + quint64(t);
                s.stats.rss = 500000;
                s.stats.available = 1000000;
                s.stats.usable = 400000;
                s.stats.unused = 300000;
                cycle.samples.append(s);
            }
            recent.add(cycle, 5);
        };
        for (int t = 0; t < polls; ++t)
            poll(t);
        const int share =
            int(RecentSeries::PointBudget / (qsizetype(guests) * RecentSeries::SeriesCount));
        QCOMPARE(recent.capacityOf(host, uuidOf(0)),
                 std::max(share, RecentSeries::MinPointsPerSeries));
        qsizetype total = 0;
        for (int i = 0; i < guests; ++i) {
            for (Metric m : RecentSeries::Metrics) {
                const auto n = qsizetype(recent.series(host, uuidOf(i), m).size());
                QVERIFY(n <= (i == 7 ? 1440 : recent.capacityOf(host, uuidOf(i))));
                // Each series' block holds no more than its capacity (no deque nodes, no slack).
                QVERIFY(recent.series(host, uuidOf(i), m).allocated() <=
                        (i == 7 ? 1440 : recent.capacityOf(host, uuidOf(i))));
                total += n;
            }
        }
        QVERIFY(total <= RecentSeries::PointBudget + 5 * 1440);
        // The charted guest kept every poll; the others the newest of theirs.
        QCOMPARE(int(recent.series(host, uuidOf(7), Metric::Actual).size()), polls);
        QCOMPARE(recent.series(host, uuidOf(0), Metric::Actual).back().timeMs,
                 1'000'000'000'000 + (polls - 1) * 5000LL);
        // Another guest charted: the first one's long block is given back at its next poll.
        QVERIFY(recent.series(host, uuidOf(7), Metric::Actual).allocated() >= polls);
        recent.setCharted(host, uuidOf(8));
        poll(polls);
        const auto &was = recent.series(host, uuidOf(7), Metric::Actual);
        QCOMPARE(was.size(), qsizetype(recent.capacityOf(host, uuidOf(7))));
        QCOMPARE(was.allocated(), was.size());
        QCOMPARE(was.back().timeMs, 1'000'000'000'000 + polls * 5000LL);
        // A few guests keep the chart's whole window.
        RecentSeries few(1440);
        QCOMPARE(few.capacityOf(host, uuidOf(0)), 1440);
        // Guests and hosts that go give their share back: the count follows removals.
        recent.remove(host, uuidOf(0));
        recent.remove(host, uuidOf(0)); // already gone: counted once
        QVERIFY(recent.series(host, uuidOf(0), Metric::Actual).empty());
        QCOMPARE(recent.capacityOf(host, uuidOf(1)),
                 std::max(int(RecentSeries::PointBudget /
                              (qsizetype(guests - 1) * RecentSeries::SeriesCount)),
                          RecentSeries::MinPointsPerSeries));
        recent.removeHost(host);
        QVERIFY(recent.series(host, uuidOf(8), Metric::Actual).empty());
        QCOMPARE(recent.lastTimeMs(host, uuidOf(8)), 0);
        QCOMPARE(recent.capacityOf(host, uuidOf(1)), 1440);
    }

    // Each host keeps its own guests: the same uuid on two hosts is two guests, and removing one
    // host leaves the other's series.
    void recentSeriesKeepHostsApart() {
        RecentSeries recent(1440);
        const QString a = QStringLiteral("test:///a");
        const QString b = QStringLiteral("test:///b");
        const QString uuid = QStringLiteral("same");
        const auto cycleOf = [&](const QString &host, quint64 actual) {
            PollCycle cycle;
            cycle.hostId = host;
            cycle.timeMs = 1'000'000'000'000;
            MemorySample s;
            s.hostId = host;
            s.uuid = uuid;
            s.timeMs = cycle.timeMs;
            s.state = DomainState::Running;
            s.statsState = StatsState::Reporting;
            s.stats.actual = actual;
            cycle.samples.append(s);
            return cycle;
        };
        recent.add(cycleOf(a, 1000), 5);
        recent.add(cycleOf(b, 2000), 5);
        QCOMPARE(recent.series(a, uuid, Metric::Actual).back().kib, 1000.0);
        QCOMPARE(recent.series(b, uuid, Metric::Actual).back().kib, 2000.0);
        recent.setCharted(b, uuid);
        QCOMPARE(recent.capacityOf(b, uuid), 1440);
        recent.removeHost(a);
        QVERIFY(recent.series(a, uuid, Metric::Actual).empty());
        QCOMPARE(recent.series(b, uuid, Metric::Actual).size(), qsizetype(1));
        recent.setCharted(QString(), QString());
        QVERIFY(!recent.series(b, uuid, Metric::Actual).empty());
    }

    void grace_data() {
        QTest::addColumn<int>("period");
        QTest::addColumn<int>("poll");
        QTest::addColumn<int>("seconds");
        // two periods, one poll, one second
        QTest::newRow("period 10, poll 5") << 10 << 5 << 26;
        QTest::newRow("period 10, poll 1") << 10 << 1 << 22;
        QTest::newRow("period 2, poll 1") << 2 << 1 << 6;
        QTest::newRow("period 1, poll 10") << 1 << 10 << 13;
        QTest::newRow("period 0 counts as 1") << 0 << 1 << 4;
        QTest::newRow("negative poll counts as 1") << 5 << -3 << 12;
    }
    void grace() {
        QFETCH(int, period);
        QFETCH(int, poll);
        QFETCH(int, seconds);
        QCOMPARE(ReportTiming::graceSeconds(period, poll), seconds);
    }

    void gap_data() {
        QTest::addColumn<int>("poll");
        QTest::addColumn<qint64>("seconds");
        // three polls and two seconds
        QTest::newRow("1 s") << 1 << qint64(5);
        QTest::newRow("5 s") << 5 << qint64(17);
        QTest::newRow("60 s") << 60 << qint64(182);
        QTest::newRow("0 counts as 1") << 0 << qint64(5);
    }
    void gap() {
        QFETCH(int, poll);
        QFETCH(qint64, seconds);
        QCOMPARE(ReportTiming::gapSeconds(poll), seconds);
        // The History page's line breaks with the same rule.
        QCOMPARE(history::maxGapForInterval(poll), seconds);
    }

    // A host's answer is overdue after two poll intervals, not at the first late poll.
    void hostOverdue_data() {
        QTest::addColumn<qint64>("lastAnswerMs");
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<int>("poll");
        QTest::addColumn<bool>("overdue");
        QTest::newRow("just polled") << qint64(10000) << qint64(10500) << 1 << false;
        QTest::newRow("two intervals exactly") << qint64(10000) << qint64(12000) << 1 << false;
        QTest::newRow("past two intervals") << qint64(10000) << qint64(12001) << 1 << true;
        QTest::newRow("5 s poll, 9 s quiet") << qint64(10000) << qint64(19000) << 5 << false;
        QTest::newRow("5 s poll, 11 s quiet") << qint64(10000) << qint64(21000) << 5 << true;
        QTest::newRow("poll 0 counts as 1") << qint64(10000) << qint64(12500) << 0 << true;
        QTest::newRow("never answered") << qint64(0) << qint64(99999) << 1 << false;
    }
    void hostOverdue() {
        QFETCH(qint64, lastAnswerMs);
        QFETCH(qint64, nowMs);
        QFETCH(int, poll);
        QFETCH(bool, overdue);
        QCOMPARE(ReportTiming::hostOverdue(lastAnswerMs, nowMs, poll), overdue);
    }

    // The same polls through the live chart's series and the History page's decimator: both
    // break the line in the same places. `fresh`: the poll carried a new report; otherwise the
    // guest is still reporting (the last report stands) or, with `reporting` false, is not.
    void liveAndHistoryBreakAlike_data() {
        QTest::addColumn<int>("poll");
        QTest::addColumn<QList<int>>("seconds"); // poll times
        QTest::addColumn<QList<int>>("fresh");   // 1 fresh, 0 repeated while reporting, -1 not
        QTest::addColumn<int>("breaks");
        QTest::newRow("steady polls")
            << 5 << QList<int>{0, 5, 10, 15} << QList<int>{1, 1, 1, 1} << 0;
        QTest::newRow("one late poll, within the gap")
            << 5 << QList<int>{0, 5, 22, 27} << QList<int>{1, 1, 1, 1} << 0;
        QTest::newRow("a missed stretch, beyond the gap")
            << 5 << QList<int>{0, 5, 23, 28} << QList<int>{1, 1, 1, 1} << 1;
        QTest::newRow("reports every 10 s, polls every 1 s: held")
            << 1 << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
            << QList<int>{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1} << 0;
        QTest::newRow("the guest stops reporting")
            << 1 << QList<int>{0, 1, 2, 3, 4} << QList<int>{1, -1, -1, 1, 1} << 1;
    }
    void liveAndHistoryBreakAlike() {
        QFETCH(int, poll);
        QFETCH(QList<int>, seconds);
        QFETCH(QList<int>, fresh);
        QFETCH(int, breaks);
        constexpr qint64 T0 = 1'700'000'000;
        RecentSeries live;
        history::Decimator decimator(1, history::maxGapForInterval(poll));
        for (int i = 0; i < seconds.size(); ++i) {
            const qint64 t = T0 + seconds[i];
            MemorySample s;
            s.hostId = QStringLiteral("h");
            s.uuid = QStringLiteral("u");
            s.timeMs = t * 1000;
            s.state = DomainState::Running;
            s.statsState = fresh[i] >= 0 ? StatsState::Reporting : StatsState::Stale;
            s.freshReport = fresh[i] == 1;
            s.stats.actual = 1048576;
            if (s.freshReport) {
                s.stats.available = 1000000;
                s.stats.unused = 400000;
            }
            PollCycle cycle;
            cycle.hostId = s.hostId;
            cycle.timeMs = s.timeMs;
            cycle.samples = {s};
            live.add(cycle, poll);
            // As the History page reads a guest-side figure back (RangeReader::readRaw).
            if (fresh[i] == 1)
                decimator.add(history::SourceRow::value(t, 600000));
            else if (fresh[i] == 0)
                decimator.add(history::SourceRow::hold(t));
            else
                decimator.add(history::SourceRow::gap(t));
        }
        int liveBreaks = 0;
        for (const RecentSeries::Point &p :
             live.series(QStringLiteral("h"), QStringLiteral("u"), Metric::Used)) {
            liveBreaks += std::isnan(p.kib) ? 1 : 0;
        }
        int historyBreaks = 0;
        for (const EnvelopePoint &p : history::Decimator::points(decimator.finish()))
            historyBreaks += p.isGap() ? 1 : 0;
        QCOMPARE(liveBreaks, breaks);
        QCOMPARE(historyBreaks, breaks);
    }

    // A guest with a period that never reports, polled every `poll` s: at every moment the
    // table says "no driver" exactly when Readiness says "never reported", and the flow watch's
    // backstop never fires before either has decided.
    void viewsAgree_data() {
        QTest::addColumn<int>("period");
        QTest::addColumn<int>("poll");
        QTest::newRow("period 2, poll 1") << 2 << 1;
        QTest::newRow("period 10, poll 5") << 10 << 5;
        QTest::newRow("period 10, poll 1") << 10 << 1;
        QTest::newRow("period 1, poll 10") << 1 << 10;
        QTest::newRow("period 30, poll 2") << 30 << 2;
    }
    void viewsAgree() {
        QFETCH(int, period);
        QFETCH(int, poll);
        const int grace = ReportTiming::graceSeconds(period, poll);
        for (int t = 0; t <= 3 * grace; t += poll) {
            const bool tableDecided = tableSays(period, poll, t) == StatsState::NoDriver;
            const ReportingState readiness = readinessSays(period, poll, t);
            QVERIFY(readiness == ReportingState::NeverReported ||
                    readiness == ReportingState::Undecided);
            const bool readinessDecided = readiness == ReportingState::NeverReported;
            QVERIFY2(tableDecided == readinessDecided,
                     qPrintable(QStringLiteral("after %1 s the table says %2, Readiness %3")
                                    .arg(t)
                                    .arg(statsStateKey(tableSays(period, poll, t)))
                                    .arg(readinessDecided ? QStringLiteral("never reported")
                                                          : QStringLiteral("undecided"))));
        }
        // The watch counts from the change; the first poll sees the period within one poll.
        QVERIFY(StatsFlowWatch::deadlineSeconds(period, poll) >= grace + poll);
        QVERIFY(StatsFlowWatch::deadlineSeconds(period, poll) <= grace + 2 * poll);
    }
};

BS_TEST_MAIN(TestReportTiming)
#include "tst_reporttiming.moc"
