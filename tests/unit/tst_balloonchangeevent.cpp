#include "TestMain.h"
#include "balloon/BalloonChangeEvent.h"
#include "balloon/BalloonPlan.h"

using namespace bs;
using OptL = std::optional<qint64>;
Q_DECLARE_METATYPE(OptL)

class TestBalloonChangeEvent : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fromStep_data() {
        QTest::addColumn<BalloonStep>("step");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("live");
        QTest::addColumn<OptL>("before");
        QTest::addColumn<OptL>("after");
        QTest::addColumn<QString>("description");

        BalloonStep live;
        live.kind = BalloonStep::Kind::LivePeriod;
        live.period = 10;
        QTest::newRow("period on") << live << "stats_period" << true << OptL() << OptL(10)
                                   << "Stats period (live): off → 10 s";
        BalloonStep off;
        off.kind = BalloonStep::Kind::PersistentPeriod;
        off.period = 0;
        off.before = 5;
        QTest::newRow("period off") << off << "stats_period" << false << OptL(5) << OptL()
                                    << "Stats period (persistent): 5 s → off";
        BalloonStep model;
        model.kind = BalloonStep::Kind::PersistentModel;
        model.period = 10;
        model.edit = MemballoonEdit::switchToVirtio(10);
        model.beforeModel = QStringLiteral("none");
        QTest::newRow("model") << model << "balloon_model" << false << OptL() << OptL(10)
                               << "Balloon device (persistent): none → virtio, stats period 10 s";
        BalloonStep target;
        target.kind = BalloonStep::Kind::LiveTarget;
        target.targetKiB = 1048576;
        target.before = 2097152;
        QTest::newRow("target") << target << "balloon_target" << true << OptL(2097152)
                                << OptL(1048576) << "Balloon target (live): 2048 MiB → 1024 MiB";
    }

    void fromStep() {
        QFETCH(BalloonStep, step);
        QFETCH(QString, key);
        QFETCH(bool, live);
        QFETCH(OptL, before);
        QFETCH(OptL, after);
        QFETCH(QString, description);
        QLocale::setDefault(QLocale::c());
        const auto e = BalloonChangeEvent::fromStep(step, QStringLiteral("qemu:///system"),
                                                    QStringLiteral("uuid-1"),
                                                    QStringLiteral("web-01"), 1700000000000);
        QCOMPARE(e.kindKey(), key);
        QCOMPARE(e.live, live);
        QCOMPARE(e.before, before);
        QCOMPARE(e.after, after);
        QCOMPARE(e.hostId, QStringLiteral("qemu:///system"));
        QCOMPARE(e.uuid, QStringLiteral("uuid-1"));
        QCOMPARE(e.name, QStringLiteral("web-01"));
        QCOMPARE(e.timeMs, qint64(1700000000000));
        QCOMPARE(e.description(), description);
    }
};

BS_TEST_MAIN(TestBalloonChangeEvent)
#include "tst_balloonchangeevent.moc"
