#include "TestMain.h"
#include "metrics/DerivedMetrics.h"

using namespace bs;
using OptU = std::optional<quint64>;
using OptD = std::optional<double>;
Q_DECLARE_METATYPE(OptU)
Q_DECLARE_METATYPE(OptD)

class TestDerivedMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void used_data() {
        QTest::addColumn<OptU>("available");
        QTest::addColumn<OptU>("unused");
        QTest::addColumn<OptU>("usable");
        QTest::addColumn<OptU>("actual");
        QTest::addColumn<OptU>("used");
        QTest::addColumn<OptU>("usedExclCache");
        QTest::addColumn<OptD>("pctAvailable");
        QTest::addColumn<OptD>("pctActual");

        // test:///default's static numbers
        QTest::newRow("test driver")
            << OptU(2097152) << OptU(1048576) << OptU(1048576) << OptU(2097152) << OptU(1048576)
            << OptU(1048576) << OptD(50.0) << OptD(50.0);
        // a Linux guest with 1 GiB, 300 MiB free, 700 MiB available (cache counts as used)
        QTest::newRow("linux with cache")
            << OptU(1048576) << OptU(307200) << OptU(716800) << OptU(1048576) << OptU(741376)
            << OptU(331776) << OptD(70.703125) << OptD(70.703125);
        // balloon inflated: available shrank below actual's maximum; actual = 512 MiB
        QTest::newRow("ballooned") << OptU(524288) << OptU(262144) << OptU(393216) << OptU(524288)
                                   << OptU(262144) << OptU(131072) << OptD(50.0) << OptD(50.0);
        // no usable (kernel < 4.6): used still known, used excl. cache is not
        QTest::newRow("no usable") << OptU(1048576) << OptU(524288) << OptU() << OptU(1048576)
                                   << OptU(524288) << OptU() << OptD(50.0) << OptD(50.0);
        // no guest fields at all (stats off): nothing derived, not zero
        QTest::newRow("stats off")
            << OptU() << OptU() << OptU() << OptU(1048576) << OptU() << OptU() << OptD() << OptD();
        // contradictory report (unused > available): refuse to compute
        QTest::newRow("contradiction") << OptU(1000) << OptU(2000) << OptU(500) << OptU(1000)
                                       << OptU() << OptU(500) << OptD() << OptD();
        // fully used guest
        QTest::newRow("zero free") << OptU(1048576) << OptU(0) << OptU(0) << OptU(1048576)
                                   << OptU(1048576) << OptU(1048576) << OptD(100.0) << OptD(100.0);
        // actual 0 (a broken report): no division by zero
        QTest::newRow("actual zero") << OptU(1024) << OptU(512) << OptU(512) << OptU(0) << OptU(512)
                                     << OptU(512) << OptD(50.0) << OptD();
        // Windows: unused includes standby cache, so "used" is the active set
        QTest::newRow("windows") << OptU(4194304) << OptU(3145728) << OptU(3670016) << OptU(4194304)
                                 << OptU(1048576) << OptU(524288) << OptD(25.0) << OptD(25.0);
    }

    void used() {
        QFETCH(OptU, available);
        QFETCH(OptU, unused);
        QFETCH(OptU, usable);
        QFETCH(OptU, actual);
        QFETCH(OptU, used);
        QFETCH(OptU, usedExclCache);
        QFETCH(OptD, pctAvailable);
        QFETCH(OptD, pctActual);

        BalloonStats stats;
        stats.available = available;
        stats.unused = unused;
        stats.usable = usable;
        stats.actual = actual;
        const DerivedMetrics m = deriveMetrics(stats);
        QCOMPARE(m.used, used);
        QCOMPARE(m.usedExcludingCache, usedExclCache);
        QCOMPARE(m.usedPercentOfAvailable.has_value(), pctAvailable.has_value());
        if (pctAvailable)
            QVERIFY(qAbs(*m.usedPercentOfAvailable - *pctAvailable) < 1e-9);
        QCOMPARE(m.usedPercentOfActual.has_value(), pctActual.has_value());
        if (pctActual)
            QVERIFY(qAbs(*m.usedPercentOfActual - *pctActual) < 1e-9);
    }

    void balloonInflated() {
        BalloonStats stats;
        stats.maximum = 4194304;
        stats.actual = 1048576;
        QCOMPARE(deriveMetrics(stats).balloonInflated, OptU(3145728));
        stats.actual.reset();
        QCOMPARE(deriveMetrics(stats).balloonInflated, OptU());
    }
};

BS_TEST_MAIN(TestDerivedMetrics)
#include "tst_derivedmetrics.moc"
