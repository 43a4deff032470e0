// The headless recorder killed with SIGKILL 20 times while it writes: after every kill the
// database passes PRAGMA integrity_check, nothing committed before is gone, and at most one poll
// interval is lost (the poll in flight). Half the kills fall at a random moment of the polling
// cycle, half the moment the write-ahead log grows, i.e. in the middle of a commit.
#include "FaultSupport.h"
#include "TestBed.h"
#include "TestMain.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace bs;
using namespace bs::e2e;

class TestFaultRecorderKill : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
    }

    void twentyKillsMidWrite() {
        constexpr int Interval = 1;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString wal = path + QStringLiteral("-wal");
        auto *random = QRandomGenerator::global();
        qint64 rowsBefore = 0;
        qint64 worstLostMs = 0;
        QElapsedTimer total;
        total.start();
        for (int i = 1; i <= 20; ++i) {
            fault::Recorder recorder(path, m_bed->uri, Interval);
            QVERIFY(recorder.start());
            // Running and writing: two polls more than before this start.
            QTRY_VERIFY2_WITH_TIMEOUT(fault::storedRows(path) >= rowsBefore + 2 * 6,
                                      qPrintable(recorder.errorOutput()), 20000);
            QVERIFY2(recorder.running(), qPrintable(recorder.errorOutput()));
            if (i % 2) {
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(random->bounded(Interval * 1000)));
            } else {
                // Kill as soon as the log grows: a commit is under way.
                const qint64 size = QFileInfo(wal).size();
                QElapsedTimer waited;
                waited.start();
                while (QFileInfo(wal).size() == size && waited.elapsed() < 3000)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            const qint64 killedAtMs = QDateTime::currentMSecsSinceEpoch();
            recorder.kill();

            QCOMPARE(fault::integrityCheck(path), QStringLiteral("ok"));
            const qint64 rows = fault::storedRows(path);
            QVERIFY2(rows >= rowsBefore, qPrintable(QStringLiteral("kill %1: %2 rows, %3 before")
                                                        .arg(i)
                                                        .arg(rows)
                                                        .arg(rowsBefore)));
            rowsBefore = rows;
            // The newest stored poll is at most one interval older than the kill: plus the
            // second its time is rounded down to, plus 0.5 s for the lost poll's own collection
            // and commit (a poll is timed when its collection ends).
            const qint64 lostMs = killedAtMs - fault::newestSecond(path) * 1000;
            worstLostMs = std::max(worstLostMs, lostMs);
            QVERIFY2(lostMs <= (Interval + 1) * 1000 + 500,
                     qPrintable(QStringLiteral("kill %1: the newest poll is %2 ms older than the "
                                               "kill")
                                    .arg(i)
                                    .arg(lostMs)));
        }
        qInfo("20 kills in %lld s; %lld rows; newest poll at most %lld ms before a kill",
              total.elapsed() / 1000, rowsBefore, worstLostMs);
    }
};

BS_TEST_MAIN(TestFaultRecorderKill)
#include "tst_fault_recorder_kill.moc"
