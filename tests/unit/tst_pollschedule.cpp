// Poll scheduling (core/monitor/PollSchedule): hosts started together spread their polls over
// the interval, and each host keeps its interval exact.
#include "TestMain.h"
#include "monitor/PollSchedule.h"

#include <QSet>

#include <algorithm>

using namespace bs;

class TestPollSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void phasesSpreadOverTheInterval() {
        // The scale bench's 50 hosts at 5 s: no 100-ms slice of the interval gets more than a
        // few of them (in step, all 50 fall into one).
        const qint64 interval = 5000;
        QList<int> perSlice(50, 0);
        QSet<qint64> phases;
        for (int i = 0; i < 50; ++i) {
            const QString uri = QStringLiteral("test:///tmp/rss-scale/hosts/h%1.xml")
                                    .arg(i, 2, 10, QLatin1Char('0'));
            const qint64 phase = PollSchedule::phaseMs(uri, interval);
            QVERIFY(phase >= 0 && phase < interval);
            QCOMPARE(PollSchedule::phaseMs(uri, interval), phase); // deterministic
            ++perSlice[int(phase / 100)];
            phases.insert(phase);
        }
        QVERIFY2(*std::max_element(perSlice.cbegin(), perSlice.cend()) <= 5,
                 "hosts bunched in one 100-ms slice");
        QVERIFY(phases.size() >= 45);
        // Every interval has its own spread.
        QVERIFY(PollSchedule::phaseMs(QStringLiteral("qemu:///system"), 1000) < 1000);
        QCOMPARE(PollSchedule::phaseMs(QStringLiteral("qemu:///system"), 0), 0);
    }

    void slotsKeepTheIntervalExact() {
        const qint64 interval = 5000;
        const qint64 phase = 1234;
        // On connecting at any time: the first slot at least half an interval on, on the phase.
        for (qint64 connected : {qint64(1'000'000), qint64(1'001'234), qint64(1'003'999)}) {
            const qint64 next = PollSchedule::slotAfterPoll(connected, phase, interval);
            QVERIFY(next >= connected + interval / 2);
            QVERIFY(next < connected + interval + interval / 2);
            QCOMPARE((next - phase) % interval, 0);
        }
        // Then every poll that starts on time (or a little late) is followed by one exactly an
        // interval after its slot.
        qint64 slot = PollSchedule::nextSlotMs(1'000'000, phase, interval);
        for (int i = 0; i < 100; ++i) {
            const qint64 started = slot + (i % 7) * 3; // timer latency of a few ms
            const qint64 next = PollSchedule::slotAfterPoll(started, phase, interval);
            QCOMPARE(next - slot, interval);
            slot = next;
        }
        // A poll that overran its interval skips to the next free slot, still on the phase.
        const qint64 late = PollSchedule::slotAfterPoll(slot + 4000, phase, interval);
        QCOMPARE(late - slot, 2 * interval);
        // Negative clock values (any monotonic epoch) work the same.
        QCOMPARE(PollSchedule::nextSlotMs(-7000, 1000, 5000), -4000);
        QCOMPARE(PollSchedule::nextSlotMs(-4000, 1000, 5000), -4000);
    }
};

BS_TEST_MAIN(TestPollSchedule)
#include "tst_pollschedule.moc"
