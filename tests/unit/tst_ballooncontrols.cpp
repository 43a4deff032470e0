#include "TestGuests.h"
#include "TestMain.h"
#include "balloon/StatsPeriodPlanner.h"
#include "ballooncontrol/BalloonControls.h"
#include "monitor/MonitoredHost.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>

using namespace bs;
using namespace bs::test;

namespace {

MonitorConfig testConfig() {
    MonitorConfig c;
    c.uri = QStringLiteral("test:///default");
    c.intervalSeconds = 1;
    return c;
}

bool waitConnected(MonitoredHost &host) {
    QSignalSpy status(host.worker(), &HostMonitor::statusChanged);
    host.start();
    for (int i = 0; i < 50; ++i) {
        for (const auto &args : std::as_const(status)) {
            if (args.at(0).value<HostStatus>().state == HostStatus::State::Connected)
                return true;
        }
        status.wait(200);
    }
    return false;
}

StatsPeriodRequest tenSeconds() {
    StatsPeriodRequest r;
    r.period = *StatsPeriodSetting::seconds(10);
    return r;
}

QList<GuestBalloonInfo> inspectNow(BalloonControls &controls, const GuestSelection &selection) {
    QSignalSpy inspected(&controls, &BalloonControls::inspected);
    const quint64 op = controls.inspect(selection);
    if (!inspected.wait(5000) || inspected.constFirst().at(0).toULongLong() != op)
        return {};
    return inspected.constFirst().at(1).value<QList<GuestBalloonInfo>>();
}

} // namespace

class TestBalloonControls : public QObject {
    Q_OBJECT

    ConnectHandle m_conn;

private Q_SLOTS:
    void initTestCase() {
        m_conn.reset(virConnectOpen("test:///default"));
        QVERIFY(m_conn);
    }

    void oneGuestEndToEnd() {
        ScopedTestGuest guest(m_conn.get(), {.name = QStringLiteral("bs-ctl-one")});
        QVERIFY(guest.ok());
        MonitoredHost host(testConfig(), std::make_shared<NoCredentials>());
        QVERIFY(waitConnected(host));
        BalloonControls controls(&host);

        const QList<GuestBalloonInfo> guests = inspectNow(controls, {{guest.name()}, false});
        QCOMPARE(guests.size(), 1);
        QCOMPARE(guests.constFirst().uuid, guest.uuid());

        QSignalSpy progress(&controls, &BalloonControls::progress);
        QSignalSpy applied(&controls, &BalloonControls::guestApplied);
        QSignalSpy changes(&controls, &BalloonControls::changeRecorded);
        QSignalSpy finished(&controls, &BalloonControls::finished);
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QThread *signalThread = nullptr;
        connect(&controls, &BalloonControls::guestApplied, this,
                [&] { signalThread = QThread::currentThread(); });
        const quint64 op = controls.apply({planStatsPeriod(guests.constFirst(), tenSeconds())});
        QVERIFY(finished.wait(5000));

        QCOMPARE(signalThread, QThread::currentThread()); // values arrive on the GUI thread
        QCOMPARE(progress.size(), 1);
        const auto p = progress.constFirst().at(0).value<ApplyProgress>();
        QCOMPARE(p.operation, op);
        QCOMPARE(p.total, 1);
        QCOMPARE(p.name, guest.name());
        QCOMPARE(applied.size(), 1);
        const auto result = applied.constFirst().at(0).value<GuestApplyResult>();
        QCOMPARE(result.operation, op);
        QCOMPARE(result.outcome, GuestOutcome::Applied);
        QCOMPARE(changes.size(), 2);
        const auto summary = finished.constFirst().at(0).value<ApplySummary>();
        QCOMPARE(summary.applied, 1);
        QVERIFY(summary.allGood());

        // The monitor was told: its next cycle shows the new live period.
        const auto sawPeriod = [&] {
            for (const auto &args : std::as_const(cycles)) {
                for (const MemorySample &s : args.at(0).value<PollCycle>().samples) {
                    if (s.uuid == guest.uuid() && s.balloon.period == 10)
                        return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawPeriod(), 5000);
    }

    // A hundred guests are many of these: every kind of guest gets a result, in order.
    void mixedSelection() {
        ScopedTestGuest virtio(m_conn.get(), {.name = QStringLiteral("bs-ctl-a-virtio")});
        ScopedTestGuest none(m_conn.get(),
                             {.name = QStringLiteral("bs-ctl-b-none"),
                              .balloon = QStringLiteral("<memballoon model='none'/>")});
        ScopedTestGuest off(m_conn.get(),
                            {.name = QStringLiteral("bs-ctl-c-off"), .running = false});
        ScopedTestGuest transient(
            m_conn.get(), {.name = QStringLiteral("bs-ctl-d-transient"), .persistent = false});
        QVERIFY(virtio.ok() && none.ok() && off.ok() && transient.ok());
        MonitoredHost host(testConfig(), std::make_shared<NoCredentials>());
        QVERIFY(waitConnected(host));
        BalloonControls controls(&host);

        const QList<GuestBalloonInfo> guests =
            inspectNow(controls, {{virtio.name(), none.name(), off.name(), transient.name(),
                                   QStringLiteral("bs-ctl-e-missing")},
                                  false});
        QCOMPARE(guests.size(), 5);
        QList<GuestPlan> plans;
        for (const GuestBalloonInfo &g : guests)
            plans.append(planStatsPeriod(g, tenSeconds()));

        QSignalSpy progress(&controls, &BalloonControls::progress);
        QSignalSpy applied(&controls, &BalloonControls::guestApplied);
        QSignalSpy finished(&controls, &BalloonControls::finished);
        controls.apply(plans);
        QVERIFY(finished.wait(5000));
        QCOMPARE(progress.size(), 5);
        QCOMPARE(applied.size(), 5);
        QList<GuestOutcome> outcomes;
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(progress.at(i).at(0).value<ApplyProgress>().index, i);
            outcomes.append(applied.at(i).at(0).value<GuestApplyResult>().outcome);
        }
        QCOMPARE(outcomes, (QList<GuestOutcome>{GuestOutcome::Applied, GuestOutcome::Failed,
                                                GuestOutcome::Applied, GuestOutcome::Applied,
                                                GuestOutcome::Failed}));
        const auto noneResult = applied.at(1).at(0).value<GuestApplyResult>();
        QVERIFY2(noneResult.details().contains(QLatin1String("--switch-to-virtio")),
                 qPrintable(noneResult.details()));
        const auto summary = finished.constFirst().at(0).value<ApplySummary>();
        QCOMPARE(summary.applied, 3);
        QCOMPARE(summary.failed, 2);
        QVERIFY(!summary.allGood());
    }

    void notConnected() {
        MonitoredHost host(testConfig(), std::make_shared<NoCredentials>()); // never started
        BalloonControls controls(&host);
        QSignalSpy failed(&controls, &BalloonControls::inspectFailed);
        controls.inspect({{QStringLiteral("test")}, true});
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.constFirst().at(1).value<Error>().message.contains(
            QLatin1String("Not connected")));

        GuestPlan plan;
        plan.uuid = QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f");
        plan.name = QStringLiteral("test");
        plan.steps.append(BalloonStep{});
        QSignalSpy applied(&controls, &BalloonControls::guestApplied);
        QSignalSpy finished(&controls, &BalloonControls::finished);
        controls.apply({plan});
        QVERIFY(finished.wait(5000));
        const auto result = applied.constFirst().at(0).value<GuestApplyResult>();
        QCOMPARE(result.outcome, GuestOutcome::Failed);
        QCOMPARE(result.steps.constFirst().outcome, StepResult::Outcome::NotAttempted);
        QVERIFY(result.details().contains(QLatin1String("nothing was changed")));
    }

    void hostDestroyedFirst() {
        auto *host = new MonitoredHost(testConfig(), std::make_shared<NoCredentials>());
        BalloonControls controls(host);
        delete host; // the window closed the host first
        QSignalSpy failed(&controls, &BalloonControls::inspectFailed);
        controls.inspect({{}, true});
        QVERIFY(failed.wait(2000));
        GuestPlan plan;
        plan.name = QStringLiteral("web-01");
        plan.steps.append(BalloonStep{});
        QSignalSpy applied(&controls, &BalloonControls::guestApplied);
        QSignalSpy finished(&controls, &BalloonControls::finished);
        controls.apply({plan, plan});
        QVERIFY(finished.wait(2000));
        QCOMPARE(applied.size(), 2);
        QCOMPARE(finished.constFirst().at(0).value<ApplySummary>().failed, 2);
    }

    void cancelStopsBeforeTheNextGuest() {
        ScopedTestGuest a(m_conn.get(), {.name = QStringLiteral("bs-ctl-cancel-a")});
        ScopedTestGuest b(m_conn.get(), {.name = QStringLiteral("bs-ctl-cancel-b")});
        QVERIFY(a.ok() && b.ok());
        MonitoredHost host(testConfig(), std::make_shared<NoCredentials>());
        QVERIFY(waitConnected(host));
        BalloonControls controls(&host);
        const auto guests = inspectNow(controls, {{a.name(), b.name()}, false});
        QCOMPARE(guests.size(), 2);

        QSemaphore started;
        QSemaphore proceed;
        controls.setBeforeStep([&](const GuestPlan &plan, int step) {
            if (plan.name == a.name() && step == 0) {
                started.release();
                proceed.acquire(); // hold the worker until the GUI thread has cancelled
            }
        });
        QSignalSpy applied(&controls, &BalloonControls::guestApplied);
        QSignalSpy finished(&controls, &BalloonControls::finished);
        const quint64 op = controls.apply({planStatsPeriod(guests.at(0), tenSeconds()),
                                           planStatsPeriod(guests.at(1), tenSeconds())});
        QVERIFY(started.tryAcquire(1, 5000));
        controls.cancel(op);
        proceed.release();
        QVERIFY(finished.wait(5000));
        QCOMPARE(applied.size(), 2);
        QCOMPARE(applied.at(0).at(0).value<GuestApplyResult>().outcome, GuestOutcome::Applied);
        const auto second = applied.at(1).at(0).value<GuestApplyResult>();
        QCOMPARE(second.outcome, GuestOutcome::Failed);
        QVERIFY(second.details().contains(QLatin1String("Cancelled")));
        QVERIFY(finished.constFirst().at(0).value<ApplySummary>().cancelled);
        QVERIFY(!parseBalloonConfig(b.xml()).period); // really untouched
    }

    void destroyedWhileApplying() {
        ScopedTestGuest a(m_conn.get(), {.name = QStringLiteral("bs-ctl-gone")});
        QVERIFY(a.ok());
        MonitoredHost host(testConfig(), std::make_shared<NoCredentials>());
        QVERIFY(waitConnected(host));
        auto *controls = new BalloonControls(&host);
        const auto guests = inspectNow(*controls, {{a.name()}, false});
        QCOMPARE(guests.size(), 1);
        QSemaphore started;
        QSemaphore proceed;
        controls->setBeforeStep([&](const GuestPlan &, int step) {
            if (step == 0) {
                started.release();
                proceed.acquire();
            }
        });
        controls->apply({planStatsPeriod(guests.constFirst(), tenSeconds())});
        QVERIFY(started.tryAcquire(1, 5000));
        delete controls; // the dialog closes while the worker is inside a call
        proceed.release();
        // The worker finishes and its posts are dropped: nothing crashes, the change is made.
        QTRY_COMPARE_WITH_TIMEOUT(parseBalloonConfig(a.xml()).period, std::optional<int>(10), 5000);
        QTest::qWait(200);
    }
};

BS_TEST_MAIN(TestBalloonControls)
#include "tst_ballooncontrols.moc"
