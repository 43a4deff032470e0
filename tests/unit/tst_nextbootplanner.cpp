#include "TestMain.h"
#include "balloon/NextBootPlanner.h"

using namespace bs;

// "Set for next boot": which persistent lines change, in which order, and what is refused.
namespace {

constexpr quint64 GiB = 1024 * 1024;

GuestBalloonInfo guest(quint64 maximum, std::optional<quint64> current) {
    GuestBalloonInfo g;
    g.hostId = QStringLiteral("test:///default");
    g.uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
    g.name = QStringLiteral("web");
    g.persistent = true;
    g.state = DomainState::Running;
    g.persistentMaximumKiB = maximum;
    g.persistentCurrentKiB = current;
    return g;
}

} // namespace

class TestNextBootPlanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void belowTheMaximumSetsCurrentMemoryOnly() {
        const GuestPlan plan = planNextBootMemory(guest(8 * GiB, 8 * GiB), 3 * GiB);
        QCOMPARE(plan.steps.size(), 1);
        QCOMPARE(plan.steps[0].kind, BalloonStep::Kind::PersistentTarget);
        QCOMPARE(plan.steps[0].targetKiB, 3 * GiB);
        QCOMPARE(plan.steps[0].before, std::optional<qint64>(8 * GiB));
        QVERIFY(plan.needsRestart);
        QCOMPARE(
            nextBootXmlDiff(plan),
            (QStringList{QStringLiteral("-<currentMemory unit='KiB'>8388608</currentMemory>"),
                         QStringLiteral("+<currentMemory unit='KiB'>3145728</currentMemory>")}));
    }

    void aboveTheMaximumRaisesItFirst() {
        const GuestPlan plan = planNextBootMemory(guest(4 * GiB, 2 * GiB), 5 * GiB);
        QCOMPARE(plan.steps.size(), 2);
        QCOMPARE(plan.steps[0].kind, BalloonStep::Kind::PersistentMaximum);
        QCOMPARE(plan.steps[0].before, std::optional<qint64>(4 * GiB));
        QCOMPARE(plan.steps[1].kind, BalloonStep::Kind::PersistentTarget);
        QCOMPARE(plan.steps[1].before, std::optional<qint64>(2 * GiB));
        const QStringList diff = nextBootXmlDiff(plan);
        QCOMPARE(diff.size(), 4);
        QCOMPARE(diff[0], QStringLiteral("-<memory unit='KiB'>4194304</memory>"));
        QCOMPARE(diff[1], QStringLiteral("+<memory unit='KiB'>5242880</memory>"));
        QVERIFY(plan.steps[0].describe().contains(QLatin1String("maximum")));
    }

    void noCurrentMemoryMeansTheMaximum() {
        const GuestPlan same = planNextBootMemory(guest(4 * GiB, std::nullopt), 4 * GiB);
        QVERIFY(!same.hasWork());
        QVERIFY(same.refusals.isEmpty());
        QVERIFY(same.notes.join(QString()).contains(QLatin1String("already")));
    }

    void refusals_data() {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("transient") << 0 << QStringLiteral("transient");
        QTest::newRow("read-only") << 1 << QStringLiteral("read-only");
        QTest::newRow("unreadable") << 2 << QStringLiteral("could not be read");
        QTest::newRow("guest error") << 3 << QStringLiteral("gone");
    }

    void refusals() {
        QFETCH(int, what);
        GuestBalloonInfo g = guest(4 * GiB, 4 * GiB);
        if (what == 0)
            g.persistent = false;
        else if (what == 1)
            g.readOnly = true;
        else if (what == 2)
            g.persistentMaximumKiB.reset();
        else
            g.error = Error::invalidArgument(QStringLiteral("The guest is gone."));
        const GuestPlan plan = planNextBootMemory(g, 2 * GiB);
        QVERIFY(!plan.hasWork());
        QVERIFY(plan.isBlocked());
        QFETCH(QString, mentions);
        QVERIFY2(plan.refusals.first().reason.contains(mentions),
                 qPrintable(plan.refusals.first().reason));
    }
};

BS_TEST_MAIN(TestNextBootPlanner)
#include "tst_nextbootplanner.moc"
