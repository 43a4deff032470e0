#include "HistoryTestSupport.h"
#include "SmallTmpfs.h"
#include "libvirt/LibvirtRuntime.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <sys/mount.h>
#include <unistd.h>

using namespace bs;
using namespace bs::test;

namespace {

constexpr int SkipReturnCode = 77; // CTest's SKIP_RETURN_CODE for this test: never a "pass"
const QString Host = QStringLiteral("qemu:///system");
constexpr qint64 T0 = 1735689600000;

PollCycle bigCycle(qint64 t) {
    QList<MemorySample> guests;
    for (int g = 0; g < 40; ++g) {
        const QString uuid =
            QStringLiteral("00000000-0000-0000-0000-%1").arg(g, 12, 10, QLatin1Char('0'));
        guests.append(
            guestPoll(uuid, QStringLiteral("vm%1").arg(g), t, 1000 + quint64(t / 1000 % 977)));
    }
    return pollCycle(Host, t, guests, 5);
}

} // namespace

class TestHistoryDiskFull : public QObject {
    Q_OBJECT

public:
    explicit TestHistoryDiskFull(SmallTmpfs &fs)
        : m_fs(fs) {}

private:
    SmallTmpfs &m_fs;

private Q_SLOTS:
    void pausesAndResumes() {
        // Most of the 2 MiB taken by something else, as on a real full disk.
        QFile filler(m_fs.filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        QVERIFY(filler.write(QByteArray(1536 * 1024, 'x')) == 1536 * 1024);
        filler.close();

        FakeClock clock;
        clock.set(T0);
        HistoryOptions o;
        o.path = m_fs.filePath(QStringLiteral("history.sqlite"));
        o.backgroundCompaction = false;
        o.clockMs = clock.function();
        HistoryStore store(o);
        QSignalSpy statuses(&store, &HistoryStore::statusChanged);
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);

        qint64 t = T0;
        int recorded = 0;
        for (; recorded < 2000 && store.status().state == HistoryStatus::State::Ready;
             ++recorded, t += 5000) {
            store.record(bigCycle(t));
            QVERIFY(store.waitForIdle());
        }
        QCOMPARE(store.status().state, HistoryStatus::State::Paused);
        QVERIFY(store.status().message.contains(QStringLiteral("full")));
        QVERIFY(recorded > 1);

        // Still alive and answering; further polls are dropped without a fuss.
        for (int i = 0; i < 3; ++i, t += 5000)
            store.record(bigCycle(t));
        QVERIFY(store.waitForIdle());
        QCOMPARE(store.status().state, HistoryStatus::State::Paused);
        QVERIFY(store.status().droppedCycles >= 4);
        SeriesRequest r;
        r.hostId = Host;
        r.uuids = {QStringLiteral("00000000-0000-0000-0000-000000000000")};
        r.metrics = {Metric::Used};
        r.fromMs = T0;
        r.toMs = t + 60000;
        r.points = 100000;
        const int before = valueCount(querySeries(store, r).series.first().points);
        QVERIFY(before >= recorded - 1);

        // Space returns: the next poll is recorded and the status says so.
        QVERIFY(QFile::remove(m_fs.filePath(QStringLiteral("filler"))));
        const qint64 resumedAt = t;
        for (int i = 0; i < 5; ++i, t += 5000)
            store.record(bigCycle(t));
        QVERIFY(store.waitForIdle());
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        QCOMPARE(statuses.last().at(0).value<HistoryStatus>().state, HistoryStatus::State::Ready);
        const auto after = querySeries(store, r).series.first().points;
        QCOMPARE(valueCount(after), before + 5);
        QVERIFY(after.last().timeMs >= resumedAt);
        // The dropped polls show as a gap.
        QVERIFY(gapCount(after) >= 1);
    }
};

int main(int argc, char *argv[]) {
    LibvirtRuntime::prepareProcess();
    QCoreApplication app(argc, argv);
    if (geteuid() != 0) {
        std::fprintf(stderr, "SKIP: mounting a tmpfs needs root\n");
        return SkipReturnCode;
    }
    SmallTmpfs fs("2m", "bs-diskfull");
    if (!fs.isMounted()) {
        std::fprintf(stderr, "SKIP: could not mount a tmpfs\n");
        return SkipReturnCode;
    }
    TestHistoryDiskFull tc(fs);
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_historydiskfull.moc"
