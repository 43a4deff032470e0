#include "TestMain.h"
#include "monitor/Backoff.h"

class TestBackoff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void doublesUpToTheCap() {
        bs::Backoff b(1000, 8000);
        QCOMPARE(b.nextDelayMs(), 1000);
        QCOMPARE(b.nextDelayMs(), 2000);
        QCOMPARE(b.nextDelayMs(), 4000);
        QCOMPARE(b.nextDelayMs(), 8000);
        QCOMPARE(b.nextDelayMs(), 8000);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(b.nextDelayMs(), 8000); // no overflow after many attempts
        b.reset();
        QCOMPARE(b.nextDelayMs(), 1000);
    }
};

BS_TEST_MAIN(TestBackoff)
#include "tst_backoff.moc"
