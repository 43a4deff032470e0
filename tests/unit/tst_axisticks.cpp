#include "TestMain.h"
#include "report/AxisTicks.h"

#include <QDateTime>
#include <QGuiApplication>

using namespace bs;
Q_DECLARE_METATYPE(bs::units::SizeUnit)

// Chart axes: readable units, round steps from 0, time ticks on the local clock. Runs with
// TZ=Europe/Berlin (CTest) so the local-time alignment and a DST change are exercised.
class TestAxisTicks : public QObject {
    Q_OBJECT

    static qint64 local(int y, int mo, int d, int h, int mi) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi)).toMSecsSinceEpoch();
    }

private Q_SLOTS:
    // The screen's rule (units::axisUnit): GiB from 4 GiB, MiB below, unless the user chose.
    void memoryAxisPicksAReadableUnit_data() {
        QTest::addColumn<double>("maxKiB");
        QTest::addColumn<units::SizeUnit>("choice");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("axisMax");
        const auto Auto = units::SizeUnit::Auto;
        QTest::newRow("4.5 GiB") << 4.5 * 1048576 << Auto << QStringLiteral("GiB") << 5.0;
        QTest::newRow("3.2 GiB") << 3.2 * 1048576 << Auto << QStringLiteral("MiB") << 4000.0;
        QTest::newRow("3.2 GiB, GiB chosen")
            << 3.2 * 1048576 << units::SizeUnit::GiB << QStringLiteral("GiB") << 4.0;
        QTest::newRow("8 GiB, MiB chosen")
            << 8.0 * 1048576 << units::SizeUnit::MiB << QStringLiteral("MiB") << 10000.0;
        QTest::newRow("500 MiB") << 500.0 * 1024 << Auto << QStringLiteral("MiB") << 600.0;
        QTest::newRow("5 MiB") << 5.0 * 1024 << Auto << QStringLiteral("MiB") << 6.0;
        QTest::newRow("nothing") << 0.0 << Auto << QStringLiteral("MiB") << 1.0;
    }
    void memoryAxisPicksAReadableUnit() {
        QFETCH(double, maxKiB);
        QFETCH(units::SizeUnit, choice);
        QFETCH(QString, unit);
        QFETCH(double, axisMax);
        const ValueAxis axis = valueAxis(ValueUnit::KiB, maxKiB, 5, QLocale::c(), choice);
        QCOMPARE(units::unitSuffix(units::axisUnit(maxKiB, choice)), unit);
        QCOMPARE(axis.unit, unit);
        QCOMPARE(axis.max, axisMax);
        QVERIFY(axis.max * axis.divisor >= maxKiB); // the highest value stays inside
        QCOMPARE(axis.ticks.first().value, 0.0);
        QCOMPARE(axis.ticks.last().value, axis.max);
        QVERIFY(axis.ticks.size() >= 3 && axis.ticks.size() <= 8);
    }

    void tickLabelsShowTheStepsDecimals() {
        const ValueAxis axis =
            valueAxis(ValueUnit::KiB, 2.2 * 1048576, 5, QLocale::c(), units::SizeUnit::GiB);
        QStringList labels;
        for (const AxisTick &t : axis.ticks)
            labels.append(t.label);
        QCOMPARE(labels, (QStringList{QStringLiteral("0.0"), QStringLiteral("0.5"),
                                      QStringLiteral("1.0"), QStringLiteral("1.5"),
                                      QStringLiteral("2.0"), QStringLiteral("2.5")}));
    }

    void percentAxisShowsTheWhole() {
        const ValueAxis axis = valueAxis(ValueUnit::Percent, 37.0, 5, QLocale::c());
        QCOMPARE(axis.unit, QStringLiteral("%"));
        QCOMPARE(axis.max, 100.0);
        QCOMPARE(valueAxis(ValueUnit::Percent, 130.0, 5).max, 150.0);
    }

    void timeTicksFallOnRoundLocalTimes() {
        const qint64 from = local(2025, 1, 14, 7, 13);
        const qint64 to = local(2025, 1, 15, 7, 13);
        const QList<AxisTick> ticks = timeTicks(from, to, 6, QLocale::c());
        QVERIFY(!ticks.isEmpty());
        QVERIFY(ticks.size() <= 6);
        QStringList labels;
        for (const AxisTick &t : ticks) {
            QVERIFY(t.value >= double(from) && t.value <= double(to));
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(t.value));
            QCOMPARE(at.time().minute(), 0);
            QCOMPARE(at.time().hour() % 6, 0);
            labels.append(t.label);
        }
        // Midnight carries the date (translated format, English default "MMM d").
        QCOMPARE(labels, (QStringList{QStringLiteral("12:00"), QStringLiteral("18:00"),
                                      QStringLiteral("Jan 15"), QStringLiteral("06:00")}));
        QVERIFY(ticks[2].major);
    }

    void shortRangesTickInSeconds() {
        const qint64 from = local(2025, 1, 14, 7, 0) + 3000;
        const QList<AxisTick> ticks = timeTicks(from, from + 60000, 4, QLocale::c());
        QCOMPARE(ticks.first().label, QStringLiteral("07:00:15"));
        QCOMPARE(ticks.size(), 4); // every 15 s
    }

    void longRangesTickInDays() {
        const qint64 from = local(2025, 1, 1, 0, 0);
        const QList<AxisTick> ticks = timeTicks(from, from + 30LL * 86400000, 8, QLocale::c());
        QVERIFY(ticks.size() >= 4 && ticks.size() <= 8);
        for (const AxisTick &t : ticks) {
            QVERIFY(t.major);
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(t.value)).time(), QTime(0, 0));
        }
    }

    void ticksStayOnTheClockAcrossDaylightSaving() {
        // Berlin leaves summer time on 2025-10-26 at 03:00 (back to 02:00).
        const qint64 from = local(2025, 10, 25, 22, 0);
        const QList<AxisTick> ticks = timeTicks(from, from + 12LL * 3600000, 8, QLocale::c());
        for (const AxisTick &t : ticks)
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(t.value)).time().minute(), 0);
        QCOMPARE(utcOffsetLabel(local(2025, 7, 1, 12, 0)), QStringLiteral("UTC+02:00"));
        QCOMPARE(utcOffsetLabel(local(2025, 12, 1, 12, 0)), QStringLiteral("UTC+01:00"));
    }
};

BS_PAINT_TEST_MAIN(TestAxisTicks)
#include "tst_axisticks.moc"
