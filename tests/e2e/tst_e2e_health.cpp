// The watchdog (HealthWatch) on the real test bed, fed by a real monitor: a balloon target set
// through Balloonscope's own controls that the guest cannot reach is reported stuck, one it can
// reach is not. The bed's "nodriver" guest has a balloon device and a stats period but no driver:
// nothing inflates its balloon, whatever the target. The "steady" guest has its driver and
// memory to spare: a target 16 MiB under its maximum is reached within seconds.
#include "TestBed.h"
#include "TestMain.h"
#include "balloon/BalloonChangeEvent.h"
#include "balloon/BalloonResult.h"
#include "ballooncontrol/BalloonControls.h"
#include "health/HealthWatch.h"
#include "libvirt/LibvirtHandles.h"
#include "monitor/MonitoredHost.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>

#include <libvirt/libvirt.h>

using namespace bs;
using namespace bs::e2e;

namespace {

constexpr qint64 MiB = 1024;

} // namespace

class TestE2eHealth : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;

    void giveBack(const char *role) {
        ConnectHandle conn(virConnectOpen(m_bed->uri.toUtf8().constData()));
        DomainHandle d(virDomainLookupByName(
            conn.get(), m_bed->guest(QLatin1String(role)).toUtf8().constData()));
        if (d)
            virDomainSetMemoryFlags(d.get(), virDomainGetMaxMemory(d.get()),
                                    VIR_DOMAIN_AFFECT_LIVE);
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        QVERIFY2(m_bed, qPrintable(why));
    }

    void unreachableTargetIsStuck() {
        MonitorConfig config;
        config.uri = m_bed->uri;
        config.intervalSeconds = 2;
        auto host = std::make_unique<MonitoredHost>(config, std::make_shared<NoCredentials>());
        HealthWatch watch;
        HealthThresholds levels; // only the rule under test: the bed's guests have notes
        for (const char *off : {"free_page_reporting=off", "stranded=off", "stale=off",
                                "readiness=off", "need_ratio=off", "host_available=off"})
            QVERIFY(levels.apply(QLatin1String(off)).isEmpty());
        watch.setThresholds(levels);
        QObject::connect(host->worker(), &HostMonitor::cycleReady, &watch, &HealthWatch::addCycle);
        BalloonControls controls(host.get());
        // What the window does with the changes its controls make (AlertsFeature).
        QObject::connect(&controls, &BalloonControls::changeRecorded, &watch,
                         [&watch](const BalloonChangeEvent &e) {
                             if (e.kind == BalloonChangeEvent::Kind::BalloonTarget && e.live &&
                                 e.after)
                                 watch.setTarget(e.hostId, e.uuid, {*e.after, e.timeMs});
                         });
        QSignalSpy cycles(host->worker(), &HostMonitor::cycleReady);
        QSignalSpy alerts(&watch, &HealthWatch::alertsChanged);
        // The host's thread ends before the spy it emits into (a QSignalSpy records in the
        // emitting thread), whichever way the test leaves.
        const auto joined = qScopeGuard([&host] { host.reset(); });
        host->start();
        PollCycle first;
        QVERIFY(waitForCycle(
            cycles, [](const PollCycle &c) { return !c.samples.isEmpty(); }, 30000, &first));

        QList<GuestPlan> plans;
        for (const auto &[role, targetMiB] :
             {std::pair{"nodriver", qint64(150)}, std::pair{"steady", qint64(176)}}) {
            const MemorySample *s = findGuest(first, m_bed->guest(QLatin1String(role)));
            QVERIFY(s);
            GuestPlan plan;
            plan.hostId = m_bed->uri;
            plan.uuid = s->uuid;
            plan.name = s->name;
            BalloonStep step;
            step.kind = BalloonStep::Kind::LiveTarget;
            step.targetKiB = quint64(targetMiB * MiB);
            step.before =
                s->stats.actual ? std::optional<qint64>(qint64(*s->stats.actual)) : std::nullopt;
            plan.steps.append(step);
            plans.append(plan);
        }
        QSignalSpy finished(&controls, &BalloonControls::finished);
        QElapsedTimer sinceSet;
        sinceSet.start();
        controls.apply(plans);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).value<ApplySummary>().applied, 2);

        // Stuck after 3 periods of at least 10 s, and not before.
        const QString nodriver = m_bed->guest(QStringLiteral("nodriver"));
        std::optional<HealthFinding> stuck;
        while (!stuck && sinceSet.elapsed() < 90000) {
            if (!alerts.wait(5000))
                continue;
            for (const QList<QVariant> &args : std::as_const(alerts)) {
                for (const AlertChange &c : args.at(1).value<QList<AlertChange>>()) {
                    if (c.kind == AlertChange::Kind::Raised &&
                        c.finding.rule == HealthRule::StuckBalloon)
                        stuck = c.finding;
                }
            }
        }
        const qint64 after = sinceSet.elapsed();
        giveBack("nodriver");
        giveBack("steady");
        QVERIFY2(stuck, "no stuck-balloon alert within 90 s");
        qInfo("stuck reported %lld ms after the target was set", after);
        QCOMPARE(stuck->guest, nodriver);
        QVERIFY(after >= 30000 - 2000); // three periods of 10 s (a poll of slack)
        QVERIFY2(stuck->message.contains(QStringLiteral("150 MiB")), qPrintable(stuck->message));
        // The steady guest reached its target: never reported.
        for (const QList<QVariant> &args : std::as_const(alerts)) {
            for (const AlertChange &c : args.at(1).value<QList<AlertChange>>())
                QVERIFY2(c.finding.guest != m_bed->guest(QStringLiteral("steady")),
                         qPrintable(c.finding.message));
        }
    }
};

BS_TEST_MAIN(TestE2eHealth)
#include "tst_e2e_health.moc"
