// StallMonitor: a stall of the event loop shows as one late tick, in the file it writes.
#include "TestMain.h"
#include "app/StallMonitor.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace bs::gui;

class TestStallMonitor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void offWithoutTheVariable() {
        qunsetenv("BALLOONSCOPE_STALL_LOG");
        QVERIFY(!StallMonitor::fromEnvironment());
    }

    void aStallIsMeasured() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stalls.json"));
        qputenv("BALLOONSCOPE_STALL_LOG", path.toLocal8Bit());
        auto monitor = StallMonitor::fromEnvironment();
        qunsetenv("BALLOONSCOPE_STALL_LOG");
        QVERIFY(monitor);
        QTest::qWait(300);
        // Block the event loop for 120 ms, as a slow slot would.
        std::this_thread::sleep_for(std::chrono::milliseconds(120));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 3000);
        QJsonObject o;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly))
                    return false;
                o = QJsonDocument::fromJson(f.readAll()).object();
                return o.value(QStringLiteral("maxMs")).toDouble() > 0;
            }(),
            3000);
        const double max = o.value(QStringLiteral("maxMs")).toDouble();
        QVERIFY2(max >= 110 && max < 2000, qPrintable(QString::number(max)));
        QVERIFY(o.value(QStringLiteral("ticks")).toInt() > 10);
        // One stall among many ticks: the median stays near zero.
        QVERIFY(o.value(QStringLiteral("p50Ms")).toDouble() < max);
        QVERIFY(!o.value(QStringLiteral("secondMaxMs")).toArray().isEmpty());
    }
};

BS_GUI_TEST_MAIN(TestStallMonitor)
#include "tst_stallmonitor.moc"
