#include "TestMain.h"
#include "readiness/RecentSampleBuffer.h"

using namespace bs;
using namespace bs::gui;

namespace {

const QString H = QStringLiteral("h");
const QString U = QStringLiteral("u");

MemorySample sample(double atSeconds, qint64 lastUpdate, int period = 5, bool fields = false) {
    MemorySample s;
    s.hostId = H;
    s.uuid = U;
    s.timeMs = qint64(atSeconds * 1000);
    s.state = DomainState::Running;
    s.balloon.model = BalloonModel::Virtio;
    s.balloon.period = period;
    s.statsState = StatsState::Stale;
    s.stats.actual = 1048576;
    s.stats.lastUpdate = lastUpdate;
    if (fields) {
        s.stats.available = 1000000;
        s.stats.unused = 500000;
    }
    return s;
}

PollCycle cycle(const MemorySample &s) {
    PollCycle c;
    c.hostId = H;
    c.timeMs = s.timeMs;
    c.samples = {s};
    c.libvirtCalls = 1;
    return c;
}

} // namespace

class TestRecentSampleBuffer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void frozenReportsCollapse() {
        RecentSampleBuffer buffer;
        buffer.add(cycle(sample(0, 100, 5, true)), 1);
        for (int t = 1; t <= 100; ++t)
            buffer.add(cycle(sample(t, 100)), 1);
        const auto kept = buffer.samples(H, U);
        // First (the one with the guest's fields) and last: the span and the fields survive.
        QCOMPARE(kept.size(), 2);
        QVERIFY(kept.first().stats.hasGuestFields());
        QCOMPARE(kept.last().timeMs, qint64(100000));
    }

    void advancingReportsKeepTwoPeriodsAndTwoPolls() {
        RecentSampleBuffer buffer;
        for (int t = 0; t <= 100; ++t)
            buffer.add(cycle(sample(t, 1000 + t, 5, true)), 1);
        const auto kept = buffer.samples(H, U);
        // 2 × 5 + 2 s slack + 2 polls of 1 s = 14 s, and one reading more at the old end.
        const double span = double(kept.last().timeMs - kept.first().timeMs) / 1000.0;
        QVERIFY2(span >= 14.0 && span <= 15.0, qPrintable(QString::number(span)));
        QVERIFY(kept.size() <= RecentSampleBuffer::MaxPerGuest);
    }

    void aStoppedGuestStartsOver() {
        RecentSampleBuffer buffer;
        buffer.add(cycle(sample(0, 100)), 1);
        buffer.add(cycle(sample(1, 100)), 1);
        MemorySample off = sample(2, 0);
        off.state = DomainState::Shutoff;
        buffer.add(cycle(off), 1);
        QCOMPARE(buffer.samples(H, U).size(), 1);
        buffer.add(cycle(sample(3, 0)), 1);
        QCOMPARE(buffer.samples(H, U).size(), 1);
        QCOMPARE(buffer.latest(H, U)->timeMs, qint64(3000));
    }

    void reportsWhatChanged() {
        RecentSampleBuffer buffer;
        QVERIFY(buffer.add(cycle(sample(0, 100)), 1).isEmpty()); // first sight is no change
        QVERIFY(buffer.add(cycle(sample(1, 100)), 1).isEmpty());
        MemorySample periodChanged = sample(2, 100, 10);
        QCOMPARE(buffer.add(cycle(periodChanged), 1), QStringList{U});
        MemorySample reporting = sample(3, 103, 10, true);
        reporting.statsState = StatsState::Reporting;
        QCOMPARE(buffer.add(cycle(reporting), 1), QStringList{U});
    }

    void removal() {
        RecentSampleBuffer buffer;
        buffer.add(cycle(sample(0, 1)), 1);
        QCOMPARE(buffer.samples(H).size(), 1);
        buffer.removeGuests(H, {U});
        QVERIFY(buffer.samples(H).isEmpty());
        buffer.add(cycle(sample(1, 1)), 1);
        buffer.removeHost(H);
        QVERIFY(!buffer.latest(H, U));
    }
};

BS_GUI_TEST_MAIN(TestRecentSampleBuffer)
#include "tst_recentsamplebuffer.moc"
