#include "TestMain.h"
#include "host/OvercommitFigures.h"

using namespace bs;

namespace {

// A guest as the monitor hands it out. Memory KiB; `used` via available − unused.
MemorySample guest(const QString &name, DomainState state, quint64 maximum, quint64 actual,
                   std::optional<quint64> available = {}, std::optional<quint64> unused = {},
                   std::optional<quint64> usable = {}) {
    MemorySample s;
    s.uuid = name + QStringLiteral("-uuid");
    s.name = name;
    s.state = state;
    s.stats.maximum = maximum;
    s.stats.actual = actual;
    s.stats.available = available;
    s.stats.unused = unused;
    s.stats.usable = usable;
    s.balloon.model = BalloonModel::Virtio;
    s.freshReport = available.has_value();
    s.statsState = !isActive(state) ? StatsState::Inactive
                   : available      ? StatsState::Reporting
                                    : StatsState::Off;
    return s;
}

constexpr quint64 GiB = 1024 * 1024;

} // namespace

class TestOvercommitFigures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sumsAndRatios() {
        const QList<MemorySample> guests = {
            guest(QStringLiteral("a"), DomainState::Running, 8 * GiB, 4 * GiB, 4 * GiB - 200000,
                  3 * GiB, 3 * GiB + 100000),
            guest(QStringLiteral("b"), DomainState::Paused, 8 * GiB, 8 * GiB, 8 * GiB - 300000,
                  1 * GiB, 2 * GiB),
            guest(QStringLiteral("c"), DomainState::Running, 4 * GiB, 2 * GiB), // stats off
            guest(QStringLiteral("d"), DomainState::Shutoff, 16 * GiB, 16 * GiB),
        };
        const OvercommitFigures f = overcommitFigures(guests, 16 * GiB);
        QCOMPARE(f.guestsDefined, 4);
        QCOMPARE(f.guestsActive, 3);
        QCOMPARE(f.guestsWithMaximum, 3);
        QCOMPARE(f.guestsReporting, 2);
        QCOMPARE(f.maximum, std::optional<quint64>(20 * GiB));
        QCOMPARE(f.actual, std::optional<quint64>(14 * GiB));
        QCOMPARE(f.definedMaximum, std::optional<quint64>(36 * GiB));
        const quint64 usedA = 4 * GiB - 200000 - 3 * GiB;
        const quint64 usedB = 8 * GiB - 300000 - 1 * GiB;
        QCOMPARE(f.used, std::optional<quint64>(usedA + usedB));
        QCOMPARE(f.usedExcludingCache,
                 std::optional<quint64>((4 * GiB - 200000 - 3 * GiB - 100000) +
                                        (8 * GiB - 300000 - 2 * GiB)));
        QCOMPARE(f.reportingAvailable, std::optional<quint64>(12 * GiB - 500000));
        QCOMPARE(*f.maximumRatio, 1.25);
        QCOMPARE(*f.actualRatio, 14.0 / 16.0);
        QCOMPARE(*f.definedMaximumRatio, 36.0 / 16.0);
        QCOMPARE(*f.usedPercentOfGuests, double(usedA + usedB) * 100.0 / double(12 * GiB - 500000));
        QCOMPARE(*f.usedPercentOfHost, double(usedA + usedB) * 100.0 / double(16 * GiB));
    }

    void frozenFiguresOfAGuestWithStatsOffDoNotCount() {
        // test:///default: the guest shows available/unused once, but no stats period is set.
        MemorySample s =
            guest(QStringLiteral("test"), DomainState::Running, 8 * GiB, 2 * GiB, 2 * GiB, 1 * GiB);
        s.statsState = StatsState::Off;
        const OvercommitFigures f = overcommitFigures({s}, 3 * GiB);
        QCOMPARE(f.guestsReporting, 0);
        QVERIFY(!f.used.has_value());
        QVERIFY(!f.usedPercentOfGuests.has_value());
        QCOMPARE(*f.maximumRatio, 8.0 / 3.0);
    }

    void noGuestsIsAKnownZero() {
        const OvercommitFigures f = overcommitFigures({}, 8 * GiB);
        QCOMPARE(f.maximum, std::optional<quint64>(0));
        QCOMPARE(f.actual, std::optional<quint64>(0));
        QCOMPARE(f.used, std::optional<quint64>(0));
        QCOMPARE(*f.maximumRatio, 0.0);
        QVERIFY(!f.definedMaximum.has_value());
    }

    void unknownHostTotal() {
        const OvercommitFigures f =
            overcommitFigures({guest(QStringLiteral("a"), DomainState::Running, GiB, GiB)}, {});
        QCOMPARE(f.maximum, std::optional<quint64>(GiB));
        QVERIFY(!f.maximumRatio.has_value());
        QVERIFY(!overcommitFigures({}, quint64(0)).maximumRatio.has_value());
    }

    void partialSumsSayHowManyGuests() {
        MemorySample noMax = guest(QStringLiteral("x"), DomainState::Running, 0, GiB);
        noMax.stats.maximum.reset();
        const OvercommitFigures f = overcommitFigures(
            {noMax, guest(QStringLiteral("y"), DomainState::Running, 2 * GiB, GiB)}, 4 * GiB);
        QCOMPARE(f.guestsActive, 2);
        QCOMPARE(f.guestsWithMaximum, 1);
        QCOMPARE(f.maximum, std::optional<quint64>(2 * GiB));
        QCOMPARE(f.guestsWithActual, 2);
    }

    void usableMissingForOneGuest() {
        const OvercommitFigures f = overcommitFigures(
            {guest(QStringLiteral("a"), DomainState::Running, GiB, GiB, GiB, GiB / 2, GiB / 2),
             guest(QStringLiteral("b"), DomainState::Running, GiB, GiB, GiB, GiB / 2)},
            4 * GiB);
        QCOMPARE(f.used, std::optional<quint64>(GiB));
        QVERIFY(!f.usedExcludingCache.has_value()); // a partial sum would mislead
    }

    void carryKeepsTheLastReportOfAReportingGuest() {
        ReportCarry carry;
        MemorySample fresh =
            guest(QStringLiteral("a"), DomainState::Running, 2 * GiB, 2 * GiB, 2 * GiB, GiB);
        QCOMPARE(carry.apply({fresh}).first().stats.available, std::optional<quint64>(2 * GiB));

        // The next poll repeats the report: the monitor cleared the guest fields.
        MemorySample repeated = fresh;
        repeated.freshReport = false;
        repeated.stats.clearGuestFields();
        repeated.stats.actual = GiB + GiB / 2; // host-side figures stay current
        const MemorySample carried = carry.apply({repeated}).first();
        QCOMPARE(carried.stats.available, std::optional<quint64>(2 * GiB));
        QCOMPARE(carried.stats.unused, std::optional<quint64>(GiB));
        QCOMPARE(carried.stats.actual, std::optional<quint64>(GiB + GiB / 2));
        QCOMPARE(overcommitFigures({carried}, 4 * GiB).used, std::optional<quint64>(GiB));

        // It stops reporting: forgotten, not carried on.
        repeated.statsState = StatsState::Stale;
        QVERIFY(!carry.apply({repeated}).first().stats.available.has_value());
        repeated.statsState = StatsState::Reporting;
        QVERIFY(!carry.apply({repeated}).first().stats.available.has_value());
    }

    void carryForgetsVanishedGuests() {
        ReportCarry carry;
        MemorySample a = guest(QStringLiteral("a"), DomainState::Running, GiB, GiB, GiB, 1);
        carry.apply({a});
        carry.apply({}); // gone
        a.freshReport = false;
        a.stats.clearGuestFields();
        QVERIFY(!carry.apply({a}).first().stats.available.has_value());
    }
};

BS_TEST_MAIN(TestOvercommitFigures)
#include "tst_overcommitfigures.moc"
