#include "TestMain.h"
#include "autopilot/AutopilotEngine.h"

#include <QRandomGenerator>
#include <QTest>

using namespace bs;

// The autopilot's decisions poll by poll: only enabled guests with fresh statistics, never below
// need + headroom or the floor (whatever the policy says), rate-limited except towards the need,
// nothing without the host's figures or after stop, the maximum given back on request.
namespace {

constexpr qint64 MiB = 1024;
constexpr qint64 GiB = 1024 * 1024;
const QString Steady = QStringLiteral("22222222-2222-2222-2222-222222222222");
const QString Rising = QStringLiteral("44444444-4444-4444-4444-444444444444");
const QString Off = QStringLiteral("55555555-5555-5555-5555-555555555555");

// A running guest reporting freshly (each poll) a need of `need` KiB with a balloon of `actual`.
MemorySample guest(const QString &uuid, qint64 t, qint64 actual, qint64 need, bool fresh = true) {
    MemorySample s;
    s.uuid = uuid;
    s.name = uuid.left(4);
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::Reporting;
    s.freshReport = fresh;
    s.balloon.period = 5;
    s.stats.actual = quint64(actual);
    s.stats.maximum = quint64(4 * GiB);
    if (fresh) {
        s.stats.available = quint64(actual);
        s.stats.usable = quint64(actual - need);
        s.stats.unused = quint64(actual - need);
        s.stats.lastUpdate = t / 1000;
    }
    return s;
}

PollCycle cycle(qint64 t, const QList<MemorySample> &samples) {
    PollCycle c;
    c.hostId = QStringLiteral("qemu:///system");
    c.timeMs = t;
    c.intervalSeconds = 5;
    c.samples = samples;
    return c;
}

HostSample host(qint64 totalKiB, qint64 freeKiB) {
    HostSample h;
    h.total = quint64(totalKiB);
    h.free = quint64(freeKiB);
    h.buffers = 0;
    h.cached = 0;
    return h;
}

GuestPolicySettings on(std::optional<qint64> floor = std::nullopt) {
    GuestPolicySettings s;
    s.enabled = true;
    s.floorKiB = floor;
    return s;
}

} // namespace

class TestAutopilotEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A host 2 GiB over its 12 GiB target: the enabled steady guest shrinks by the step, one
    // move per interval; the guest without the opt-in is never touched.
    void shrinksEnabledGuestsRateLimited() {
        AutopilotConfig c;
        c.balloonscope.hostTargetKiB = 12 * GiB;
        c.minChangeIntervalMs = 30000;
        AutopilotEngine e(c);
        e.setGuestSettings({{Steady, on()}});
        const auto first =
            e.onCycle(cycle(0, {guest(Steady, 0, 4 * GiB, GiB), guest(Off, 0, 4 * GiB, GiB)}),
                      host(16 * GiB, 2 * GiB));
        QCOMPARE(first.size(), 1);
        QCOMPARE(first[0].uuid, Steady);
        QCOMPARE(first[0].toKiB, 4 * GiB - 256 * MiB);
        QCOMPARE(first[0].reason, DecisionReason::Shrink);
        // 5 s later (the balloon moved): still over, but rate-limited.
        const auto held = e.onCycle(
            cycle(5000, {guest(Steady, 5000, first[0].toKiB, GiB), guest(Off, 5000, 4 * GiB, GiB)}),
            host(16 * GiB, 2 * GiB + 256 * MiB));
        QVERIFY(held.isEmpty());
        const auto next = e.onCycle(cycle(31000, {guest(Steady, 31000, first[0].toKiB, GiB)}),
                                    host(16 * GiB, 2 * GiB + 256 * MiB));
        QCOMPARE(next.size(), 1);
        QCOMPARE(next[0].toKiB, first[0].toKiB - 256 * MiB);
    }

    // A need that rises close to the balloon (its need + headroom above it: a guest can never use
    // more than its balloon leaves it) is met at once, rate limit or not.
    void growsToTheNeedAtOnce() {
        AutopilotConfig c;
        c.balloonscope.hostTargetKiB = 12 * GiB;
        AutopilotEngine e(c);
        e.setGuestSettings({{Rising, on()}});
        QCOMPARE(
            e.onCycle(cycle(0, {guest(Rising, 0, 2 * GiB, GiB)}), host(16 * GiB, 2 * GiB)).size(),
            1); // shrinks (the host is over its target)
        const auto grown =
            e.onCycle(cycle(5000, {guest(Rising, 5000, 2 * GiB - 256 * MiB, 1700 * MiB)}),
                      host(16 * GiB, 2 * GiB));
        QCOMPARE(grown.size(), 1);
        QCOMPARE(grown[0].reason, DecisionReason::GrowToNeed);
        QCOMPARE(grown[0].toKiB, qint64(std::ceil(1700 * 1.15)) * MiB);
    }

    // The kernel's memory outside MemTotal (actual − available) is held on top of the need;
    // a balloon still on its way to the target just set is not asked again, nor marked, each
    // poll, only after the rate limit's interval.
    void holdsTheKernelsOverheadWithoutRepeating() {
        AutopilotConfig c;
        c.balloonscope.hostTargetKiB = 12 * GiB;
        AutopilotEngine e(c);
        e.setGuestSettings({{Rising, on()}});
        auto withOverhead = [](qint64 t) {
            MemorySample s = guest(Rising, t, 2 * GiB, 1700 * MiB);
            s.stats.available = quint64(2 * GiB - 200 * MiB);
            s.stats.usable = *s.stats.available - quint64(1700 * MiB);
            return s;
        };
        const qint64 guard = qint64(std::ceil(1700 * 1.15)) * MiB + 200 * MiB;
        auto moves = e.onCycle(cycle(0, {withOverhead(0)}), host(16 * GiB, 2 * GiB));
        QCOMPARE(moves.size(), 1);
        QCOMPARE(moves[0].reason, DecisionReason::GrowToNeed);
        QCOMPARE(moves[0].toKiB, guard);
        QCOMPARE(*e.guardKiB(Rising), guard);
        // The balloon has not moved yet: nothing new to say.
        for (qint64 t = 5000; t < 30000; t += 5000)
            QVERIFY(e.onCycle(cycle(t, {withOverhead(t)}), host(16 * GiB, 2 * GiB)).isEmpty());
        // Still not there after the interval: asked once more.
        moves = e.onCycle(cycle(30000, {withOverhead(30000)}), host(16 * GiB, 2 * GiB));
        QCOMPARE(moves.size(), 1);
        QCOMPARE(moves[0].toKiB, guard);
    }

    // Stats that stopped: no report for more than three stats periods, or not reporting at all.
    void leavesGuestsItCannotSee() {
        AutopilotConfig c;
        c.balloonscope.hostTargetKiB = 12 * GiB;
        c.minChangeIntervalMs = 0;
        AutopilotEngine e(c);
        e.setGuestSettings({{Steady, on()}});
        QCOMPARE(
            e.onCycle(cycle(0, {guest(Steady, 0, 4 * GiB, GiB)}), host(16 * GiB, 2 * GiB)).size(),
            1);
        // Within 3 × 5 s of the last report: still acts on it.
        QCOMPARE(e.onCycle(cycle(10000, {guest(Steady, 10000, 4 * GiB, GiB, false)}),
                           host(16 * GiB, 2 * GiB))
                     .size(),
                 1);
        // 20 s without a report: stale, left alone.
        QVERIFY(e.onCycle(cycle(20000, {guest(Steady, 20000, 4 * GiB, GiB, false)}),
                          host(16 * GiB, 2 * GiB))
                    .isEmpty());
        // Not reporting at all.
        MemorySample silent = guest(Steady, 25000, 4 * GiB, GiB, false);
        silent.statsState = StatsState::NoDriver;
        QVERIFY(e.onCycle(cycle(25000, {silent}), host(16 * GiB, 2 * GiB)).isEmpty());
        // No host figures: nothing.
        QVERIFY(
            e.onCycle(cycle(30000, {guest(Steady, 30000, 4 * GiB, GiB)}), std::nullopt).isEmpty());
        // After a disconnection what was seen before does not count.
        e.onDisconnected();
        QVERIFY(e.onCycle(cycle(35000, {guest(Steady, 35000, 4 * GiB, GiB, false)}),
                          host(16 * GiB, 2 * GiB))
                    .isEmpty());
    }

    // MOM at critical pressure aims below the guest's use; the guard stops it at need +
    // headroom (or the guest's own floor when higher).
    void guardsAgainstAnyPolicy() {
        AutopilotConfig c;
        c.policy = PolicyKind::Mom;
        c.minChangeIntervalMs = 0;
        AutopilotEngine e(c);
        e.setGuestSettings({{Steady, on(3 * GiB + 512 * MiB)}});
        qint64 actual = 4 * GiB;
        for (int i = 0; i < 20; ++i) {
            const qint64 t = i * 15000;
            const auto a = e.onCycle(cycle(t, {guest(Steady, t, actual, GiB)}),
                                     host(256 * GiB, 256 * GiB / 100));
            if (a.isEmpty())
                continue;
            QVERIFY(a[0].toKiB >= 3 * GiB + 512 * MiB);
            actual = a[0].toKiB;
        }
        QCOMPARE(actual, 3 * GiB + 512 * MiB); // it went down, and stopped at the floor
        QCOMPARE(*e.guardKiB(Steady), 3 * GiB + 512 * MiB);
    }

    void stopsAtOnceAndGivesBack() {
        AutopilotConfig c;
        c.balloonscope.hostTargetKiB = 12 * GiB;
        AutopilotEngine e(c);
        e.setGuestSettings({{Steady, on()}});
        QVERIFY(!e.onCycle(cycle(0, {guest(Steady, 0, 3 * GiB, GiB), guest(Off, 0, 2 * GiB, GiB)}),
                           host(16 * GiB, 2 * GiB))
                     .isEmpty());
        e.stop();
        QVERIFY(e.isStopped());
        QVERIFY(
            e.onCycle(cycle(60000, {guest(Steady, 60000, 3 * GiB, GiB)}), host(16 * GiB, 2 * GiB))
                .isEmpty());
        const auto back = e.giveBackMaximum();
        QCOMPARE(back.size(), 1); // the guest without the opt-in is not ours to touch
        QCOMPARE(back[0].uuid, Steady);
        QCOMPARE(back[0].toKiB, 4 * GiB);
    }

    // Over random polls of random guests and policies: never below the guard, never above the
    // maximum, never a guest not enabled, not reporting or stale.
    void neverBelowTheGuard() {
        QRandomGenerator rng(15);
        int moves = 0;
        for (int run = 0; run < 300; ++run) {
            AutopilotConfig c;
            c.policy = allPolicies()[rng.bounded(3)];
            c.balloonscope.hostTargetShare = (20 + rng.bounded(70)) / 100.0;
            c.minChangeIntervalMs = rng.bounded(2) ? 0 : 20000;
            AutopilotEngine e(c);
            QHash<QString, GuestPolicySettings> settings;
            QHash<QString, qint64> balloons;
            for (int g = 0; g < 4; ++g) {
                const QString uuid = QString::number(g);
                if (rng.bounded(4) != 0)
                    settings.insert(uuid, on(rng.bounded(2) ? std::optional<qint64>(
                                                                  (128 + rng.bounded(2048)) * MiB)
                                                            : std::nullopt));
                balloons.insert(uuid, (256 + rng.bounded(3840)) * MiB);
            }
            e.setGuestSettings(settings);
            for (int poll = 0; poll < 30; ++poll) {
                const qint64 t = poll * 5000;
                QList<MemorySample> samples;
                for (auto it = balloons.cbegin(); it != balloons.cend(); ++it) {
                    const qint64 need = qMin(it.value() - MiB, (64 + rng.bounded(3000)) * MiB);
                    samples.append(
                        guest(it.key(), t, it.value(), qMax<qint64>(0, need), rng.bounded(5) != 0));
                }
                const qint64 total = 16 * GiB;
                const auto actions = e.onCycle(cycle(t, samples), host(total, rng.bounded(total)));
                for (const AutopilotAction &a : actions) {
                    QVERIFY(settings.value(a.uuid).enabled);
                    const auto guard = e.guardKiB(a.uuid);
                    QVERIFY(guard);
                    QVERIFY2(a.toKiB >= qMin(*guard, 4 * GiB),
                             qPrintable(QStringLiteral("%1 < %2").arg(a.toKiB).arg(*guard)));
                    QVERIFY(a.toKiB <= 4 * GiB);
                    QVERIFY(a.toKiB >= AutopilotConfig::MinimumKiB);
                    balloons[a.uuid] = a.toKiB;
                    ++moves;
                }
            }
        }
        QVERIFY(moves > 200);
    }
};

BS_TEST_MAIN(TestAutopilotEngine)
#include "tst_autopilotengine.moc"
