#include "TestMain.h"
#include "policy/BalloonscopePolicy.h"
#include "policy/MomPolicy.h"
#include "policy/ProxmoxPolicy.h"

#include <QRandomGenerator>
#include <QTest>

using namespace bs;

// The balloon policies as pure functions: Proxmox's own test cases (pve-manager
// test/balloontest.pl, in its decimal MB and GB), MOM's worked example (docs/POLICIES.md), and
// properties of Balloonscope's policy over thousands of random hosts and guests.
namespace {

constexpr qint64 MB = 1000 * 1000; // balloontest.pl's units
constexpr qint64 GB = 1000 * MB;
constexpr qint64 MiB = 1024; // in KiB
constexpr qint64 GiB = 1024 * MiB;

ProxmoxGuest pve(const char *id, qint64 maxMem, int shares, qint64 balloon, qint64 min,
                 qint64 freeMem) {
    return ProxmoxGuest{QString::fromLatin1(id), balloon, min, maxMem, freeMem, shares, false};
}

QList<ProxmoxGuest> status1() {
    return {pve("100", 2 * GB, 2000, GB, GB, 0), pve("101", 2 * GB, 1000, GB, GB, 0)};
}
QList<ProxmoxGuest> status2() {
    return {pve("100", 2 * GB, 2000, 2 * GB, 2 * GB, 0), pve("101", 2 * GB, 1000, GB, GB, 0)};
}
QList<ProxmoxGuest> status3() {
    return {pve("100", 2 * GB, 2000, 2 * GB, 2 * GB, 0),
            pve("101", 2 * GB, 1000, GB + 7 * MB, GB, 0),
            pve("102", 2 * GB, 1000, GB, GB, 512 * MB)};
}

using Targets = QHash<QString, qint64>;

ProxmoxConstants testConstants() {
    ProxmoxConstants c;
    c.maxChangeBytes = 100 * MB; // balloontest.pl runs with MB(100)
    return c;
}

// balloontest.pl's absim: apply compute_alg1's answer (the guest's free memory follows its
// balloon), take what moved off the goal, again until nothing moves; every guest ever moved,
// at its last value.
Targets simulate(QList<ProxmoxGuest> &guests, qint64 goal) {
    Targets sum;
    qint64 moved = 0;
    do {
        const Targets res = proxmoxComputeAlg1(guests, goal, testConstants());
        qint64 changes = 0;
        moved = 0;
        for (ProxmoxGuest &g : guests) {
            if (!res.contains(g.id))
                continue;
            const qint64 diff = res[g.id] - g.balloon;
            if (diff == 0)
                continue;
            g.freeMem = qMax<qint64>(0, g.freeMem + diff);
            g.balloon = res[g.id];
            sum[g.id] = g.balloon;
            changes += diff;
            moved += qAbs(diff);
        }
        goal -= changes;
    } while (moved != 0);
    return sum;
}

GuestView guest(const QString &uuid, qint64 actual, qint64 maximum, qint64 need,
                qint64 unused = 0) {
    GuestView g;
    g.uuid = uuid;
    g.name = uuid;
    g.actualKiB = actual;
    g.maximumKiB = maximum;
    g.needKiB = need;
    g.unusedKiB = unused;
    g.reporting = true;
    return g;
}

const PolicyDecision &decisionOf(const QList<PolicyDecision> &all, const QString &uuid) {
    for (const PolicyDecision &d : all) {
        if (d.uuid == uuid)
            return d;
    }
    static const PolicyDecision none;
    return none;
}

} // namespace

class TestBalloonPolicies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void proxmoxPublishedCases_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("goal");
        QTest::addColumn<Targets>("expected");
        QTest::newRow("1: no goal") << 1 << qint64(0) << Targets{};
        QTest::newRow("1: +90 MB")
            << 1 << 90 * MB
            << Targets{{QStringLiteral("100"), 1060 * MB}, {QStringLiteral("101"), 1030 * MB}};
        QTest::newRow("1: +150 MB")
            << 1 << 150 * MB
            << Targets{{QStringLiteral("100"), 1100 * MB}, {QStringLiteral("101"), 1050 * MB}};
        QTest::newRow("1: +270 MB")
            << 1 << 270 * MB
            << Targets{{QStringLiteral("100"), 1100 * MB}, {QStringLiteral("101"), 1090 * MB}};
        QTest::newRow("2: no goal") << 2 << qint64(0) << Targets{};
        QTest::newRow("2: +18 MB") << 2 << 18 * MB << Targets{{QStringLiteral("101"), 1018 * MB}};
        QTest::newRow("2: +500 MB") << 2 << 500 * MB << Targets{{QStringLiteral("101"), 1100 * MB}};
        QTest::newRow("3: no goal") << 3 << qint64(0) << Targets{};
        QTest::newRow("3: +11 MB") << 3 << 11 * MB << Targets{{QStringLiteral("101"), 1018 * MB}};
        QTest::newRow("3: +80 MB") << 3 << 80 * MB << Targets{{QStringLiteral("101"), 1087 * MB}};
        QTest::newRow("3: +200 MB") << 3 << 200 * MB << Targets{{QStringLiteral("101"), 1107 * MB}};
    }
    void proxmoxPublishedCases() {
        QFETCH(int, status);
        QFETCH(qint64, goal);
        QFETCH(Targets, expected);
        const QList<ProxmoxGuest> guests = status == 1   ? status1()
                                           : status == 2 ? status2()
                                                         : status3();
        QCOMPARE(proxmoxComputeAlg1(guests, goal, testConstants()), expected);
        // The guests' order does not matter (Perl walks a hash).
        QList<ProxmoxGuest> reversed(guests.crbegin(), guests.crend());
        QCOMPARE(proxmoxComputeAlg1(reversed, goal, testConstants()), expected);
    }

    void proxmoxPublishedSimulations_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("goal");
        QTest::addColumn<Targets>("expected");
        QTest::newRow("1: +180 MB")
            << 1 << 180 * MB
            << Targets{{QStringLiteral("100"), 1120 * MB}, {QStringLiteral("101"), 1060 * MB}};
        QTest::newRow("1: +270 MB")
            << 1 << 270 * MB
            << Targets{{QStringLiteral("100"), 1180 * MB}, {QStringLiteral("101"), 1090 * MB}};
        QTest::newRow("1: +600 MB")
            << 1 << 600 * MB
            << Targets{{QStringLiteral("100"), 1300 * MB}, {QStringLiteral("101"), 1300 * MB}};
        QTest::newRow("1: +900 MB")
            << 1 << 900 * MB
            << Targets{{QStringLiteral("100"), 1600 * MB}, {QStringLiteral("101"), 1300 * MB}};
    }
    void proxmoxPublishedSimulations() {
        QFETCH(int, status);
        QFETCH(qint64, goal);
        QFETCH(Targets, expected);
        QCOMPARE(status, 1);
        QList<ProxmoxGuest> guests = status1();
        QCOMPARE(simulate(guests, goal), expected);
    }

    // balloontest.pl's chained simulations on status 3: grow by 593 MB, then give back.
    void proxmoxGrowThenShrink() {
        QList<ProxmoxGuest> grown = status3();
        QCOMPARE(simulate(grown, 593 * MB),
                 (Targets{{QStringLiteral("101"), 1300 * MB}, {QStringLiteral("102"), 1300 * MB}}));
        QList<ProxmoxGuest> s = grown;
        QCOMPARE(simulate(s, -200 * MB),
                 (Targets{{QStringLiteral("101"), 1200 * MB}, {QStringLiteral("102"), 1200 * MB}}));
        s = grown;
        QCOMPARE(simulate(s, -400 * MB),
                 (Targets{{QStringLiteral("101"), 1200 * MB}, {QStringLiteral("102"), GB}}));
        s = grown;
        QCOMPARE(simulate(s, -593 * MB),
                 (Targets{{QStringLiteral("101"), 1007 * MB}, {QStringLiteral("102"), GB}}));
    }

    // pvestatd on Balloonscope's figures: 80 % of a 16 GiB host, 14 GiB in use: 1.2 GiB too
    // much; guests without a minimum, with shares 0 or without stats are left alone.
    void proxmoxOnHostFigures() {
        HostView host{16 * GiB, 2 * GiB, 2 * GiB};
        GuestView a = guest(QStringLiteral("a"), 4 * GiB, 4 * GiB, GiB, 3 * GiB);
        a.floorKiB = GiB;
        GuestView noMin = guest(QStringLiteral("b"), 4 * GiB, 4 * GiB, GiB, 3 * GiB);
        GuestView off = a;
        off.uuid = QStringLiteral("c");
        off.shares = 0;
        GuestView silent = a;
        silent.uuid = QStringLiteral("d");
        silent.reporting = false;
        const auto d = proxmoxDecide(host, {a, noMin, off, silent});
        QCOMPARE(d.size(), 4);
        QCOMPARE(d[0].reason, DecisionReason::Shrink);
        QCOMPARE(*d[0].targetKiB, 4 * GiB - 100 * MiB); // at most 100 MiB per evaluation
        QCOMPARE(d[1].reason, DecisionReason::NoMinimum);
        QCOMPARE(d[2].reason, DecisionReason::Disabled);
        QCOMPARE(d[3].reason, DecisionReason::NotReporting);
        for (int i = 1; i < 4; ++i)
            QVERIFY(!d[i].targetKiB);
    }

    // MOM's worked example: a 64 GiB host with 10 % free; a guest with an 8 GiB balloon and
    // 3 GiB MemFree: headroom 10 %, floor 5.8 GiB, step 7.6 GiB → 7.6 GiB. At 4 % (critical)
    // the floor falls to 4.92 GiB (below the guest's use) and the step still decides.
    void momWorkedExample_data() {
        QTest::addColumn<double>("hostFree");
        QTest::addColumn<qint64>("unused");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("10 % free") << 0.10 << 3 * GiB << qint64(8 * GiB * 0.95);
        QTest::newRow("4 % free, critical") << 0.04 << 3 * GiB << qint64(8 * GiB * 0.95);
        // Little MemFree: the floor (used + 10 % of the balloon) stops the step.
        QTest::newRow("10 % free, guest busy")
            << 0.10 << 256 * MiB << qint64(8 * GiB - 256 * MiB + 0.1 * 8 * GiB + 1e-6);
    }
    void momWorkedExample() {
        QFETCH(double, hostFree);
        QFETCH(qint64, unused);
        QFETCH(qint64, expected);
        const HostView host{64 * GiB, qint64(64 * GiB * hostFree), qint64(64 * GiB * hostFree)};
        GuestView g = guest(QStringLiteral("g"), 8 * GiB, 8 * GiB, 5 * GiB, unused);
        const auto d = momDecide(host, {g});
        if (expected >= 8 * GiB) {
            QVERIFY(!d[0].targetKiB); // the floor is above the balloon: nothing to shrink
            return;
        }
        QCOMPARE(d[0].reason, DecisionReason::Shrink);
        QCOMPARE(*d[0].targetKiB, expected);
    }

    void momGrowsWithoutPressureAndKeepsItsDeadBand() {
        const HostView roomy{64 * GiB, 32 * GiB, 32 * GiB};
        GuestView g = guest(QStringLiteral("g"), 4 * GiB, 8 * GiB, GiB, 3 * GiB);
        auto d = momDecide(roomy, {g});
        QCOMPARE(d[0].reason, DecisionReason::Grow);
        QCOMPARE(*d[0].targetKiB, qint64(4 * GiB * 1.05));
        // At its maximum: nothing to grow.
        g.actualKiB = 8 * GiB;
        QCOMPARE(momDecide(roomy, {g})[0].reason, DecisionReason::AtLimit);
        // 0.1 % below its maximum: smaller than the 0.25 % dead-band.
        g.actualKiB = 8 * GiB - 8 * GiB / 1000;
        QVERIFY(!momDecide(roomy, {g})[0].targetKiB);
        // Without MemFree MOM does nothing.
        g.actualKiB = 4 * GiB;
        g.unusedKiB.reset();
        QCOMPARE(momDecide(roomy, {g})[0].reason, DecisionReason::NotReporting);
    }

    void balloonscopeShrinksInProportionAndGrowsToNeed() {
        BalloonscopeSettings s;
        s.hostTargetKiB = 12 * GiB;
        // 14 GiB in use on a 16 GiB host: 2 GiB to take back, 256 MiB per guest at most.
        const HostView host{16 * GiB, 2 * GiB, 2 * GiB};
        const GuestView idle = guest(QStringLiteral("idle"), 4 * GiB, 4 * GiB, 512 * MiB);
        const GuestView busy = guest(QStringLiteral("busy"), 4 * GiB, 4 * GiB, 3 * GiB);
        GuestView rising = guest(QStringLiteral("rising"), 2 * GiB, 4 * GiB, 2 * GiB);
        GuestView stale = guest(QStringLiteral("stale"), 4 * GiB, 4 * GiB, 512 * MiB);
        stale.reportAgeSeconds = 31; // more than 3 periods of 10 s
        const auto d = balloonscopeDecide(host, {idle, busy, rising, stale}, s);
        QCOMPARE(decisionOf(d, QStringLiteral("idle")).reason, DecisionReason::Shrink);
        QCOMPARE(*decisionOf(d, QStringLiteral("idle")).targetKiB, 4 * GiB - 256 * MiB);
        // busy: 3 GiB × 1.15 = 3.45 GiB; it gives up to the step, never below that.
        const PolicyDecision &b = decisionOf(d, QStringLiteral("busy"));
        QCOMPARE(b.reason, DecisionReason::Shrink);
        QCOMPARE(*b.targetKiB, 4 * GiB - 256 * MiB);
        // rising: 2 GiB need → 2.3 GiB at once, whatever the host.
        const PolicyDecision &r = decisionOf(d, QStringLiteral("rising"));
        QCOMPARE(r.reason, DecisionReason::GrowToNeed);
        QCOMPARE(*r.targetKiB, qint64(std::ceil(2.0 * 1.15 * 1024)) * MiB);
        QCOMPARE(decisionOf(d, QStringLiteral("stale")).reason, DecisionReason::Stale);
        // The same guest whose kernel keeps 200 MiB outside the MemTotal it reports: that on
        // top, or the balloon would not hold its need (a small guest dies of this).
        rising.overheadKiB = 200 * MiB;
        const PolicyDecision r2 =
            balloonscopeDecide(host, {rising}, s)[0]; // a copy: the list is a temporary
        QCOMPARE(r2.reason, DecisionReason::GrowToNeed);
        QCOMPARE(*r2.targetKiB, qint64(std::ceil(2.0 * 1.15 * 1024)) * MiB + 200 * MiB);
        QVERIFY(!decisionOf(d, QStringLiteral("stale")).targetKiB);

        // A host with room gives it back in proportion to what each guest lacks.
        const HostView roomy{16 * GiB, 10 * GiB, 10 * GiB};
        const GuestView small = guest(QStringLiteral("small"), 2 * GiB, 4 * GiB, 512 * MiB);
        const auto g = balloonscopeDecide(roomy, {small}, s);
        QCOMPARE(g[0].reason, DecisionReason::Grow);
        QCOMPARE(*g[0].targetKiB, 2 * GiB + 256 * MiB);
        // Within the dead-band of the target: nothing.
        s.hostTargetKiB = 6 * GiB + 8 * MiB;
        QVERIFY(!balloonscopeDecide(roomy, {small}, s)[0].targetKiB);
    }

    // Over random hosts and guests: never below need + headroom or the floor, never more than
    // the step except to reach that minimum, never a move smaller than the dead-band, nothing
    // for a guest it cannot see.
    void balloonscopeProperties() {
        QRandomGenerator rng(20261206);
        BalloonscopeSettings s;
        int moves = 0, shrinks = 0;
        for (int run = 0; run < 5000; ++run) {
            s.headroom = rng.bounded(50) / 100.0;
            s.stepKiB = (1 + rng.bounded(512)) * MiB;
            s.deadBandKiB = rng.bounded(qint64(s.stepKiB));
            s.hostTargetShare = (40 + rng.bounded(60)) / 100.0;
            const qint64 total = (4 + rng.bounded(60)) * GiB;
            const qint64 available = rng.bounded(total);
            QList<GuestView> guests;
            const int n = 1 + rng.bounded(8);
            for (int i = 0; i < n; ++i) {
                const qint64 maximum = (256 + rng.bounded(16 * 1024)) * MiB;
                GuestView g = guest(QString::number(i), 1 + rng.bounded(maximum), maximum,
                                    rng.bounded(maximum));
                g.floorKiB = rng.bounded(2) ? rng.bounded(maximum) : 0;
                g.overheadKiB = rng.bounded(2) ? rng.bounded(maximum / 8 + 1) : 0;
                g.reporting = rng.bounded(10) != 0;
                g.reportAgeSeconds = rng.bounded(40);
                g.enabled = rng.bounded(20) != 0;
                guests.append(g);
            }
            const auto decisions =
                balloonscopeDecide(HostView{total, available, available}, guests, s);
            QCOMPARE(decisions.size(), guests.size());
            for (qsizetype i = 0; i < guests.size(); ++i) {
                const GuestView &g = guests[i];
                const PolicyDecision &d = decisions[i];
                QCOMPARE(d.uuid, g.uuid);
                if (!g.enabled || !g.reporting || g.reportAgeSeconds > 3 * s.periodSeconds) {
                    QVERIFY(!d.targetKiB);
                    continue;
                }
                if (!d.targetKiB)
                    continue;
                ++moves;
                const qint64 minimum = *balloonscopeMinimumKiB(g, s);
                // The need + headroom, and the kernel's overhead outside MemTotal on top.
                const qint64 needPlusMargin =
                    qMin(g.maximumKiB, qint64(std::ceil(double(*g.needKiB) * (1 + s.headroom) +
                                                        double(g.overheadKiB))));
                QVERIFY2(*d.targetKiB >= minimum && *d.targetKiB >= needPlusMargin,
                         qPrintable(QStringLiteral("run %1 guest %2: %3 < %4")
                                        .arg(run)
                                        .arg(i)
                                        .arg(*d.targetKiB)
                                        .arg(minimum)));
                QVERIFY(*d.targetKiB <= g.maximumKiB);
                const qint64 move = qAbs(*d.targetKiB - g.actualKiB);
                if (d.reason == DecisionReason::GrowToNeed) {
                    QCOMPARE(*d.targetKiB, minimum);
                } else {
                    QVERIFY2(move <= s.stepKiB, qPrintable(QString::number(run)));
                    // Never a move under the dead-band (less the rounding to whole MiB).
                    QVERIFY2(move > 0 && move >= s.deadBandKiB - MiB,
                             qPrintable(QString::number(run)));
                    shrinks += d.reason == DecisionReason::Shrink;
                }
            }
        }
        QVERIFY(moves > 1000); // the properties were put to the test, not passed vacuously
        QVERIFY(shrinks > 100);
    }

    void keysRoundTrip() {
        for (PolicyKind k : allPolicies()) {
            QCOMPARE(policyFromKey(policyKey(k)), std::optional<PolicyKind>(k));
            QVERIFY(!policyName(k).isEmpty());
        }
        QVERIFY(!policyFromKey(QStringLiteral("ksmtuned")));
        QVERIFY(BalloonscopeSettings{}.validationError().isEmpty());
        BalloonscopeSettings bad;
        bad.deadBandKiB = bad.stepKiB;
        QVERIFY(!bad.validationError().isEmpty());
    }
};

BS_TEST_MAIN(TestBalloonPolicies)
#include "tst_balloonpolicies.moc"
