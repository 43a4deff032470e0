// A full disk under the real recorder process: it stays up and says so, keeps the database sound,
// and records again once space returns. The history sits on a small tmpfs of its own that a
// filler file fills to the last block.
#include "FaultSupport.h"
#include "TestBed.h"
#include "TestMain.h"

#include <QFile>
#include <QTest>

#include <thread>

using namespace bs;
using namespace bs::e2e;

class TestFaultDiskFull : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
    }

    void recorderSurvivesAFullDisk() {
        fault::SmallTmpfs disk("8m");
        QVERIFY2(disk.isMounted(), "cannot mount a tmpfs (root needed)");
        const QString path = disk.filePath(QStringLiteral("history.sqlite"));
        const QString filler = disk.filePath(QStringLiteral("filler"));
        fault::Recorder recorder(path, m_bed->uri, 1);
        QVERIFY(recorder.start());
        QTRY_VERIFY2_WITH_TIMEOUT(fault::storedRows(path) >= 12, qPrintable(recorder.errorOutput()),
                                  20000);

        QVERIFY(fault::fillDisk(filler) > 0);
        // Its next writes fail: it says the disk is full and keeps running.
        QTRY_VERIFY2_WITH_TIMEOUT(
            recorder.errorOutput().contains(QLatin1String("full"), Qt::CaseInsensitive),
            qPrintable(recorder.errorOutput()), 30000);
        std::this_thread::sleep_for(std::chrono::seconds(3));
        QVERIFY2(recorder.running(), qPrintable(recorder.errorOutput()));
        const qint64 rowsWhileFull = fault::storedRows(path);
        QCOMPARE(fault::integrityCheck(path), QStringLiteral("ok"));

        QVERIFY(QFile::remove(filler));
        // Space is back: polls are written again, without a restart.
        QTRY_VERIFY2_WITH_TIMEOUT(fault::storedRows(path) >= rowsWhileFull + 12,
                                  qPrintable(recorder.errorOutput()), 20000);
        QCOMPARE(recorder.stop(30000), 0);
        QCOMPARE(fault::integrityCheck(path), QStringLiteral("ok"));
        qInfo("rows while full %lld, after %lld", rowsWhileFull, fault::storedRows(path));
    }
};

BS_TEST_MAIN(TestFaultDiskFull)
#include "tst_fault_disk_full.moc"
