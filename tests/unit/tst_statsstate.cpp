#include "TestMain.h"
#include "model/StatsState.h"

using namespace bs;
using OptI = std::optional<int>;
using OptL = std::optional<qint64>;
Q_DECLARE_METATYPE(OptI)
Q_DECLARE_METATYPE(OptL)

class TestStatsState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classify_data() {
        QTest::addColumn<DomainState>("state");
        QTest::addColumn<BalloonModel>("model");
        QTest::addColumn<OptI>("period");
        QTest::addColumn<OptL>("lastUpdate");
        QTest::addColumn<double>("sincePeriod");
        QTest::addColumn<double>("sinceChange");
        QTest::addColumn<bool>("fields");
        QTest::addColumn<StatsState>("expected");

        const auto R = DomainState::Running;
        const auto V = BalloonModel::Virtio;
        // DOMAIN.md §3, row by row
        QTest::newRow("shut off") << DomainState::Shutoff << V << OptI(10) << OptL(1700000000)
                                  << 100.0 << 1.0 << true << StatsState::Inactive;
        QTest::newRow("crashed") << DomainState::Crashed << V << OptI(10) << OptL() << 100.0 << 1.0
                                 << false << StatsState::Inactive;
        QTest::newRow("paused still counts")
            << DomainState::Paused << V << OptI(10) << OptL(1700000000) << 100.0 << 1.0 << true
            << StatsState::Reporting;
        QTest::newRow("model none") << R << BalloonModel::None << OptI(10) << OptL() << 100.0
                                    << 100.0 << false << StatsState::NoBalloon;
        QTest::newRow("no element") << R << BalloonModel::Absent << OptI() << OptL() << 100.0
                                    << 100.0 << false << StatsState::NoBalloon;
        QTest::newRow("xen model") << R << BalloonModel::Xen << OptI(10) << OptL() << 100.0 << 100.0
                                   << false << StatsState::NoBalloon;
        QTest::newRow("xml unknown") << R << BalloonModel::Unknown << OptI(10) << OptL(1700000000)
                                     << 100.0 << 1.0 << true << StatsState::Unknown;
        QTest::newRow("no period, fields frozen")
            << R << V << OptI() << OptL(1700000000) << 100.0 << 500.0 << true << StatsState::Off;
        QTest::newRow("period 0") << R << V << OptI(0) << OptL() << 100.0 << 100.0 << false
                                  << StatsState::Off;
        QTest::newRow("no period, fields fresh")
            << R << V << OptI() << OptL(1700000000) << 100.0 << 0.5 << true << StatsState::Off;
        QTest::newRow("just set") << R << BalloonModel::VirtioTransitional << OptI(10) << OptL()
                                  << 5.0 << 5.0 << false << StatsState::Waiting;
        QTest::newRow("last_update 0 in grace")
            << R << V << OptI(10) << OptL(0) << 25.0 << 25.0 << false << StatsState::Waiting;
        QTest::newRow("no driver")
            << R << V << OptI(10) << OptL(0) << 27.0 << 27.0 << false << StatsState::NoDriver;
        QTest::newRow("no driver, absent")
            << R << BalloonModel::VirtioNonTransitional << OptI(2) << OptL() << 60.0 << 60.0
            << false << StatsState::NoDriver;
        QTest::newRow("stale") << R << V << OptI(10) << OptL(1700000000) << 300.0 << 27.0 << true
                               << StatsState::Stale;
        QTest::newRow("stale, only actual")
            << R << V << OptI(10) << OptL(1700000000) << 300.0 << 3.0 << false << StatsState::Stale;
        QTest::newRow("reporting") << R << V << OptI(10) << OptL(1700000000) << 300.0 << 9.0 << true
                                   << StatsState::Reporting;
        QTest::newRow("reporting at the edge") << R << V << OptI(10) << OptL(1700000000) << 300.0
                                               << 26.0 << true << StatsState::Reporting;
        QTest::newRow("fast period")
            << R << V << OptI(2) << OptL(1700000000) << 300.0 << 11.0 << true << StatsState::Stale;
    }

    void classify() {
        QFETCH(DomainState, state);
        QFETCH(BalloonModel, model);
        QFETCH(OptI, period);
        QFETCH(OptL, lastUpdate);
        QFETCH(double, sincePeriod);
        QFETCH(double, sinceChange);
        QFETCH(bool, fields);
        QFETCH(StatsState, expected);

        StatsEvidence e;
        e.state = state;
        e.model = model;
        e.livePeriod = period;
        e.lastUpdate = lastUpdate;
        e.secondsSincePeriodSeen = sincePeriod;
        e.secondsSinceLastUpdateChanged = sinceChange;
        e.guestFieldsPresent = fields;
        e.pollInterval = 5;
        QCOMPARE(statsStateKey(classifyStats(e)), statsStateKey(expected));
    }

    void everyStateHasWords() {
        for (int i = 0; i <= int(StatsState::Unknown); ++i) {
            const auto s = StatsState(i);
            QVERIFY(!statsStateName(s).isEmpty());
            QVERIFY(!statsStateKey(s).isEmpty());
            QVERIFY(statsStateExplanation(s).endsWith(QLatin1Char('.')));
        }
    }
};

BS_TEST_MAIN(TestStatsState)
#include "tst_statsstate.moc"
