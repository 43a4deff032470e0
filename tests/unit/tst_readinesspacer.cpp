#include "TestMain.h"
#include "readiness/ReadinessPacer.h"

#include <QCoreApplication>
#include <QTest>

#include <memory>

using namespace bs;

// The pacer alone: runs take turns, one turn per pass of the event loop, in the order asked.
class TestReadinessPacer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsTakeTurnsOnePerPass() {
        ReadinessPacer *pacer = ReadinessPacer::ofThisThread();
        QCOMPARE(ReadinessPacer::ofThisThread(), pacer); // one per thread
        QObject a;
        QObject b;
        QStringList order;
        int left[2] = {3, 2};
        std::function<void()> turnOf[2];
        QObject *owners[2] = {&a, &b};
        for (int i = 0; i < 2; ++i) {
            turnOf[i] = [&, i] {
                order << QStringLiteral("%1%2").arg(QChar(u'a' + i)).arg(left[i]);
                if (--left[i] > 0)
                    pacer->ask(owners[i], turnOf[i]); // the rest later: to the back
                // A marker posted now runs before the next turn only if the pacer gives the
                // event loop a pass in between.
                QMetaObject::invokeMethod(
                    this, [&order] { order << QStringLiteral("|"); }, Qt::QueuedConnection);
            };
        }
        pacer->ask(&a, turnOf[0]);
        pacer->ask(&b, turnOf[1]);
        pacer->ask(&a, turnOf[0]); // asked again while waiting: keeps its place
        QCOMPARE(pacer->waiting(), 2);
        QVERIFY(order.isEmpty()); // nothing runs in the caller's call
        QTRY_COMPARE(pacer->waiting(), 0);
        QTRY_COMPARE(order.count(QStringLiteral("|")), 5);
        order.removeAll(QStringLiteral("|"));
        QCOMPARE(order,
                 (QStringList{QStringLiteral("a3"), QStringLiteral("b2"), QStringLiteral("a2"),
                              QStringLiteral("b1"), QStringLiteral("a1")}));
    }

    void markersRunBetweenTurns() {
        ReadinessPacer *pacer = ReadinessPacer::ofThisThread();
        QObject owner;
        int turns = 0;
        QList<int> turnsWhenMarkerRan;
        std::function<void()> turn = [&] {
            ++turns;
            if (turns < 4)
                pacer->ask(&owner, turn);
            QMetaObject::invokeMethod(
                this, [&] { turnsWhenMarkerRan << turns; }, Qt::QueuedConnection);
        };
        pacer->ask(&owner, turn);
        QTRY_COMPARE(turnsWhenMarkerRan.size(), 4);
        // All turns at once would show 4, 4, 4, 4.
        QVERIFY2(turnsWhenMarkerRan.first() < 4,
                 qPrintable(QString::number(turnsWhenMarkerRan.first())));
    }

    void withdrawnOrDestroyedOwnersDoNotRun() {
        ReadinessPacer *pacer = ReadinessPacer::ofThisThread();
        QObject kept;
        QObject withdrawn;
        auto destroyed = std::make_unique<QObject>();
        QStringList ran;
        pacer->ask(&withdrawn, [&] { ran << QStringLiteral("withdrawn"); });
        pacer->ask(destroyed.get(), [&] { ran << QStringLiteral("destroyed"); });
        pacer->ask(&kept, [&] { ran << QStringLiteral("kept"); });
        pacer->withdraw(&withdrawn);
        destroyed.reset();
        QTRY_COMPARE(ran, QStringList{QStringLiteral("kept")});
        QCOMPARE(pacer->waiting(), 0);
    }
};

BS_TEST_MAIN(TestReadinessPacer)
#include "tst_readinesspacer.moc"
