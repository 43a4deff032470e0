#include "TestMain.h"
#include "history/SampleCodec.h"

using namespace bs;
using namespace bs::history;

namespace {

MemorySample fullSample() {
    MemorySample s;
    s.timeMs = 1735689600123;
    s.state = DomainState::Running;
    s.statsState = StatsState::Reporting;
    s.freshReport = true;
    s.stats.actual = 4194304;
    s.stats.maximum = 8388608;
    s.stats.rss = 4300000;
    s.stats.available = 4000000;
    s.stats.unused = 1000000;
    s.stats.usable = 2500000;
    s.stats.diskCaches = 1200000;
    s.stats.swapIn = 0;
    s.stats.swapOut = 12;
    s.stats.majorFault = 3456;
    s.stats.minorFault = 123456789;
    s.stats.hugetlbPgAlloc = 0;
    s.stats.hugetlbPgFail = 0;
    s.stats.lastUpdate = 1735689597;
    return s;
}

} // namespace

class TestSampleCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip() {
        const MemorySample s = fullSample();
        const StoredSample stored = encodeSample(s);
        QCOMPARE(stored.t, 1735689600); // whole seconds
        QCOMPARE(stored.flags, 1);      // running + reporting: the cheapest value
        QCOMPARE(stored.inflated, std::optional<qint64>(4194304));
        QCOMPARE(stored.reportAge, std::optional<qint64>(3));
        const MemorySample back = decodeSample(stored);
        QCOMPARE(back.stats, s.stats);
        QCOMPARE(back.state, s.state);
        QCOMPARE(back.statsState, s.statsState);
        QVERIFY(back.freshReport);
    }

    void repeatedReportKeepsOnlyHostFigures() {
        MemorySample s = fullSample();
        s.freshReport = false; // the monitor cleared nothing here on purpose: the codec must
        const StoredSample stored = encodeSample(s);
        QCOMPARE(stored.actual, std::optional<qint64>(4194304));
        QCOMPARE(stored.rss, std::optional<qint64>(4300000));
        QVERIFY(!stored.available && !stored.unused && !stored.usable && !stored.minorFault);
        QVERIFY(!stored.reportAge);
        QVERIFY(!decodeSample(stored).freshReport);
    }

    void maximumWithoutActual() {
        MemorySample s;
        s.state = DomainState::Running;
        s.stats.maximum = 2097152;
        const StoredSample stored = encodeSample(s);
        QVERIFY(!stored.actual);
        QCOMPARE(stored.inflated, std::optional<qint64>(2097152));
        QCOMPARE(decodeSample(stored).stats.maximum, std::optional<quint64>(2097152));
    }

    void stateCodesAreStable() {
        // On-disk values: changing any of these needs a schema migration.
        QCOMPARE(domainStateCode(DomainState::Running), 1);
        QCOMPARE(domainStateCode(DomainState::Shutoff), 5);
        QCOMPARE(domainStateCode(DomainState::Unknown), 15);
        QCOMPARE(statsStateCode(StatsState::Reporting), 0);
        QCOMPARE(statsStateCode(StatsState::Off), 1);
        QCOMPARE(statsStateCode(StatsState::Inactive), 6);
        QCOMPARE(statsStateCode(StatsState::Unknown), 7);
        for (int code = 0; code < 8; ++code) {
            QCOMPARE(statsStateCode(statsStateFromCode(code)), code);
            QCOMPARE(domainStateCode(domainStateFromCode(code)), code);
        }
        QCOMPARE(encodeFlags(DomainState::Shutoff, StatsState::Inactive), 5 | 6 << 4);
        QVERIFY(encodeFlags(DomainState::Unknown, StatsState::Unknown) < 128); // one byte
    }

    void inactiveGuestsOnlyOnChange() {
        MemorySample off;
        off.state = DomainState::Shutoff;
        off.statsState = StatsState::Inactive;
        QVERIFY(worthStoring(off, std::nullopt));
        const int flags = encodeFlags(off.state, off.statsState);
        QVERIFY(!worthStoring(off, flags));
        off.stats.actual = 1048576; // libvirt's configured size for an inactive guest
        const StoredSample stored = encodeSample(off);
        QVERIFY(!stored.actual && !stored.inflated && !stored.rss);
        QCOMPARE(stored.flags, flags);
        QVERIFY(worthStoring(off, encodeFlags(DomainState::Running, StatsState::Reporting)));
        MemorySample on = fullSample();
        QVERIFY(worthStoring(on, encodeFlags(on.state, on.statsState)));
    }
};

BS_TEST_MAIN(TestSampleCodec)
#include "tst_samplecodec.moc"
