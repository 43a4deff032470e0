// A damaged history file under the real recorder: pages overwritten with garbage, and a file that
// is not a database at all. The recorder moves the damaged file aside (keeping it for the user),
// starts a sound new history and records into it.
#include "FaultSupport.h"
#include "TestBed.h"
#include "TestMain.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::e2e;

class TestFaultCorruptDb : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;

    // Records for a few polls and stops cleanly: a sound file of some size.
    void recordSome(const QString &path) {
        fault::Recorder recorder(path, m_bed->uri, 1);
        QVERIFY(recorder.start());
        QTRY_VERIFY_WITH_TIMEOUT(fault::storedRows(path) >= 5 * 6, 20000);
        QCOMPARE(recorder.stop(30000), 0);
    }

    void expectReplacedAndRecording(const QString &path, const QTemporaryDir &dir) {
        fault::Recorder recorder(path, m_bed->uri, 1);
        QVERIFY(recorder.start());
        const auto movedAside = [&] {
            return QDir(dir.path())
                .entryList({QStringLiteral("history.sqlite.damaged-*")}, QDir::Files);
        };
        // Rows counted only once the damaged file is gone: until the recorder has moved it
        // aside, `path` is still the old file, whose readable rows would end the wait before
        // the recorder even runs (and stop() would then kill it before its signal handler).
        QTRY_VERIFY2_WITH_TIMEOUT(!movedAside().isEmpty() && fault::storedRows(path) >= 2 * 6,
                                  qPrintable(recorder.errorOutput()), 20000);
        const int code = recorder.stop(30000);
        QVERIFY2(code == 0,
                 qPrintable(QStringLiteral("exit %1: %2").arg(code).arg(recorder.errorOutput())));
        QVERIFY2(recorder.errorOutput().contains(QLatin1String("damaged")),
                 qPrintable(recorder.errorOutput()));
        QCOMPARE(fault::integrityCheck(path), QStringLiteral("ok"));
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
    }

    void damagedPages() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        recordSome(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pageSize = 4096;
        const qint64 pages = file.size() / pageSize;
        QVERIFY2(pages >= 3, qPrintable(QString::number(file.size())));
        // Every page but the header's gets garbage in its middle: b-tree pages become unreadable.
        auto *random = QRandomGenerator::global();
        for (qint64 page = 1; page < pages; ++page) {
            QByteArray garbage(512, Qt::Uninitialized);
            for (char &c : garbage)
                c = char(random->bounded(256));
            file.seek(page * pageSize + 64);
            file.write(garbage);
        }
        file.close();
        QVERIFY(fault::integrityCheck(path) != QLatin1String("ok"));
        expectReplacedAndRecording(path, dir);
    }

    void notADatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        recordSome(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.write(QByteArray(100, 'Z')); // the header: "SQLite format 3" is gone
        file.close();
        expectReplacedAndRecording(path, dir);
    }
};

BS_TEST_MAIN(TestFaultCorruptDb)
#include "tst_fault_corrupt_db.moc"
