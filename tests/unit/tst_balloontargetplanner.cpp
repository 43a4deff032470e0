#include "TestMain.h"
#include "balloon/BalloonTargetPlanner.h"

using namespace bs;
using Kind = BalloonStep::Kind;
using Part = StepRefusal::Part;
using Kinds = QList<Kind>;
using Parts = QList<Part>;
Q_DECLARE_METATYPE(Kinds)
Q_DECLARE_METATYPE(Parts)

namespace {

constexpr quint64 MiB = units::KiBPerMiB;
constexpr quint64 GiB = units::KiBPerGiB;

// A running, persistent guest: 8 GiB maximum, ballooned to 2 GiB, using 1 GiB without cache.
GuestBalloonInfo guest(bool fresh = true) {
    GuestBalloonInfo g;
    g.hostId = QStringLiteral("qemu:///system");
    g.uuid = QStringLiteral("6f4fff89-b08c-4b44-b987-b1342cdce621");
    g.name = QStringLiteral("db-02");
    g.state = DomainState::Running;
    g.persistent = true;
    g.domainType = QStringLiteral("kvm");
    g.liveBalloon.model = BalloonModel::Virtio;
    g.liveBalloon.period = 10;
    g.persistentBalloon.model = BalloonModel::Virtio;
    g.liveMaximumKiB = 8 * GiB;
    g.liveCurrentKiB = 2 * GiB;
    g.persistentMaximumKiB = 8 * GiB;
    g.persistentCurrentKiB = 2 * GiB;
    g.stats.actual = 2 * GiB;
    g.stats.available = 2 * GiB;
    g.stats.unused = 512 * MiB;
    g.stats.usable = 1 * GiB;
    g.stats.lastUpdate = 1700000000;
    g.statsFresh = fresh;
    return g;
}

BalloonTargetRequest req(quint64 kib, ApplyScope scope = ApplyScope::Automatic) {
    BalloonTargetRequest r;
    r.targetKiB = kib;
    r.scope = scope;
    return r;
}

} // namespace

class TestBalloonTargetPlanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void limits() {
        const BalloonTargetLimits l = balloonTargetLimits(guest());
        QCOMPARE(l.usedKiB, std::optional<quint64>(1 * GiB)); // available − usable
        QCOMPARE(l.usableKiB, std::optional<quint64>(1 * GiB));
        QCOMPARE(l.floorKiB, 1 * GiB);
        QCOMPARE(l.comfortableKiB, quint64(std::ceil(1.1 * double(GiB))));
        QCOMPARE(l.maximumKiB, std::optional<quint64>(8 * GiB));
        QCOMPARE(l.actualKiB, std::optional<quint64>(2 * GiB));

        GuestBalloonInfo noUsable = guest();
        noUsable.stats.usable.reset(); // an old kernel: fall back to available − unused
        QCOMPARE(balloonTargetLimits(noUsable).usedKiB, std::optional<quint64>(1536 * MiB));

        const BalloonTargetLimits stale = balloonTargetLimits(guest(false));
        QVERIFY(!stale.usedKiB);
        QCOMPARE(stale.floorKiB, 128 * MiB);

        BalloonTargetPolicy strict;
        strict.minimumKiB = 4 * GiB;
        strict.margin = 0.5;
        QCOMPARE(balloonTargetLimits(guest(), strict).floorKiB, 4 * GiB);
        QCOMPARE(balloonTargetLimits(guest(), strict).comfortableKiB, 1536 * MiB);
    }

    void plan_data() {
        QTest::addColumn<GuestBalloonInfo>("info");
        QTest::addColumn<BalloonTargetRequest>("request");
        QTest::addColumn<Kinds>("steps");
        QTest::addColumn<Parts>("refused");
        QTest::addColumn<int>("warnings");

        QTest::newRow("comfortable shrink: live and config")
            << guest() << req(1536 * MiB) << Kinds{Kind::LiveTarget, Kind::PersistentTarget}
            << Parts{} << 0;
        QTest::newRow("within the margin: warning")
            << guest() << req(1075 * MiB) << Kinds{Kind::LiveTarget, Kind::PersistentTarget}
            << Parts{} << 1;
        QTest::newRow("below what it uses: live refused, config allowed")
            << guest() << req(900 * MiB) << Kinds{Kind::PersistentTarget} << Parts{Part::Live} << 0;
        QTest::newRow("above the maximum")
            << guest() << req(10 * GiB) << Kinds{} << Parts{Part::Live, Part::Persistent} << 0;
        QTest::newRow("below the floor")
            << guest() << req(64 * MiB) << Kinds{} << Parts{Part::Live, Part::Persistent} << 0;
        QTest::newRow("already there") << guest() << req(2 * GiB) << Kinds{} << Parts{} << 0;
        QTest::newRow("use unknown, shrinking: warning")
            << guest(false) << req(1536 * MiB) << Kinds{Kind::LiveTarget, Kind::PersistentTarget}
            << Parts{} << 1;
        QTest::newRow("use unknown, growing: fine")
            << guest(false) << req(4 * GiB) << Kinds{Kind::LiveTarget, Kind::PersistentTarget}
            << Parts{} << 0;
        QTest::newRow("live only")
            << guest() << req(4 * GiB, ApplyScope::Live) << Kinds{Kind::LiveTarget} << Parts{} << 0;

        GuestBalloonInfo inactive = guest();
        inactive.state = DomainState::Shutoff;
        inactive.liveBalloon = {};
        QTest::newRow("inactive, automatic: config")
            << inactive << req(4 * GiB) << Kinds{Kind::PersistentTarget} << Parts{} << 0;
        QTest::newRow("inactive, live asked")
            << inactive << req(4 * GiB, ApplyScope::Live) << Kinds{} << Parts{Part::Live} << 0;
        GuestBalloonInfo transient = guest();
        transient.persistent = false;
        QTest::newRow("transient, automatic: live")
            << transient << req(4 * GiB) << Kinds{Kind::LiveTarget} << Parts{} << 0;
        QTest::newRow("transient, config asked") << transient << req(4 * GiB, ApplyScope::Config)
                                                 << Kinds{} << Parts{Part::Persistent} << 0;
        GuestBalloonInfo none = guest();
        none.liveBalloon.model = BalloonModel::None;
        none.persistentBalloon.model = BalloonModel::None;
        QTest::newRow("no balloon device")
            << none << req(4 * GiB) << Kinds{} << Parts{Part::Live, Part::Persistent} << 0;
        GuestBalloonInfo readOnly = guest();
        readOnly.readOnly = true;
        QTest::newRow("read-only")
            << readOnly << req(4 * GiB) << Kinds{} << Parts{Part::Guest} << 0;
        QTest::newRow("zero") << guest() << req(0) << Kinds{} << Parts{Part::Guest} << 0;
    }

    void plan() {
        QFETCH(GuestBalloonInfo, info);
        QFETCH(BalloonTargetRequest, request);
        QFETCH(Kinds, steps);
        QFETCH(Parts, refused);
        QFETCH(int, warnings);
        const GuestPlan plan = planBalloonTarget(info, request);
        Kinds kinds;
        for (const BalloonStep &s : plan.steps) {
            kinds.append(s.kind);
            QCOMPARE(s.targetKiB, request.targetKiB);
        }
        Parts parts;
        for (const StepRefusal &r : plan.refusals)
            parts.append(r.part);
        QCOMPARE(kinds, steps);
        QCOMPARE(parts, refused);
        QCOMPARE(plan.warnings.size(), warnings);
        QCOMPARE(plan.needsConfirmation(), warnings > 0);
        if (plan.steps.isEmpty() && plan.refusals.isEmpty())
            QVERIFY(!plan.notes.isEmpty());
    }

    void messagesSayWhy() {
        const GuestPlan above = planBalloonTarget(guest(), req(10 * GiB, ApplyScope::Live));
        QCOMPARE(above.refusals.size(), 1);
        QVERIFY2(above.refusals.constFirst().reason.contains(
                     QStringLiteral("above the guest's maximum memory %1")
                         .arg(units::formatKiB(8 * GiB))),
                 qPrintable(above.refusals.constFirst().reason));
        const GuestPlan below = planBalloonTarget(guest(), req(900 * MiB, ApplyScope::Live));
        QVERIFY2(
            below.refusals.constFirst().reason.contains(
                QStringLiteral("below what the guest uses now (%1").arg(units::formatKiB(1 * GiB))),
            qPrintable(below.refusals.constFirst().reason));
        const GuestPlan tight = planBalloonTarget(guest(), req(1075 * MiB, ApplyScope::Live));
        QVERIFY2(tight.warnings.constFirst().contains(QLatin1String("less than 10 %")),
                 qPrintable(tight.warnings.constFirst()));
    }

    void confirmedWarningsLetItApply() {
        BalloonTargetRequest r = req(1075 * MiB, ApplyScope::Live);
        r.acceptWarnings = true;
        const GuestPlan plan = planBalloonTarget(guest(), r);
        QCOMPARE(plan.warnings.size(), 1); // still shown
        QVERIFY(!plan.needsConfirmation());
        QCOMPARE(plan.steps.constFirst().before, std::optional<qint64>(qint64(2 * GiB)));
    }
};

BS_TEST_MAIN(TestBalloonTargetPlanner)
#include "tst_balloontargetplanner.moc"
