#include "TestMain.h"
#include "monitor/ReportTracker.h"

using namespace bs;

namespace {

constexpr qint64 Epoch = 1764150000; // seconds, the "host clock" of these tests

BalloonConfig virtioWithPeriod(std::optional<int> period) {
    BalloonConfig c;
    c.model = BalloonModel::Virtio;
    c.modelName = QStringLiteral("virtio");
    c.period = period;
    return c;
}

BalloonStats report(qint64 lastUpdate, quint64 unused = 500000) {
    BalloonStats s;
    s.actual = 1048576;
    s.rss = 300000;
    s.available = 1000000;
    s.unused = unused;
    s.lastUpdate = lastUpdate;
    return s;
}

} // namespace

// Drives the tracker with a fake clock: monotonic ms and wall ms move together.
class TestReportTracker : public QObject {
    Q_OBJECT

    ReportTracker tracker;
    qint64 mono = 0;
    qint64 wallMs = Epoch * 1000;

    ReportTracker::Verdict observe(const BalloonStats &s, const BalloonConfig &c,
                                   DomainState state = DomainState::Running) {
        return tracker.observe(QStringLiteral("g1"), state, s, c, mono, wallMs);
    }
    void advance(qint64 ms) {
        mono += ms;
        wallMs += ms;
    }

private Q_SLOTS:
    void init() {
        tracker = ReportTracker();
        tracker.setPollInterval(5);
        mono = 0;
        wallMs = Epoch * 1000;
    }

    void repeatedReportsAreDropped() {
        const auto config = virtioWithPeriod(10);
        auto v = observe(report(Epoch - 1), config);
        QVERIFY(v.fresh);
        QCOMPARE(v.state, StatsState::Reporting);

        advance(5000); // next poll: the guest has not reported again
        v = observe(report(Epoch - 1), config);
        QVERIFY(!v.fresh);
        QCOMPARE(v.state, StatsState::Reporting);

        advance(5000); // the guest reported
        v = observe(report(Epoch + 9, 400000), config);
        QVERIFY(v.fresh);
        QCOMPARE(v.state, StatsState::Reporting);
    }

    void frozenReportsBecomeStale() {
        const auto config = virtioWithPeriod(10);
        QVERIFY(observe(report(Epoch - 1), config).fresh);
        // grace = 2 × 10 + 5 + 1 = 26 s after the last change
        for (int i = 0; i < 5; ++i) {
            advance(5000);
            QCOMPARE(observe(report(Epoch - 1), config).state, StatsState::Reporting);
        }
        advance(2000); // 27 s
        QCOMPARE(observe(report(Epoch - 1), config).state, StatsState::Stale);
        // reports resume
        advance(5000);
        const auto v = observe(report(Epoch + 31), config);
        QVERIFY(v.fresh);
        QCOMPARE(v.state, StatsState::Reporting);
    }

    void oldReportOnFirstSightIsStaleAtOnce() {
        // The service stopped an hour ago: no need to wait two periods to say so.
        QCOMPARE(observe(report(Epoch - 3600), virtioWithPeriod(10)).state, StatsState::Stale);
    }

    void reportFromTheFutureIsClockSkew() {
        // The remote host's clock is 10 minutes ahead: count from now, do not call it stale.
        QCOMPARE(observe(report(Epoch + 600), virtioWithPeriod(10)).state, StatsState::Reporting);
    }

    void periodWithoutDriver() {
        BalloonStats noReport;
        noReport.actual = 1048576;
        noReport.lastUpdate = 0;
        const auto config = virtioWithPeriod(2);
        QCOMPARE(observe(noReport, config).state, StatsState::Waiting);
        advance(5000);
        QCOMPARE(observe(noReport, config).state, StatsState::Waiting);
        advance(6000); // 11 s > 2 × 2 + 5 + 1
        QCOMPARE(observe(noReport, config).state, StatsState::NoDriver);
    }

    void periodChangeRestartsTheWait() {
        BalloonStats noReport;
        noReport.actual = 1048576;
        QCOMPARE(observe(noReport, virtioWithPeriod(std::nullopt)).state, StatsState::Off);
        advance(600000);
        // someone sets the period: no verdict of "no driver" before two new periods
        QCOMPARE(observe(noReport, virtioWithPeriod(10)).state, StatsState::Waiting);
    }

    void stoppedGuestStartsOver() {
        const auto config = virtioWithPeriod(10);
        QVERIFY(observe(report(Epoch - 1), config).fresh);
        advance(5000);
        BalloonStats off;
        QCOMPARE(observe(off, config, DomainState::Shutoff).state, StatsState::Inactive);
        advance(5000);
        // after a restart the same last_update value would be new again
        QVERIFY(observe(report(Epoch - 1), config).fresh);
    }

    void noLastUpdateFieldMeansEveryReportCounts() {
        BalloonStats s = report(0);
        s.lastUpdate.reset();
        QVERIFY(observe(s, virtioWithPeriod(std::nullopt)).fresh);
        advance(5000);
        QVERIFY(observe(s, virtioWithPeriod(std::nullopt)).fresh);
    }
};

BS_TEST_MAIN(TestReportTracker)
#include "tst_reporttracker.moc"
