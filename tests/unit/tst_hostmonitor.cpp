#include "TestMain.h"
#include "common/ThreadPriority.h"
#include "libvirt/LibvirtHandles.h"
#include "metrics/DerivedMetrics.h"
#include "monitor/MonitoredHost.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QThread>

using namespace bs;

namespace {

const QString TestUri = QStringLiteral("test:///default");

const char *TransientXml = R"(<domain type='test'>
  <name>bs-transient</name>
  <memory unit='KiB'>1048576</memory>
  <currentMemory unit='KiB'>524288</currentMemory>
  <os><type>hvm</type></os>
  <devices><memballoon model='virtio'><stats period='10'/></memballoon></devices>
</domain>)";

MonitorConfig testConfig(int interval = 1) {
    MonitorConfig c;
    c.uri = TestUri;
    c.intervalSeconds = interval;
    return c;
}

const MemorySample *findGuest(const PollCycle &cycle, const QString &name) {
    for (const MemorySample &s : cycle.samples) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

// Waits for a cycle that satisfies `pred`, up to `ms`.
bool waitForCycle(QSignalSpy &spy, const std::function<bool(const PollCycle &)> &pred, int ms) {
    QElapsedTimer timer;
    timer.start();
    int seen = 0;
    while (timer.elapsed() < ms) {
        for (; seen < spy.size(); ++seen) {
            if (pred(spy.at(seen).at(0).value<PollCycle>()))
                return true;
        }
        spy.wait(int(qMax<qint64>(1, ms - timer.elapsed())));
    }
    for (; seen < spy.size(); ++seen) {
        if (pred(spy.at(seen).at(0).value<PollCycle>()))
            return true;
    }
    return false;
}

bool waitForStatus(QSignalSpy &spy, HostStatus::State state, int ms, HostStatus *out = nullptr) {
    QElapsedTimer timer;
    timer.start();
    int seen = 0;
    do {
        for (; seen < spy.size(); ++seen) {
            const auto status = spy.at(seen).at(0).value<HostStatus>();
            if (status.state == state) {
                if (out)
                    *out = status;
                return true;
            }
        }
    } while (timer.elapsed() < ms && spy.wait(int(qMax<qint64>(1, ms - timer.elapsed()))));
    for (; seen < spy.size(); ++seen) {
        const auto status = spy.at(seen).at(0).value<HostStatus>();
        if (status.state == state) {
            if (out)
                *out = status;
            return true;
        }
    }
    return false;
}

} // namespace

class TestHostMonitor : public QObject {
    Q_OBJECT

    // A second connection to the same test driver instance, acting as "someone else".
    ConnectHandle m_other;

private Q_SLOTS:
    void initTestCase() {
        m_other.reset(virConnectOpen("test:///default"));
        QVERIFY(m_other);
    }

    void samplesArrive() {
        auto owner =
            std::make_unique<MonitoredHost>(testConfig(), std::make_shared<NoCredentials>());
        MonitoredHost &host = *owner;
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy statuses(host.worker(), &HostMonitor::statusChanged);
        // Its thread emits straight into the spies: it ends before they do, however the
        // test returns.
        const auto joined = qScopeGuard([&owner] { owner.reset(); });
        host.start();
        QVERIFY(cycles.wait(10000));
        const auto cycle = cycles.first().first().value<PollCycle>();
        QCOMPARE(cycle.hostId, TestUri);
        QCOMPARE(cycle.intervalSeconds, 1);
        const MemorySample *test = findGuest(cycle, QStringLiteral("test"));
        QVERIFY(test);
        QCOMPARE(test->state, DomainState::Running);
        QCOMPARE(test->stats.actual, std::optional<quint64>(2097152));
        QCOMPARE(test->stats.available, std::optional<quint64>(2097152));
        QCOMPARE(test->stats.unused, std::optional<quint64>(1048576));
        QCOMPARE(deriveMetrics(test->stats).used, std::optional<quint64>(1048576));
        QCOMPARE(test->stats.maximum, std::optional<quint64>(8388608));
        QVERIFY(test->freshReport);
        QCOMPARE(test->balloon.model, BalloonModel::Virtio);
        QCOMPARE(test->statsState, StatsState::Off); // no <stats period> in its XML
        QVERIFY(cycle.usedFallback); // the test driver's bulk call has no balloon group
        QVERIFY(waitForStatus(statuses, HostStatus::State::Connected, 1000));

        // The second poll repeats the same report (same last_update): guest fields dropped.
        QVERIFY(cycles.wait(5000));
        const auto second = cycles.at(1).first().value<PollCycle>();
        const MemorySample *again = findGuest(second, QStringLiteral("test"));
        QVERIFY(again);
        QVERIFY(!again->freshReport);
        QVERIFY(!again->stats.unused.has_value());
        QCOMPARE(again->stats.actual, std::optional<quint64>(2097152));
    }

    void guestsComeAndGoByEvents() {
        // Interval 3600 s: anything seen after the first poll came from a lifecycle event.
        auto owner =
            std::make_unique<MonitoredHost>(testConfig(3600), std::make_shared<NoCredentials>());
        MonitoredHost &host = *owner;
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy removed(host.worker(), &HostMonitor::guestsRemoved);
        QSignalSpy events(host.worker(), &HostMonitor::lifecycleEvent);
        // Its thread emits straight into the spies: it ends before they do, however the
        // test returns.
        const auto joined = qScopeGuard([&owner] { owner.reset(); });
        host.start();
        QVERIFY(cycles.wait(10000));

        DomainHandle dom(virDomainCreateXML(m_other.get(), TransientXml, 0));
        QVERIFY(dom);
        char uuid[VIR_UUID_STRING_BUFLEN];
        QCOMPARE(virDomainGetUUIDString(dom.get(), uuid), 0);

        QElapsedTimer shown;
        shown.start();
        QVERIFY(waitForCycle(
            cycles,
            [](const PollCycle &c) {
                return findGuest(c, QStringLiteral("bs-transient")) != nullptr;
            },
            2000));
        QVERIFY2(shown.elapsed() < 2000, "a started guest must show within 2 s");
        QVERIFY(!events.isEmpty());
        const auto started = events.first().first().value<LifecycleEvent>();
        QCOMPARE(started.name, QStringLiteral("bs-transient"));
        QCOMPARE(started.event, int(VIR_DOMAIN_EVENT_STARTED));

        const MemorySample *guest =
            findGuest(cycles.last().first().value<PollCycle>(), QStringLiteral("bs-transient"));
        QVERIFY(guest);
        QCOMPARE(guest->balloon.period, std::optional<int>(10));
        QVERIFY(!guest->persistent);

        QCOMPARE(virDomainDestroy(dom.get()), 0);
        QVERIFY(removed.wait(2000));
        QCOMPARE(removed.first().at(1).toStringList(), QStringList{QString::fromLatin1(uuid)});
        QVERIFY(waitForCycle(
            cycles,
            [](const PollCycle &c) {
                return findGuest(c, QStringLiteral("bs-transient")) == nullptr;
            },
            2000));
    }

    void persistentGuestDestroyedStaysAsShutOff() {
        auto owner =
            std::make_unique<MonitoredHost>(testConfig(3600), std::make_shared<NoCredentials>());
        MonitoredHost &host = *owner;
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        // Its thread emits straight into the spies: it ends before they do, however the
        // test returns.
        const auto joined = qScopeGuard([&owner] { owner.reset(); });
        host.start();
        QVERIFY(cycles.wait(10000));
        DomainHandle test(virDomainLookupByName(m_other.get(), "test"));
        QVERIFY(test);
        QCOMPARE(virDomainDestroy(test.get()), 0);
        QVERIFY(waitForCycle(
            cycles,
            [](const PollCycle &c) {
                const MemorySample *s = findGuest(c, QStringLiteral("test"));
                return s && s->state == DomainState::Shutoff &&
                       s->statsState == StatsState::Inactive;
            },
            2000));
        QCOMPARE(virDomainCreate(test.get()), 0); // leave it as we found it
        QVERIFY(waitForCycle(
            cycles,
            [](const PollCycle &c) {
                const MemorySample *s = findGuest(c, QStringLiteral("test"));
                return s && s->state == DomainState::Running;
            },
            2000));
    }

    void connectionCloseIsReportedAndRecovered() {
        auto owner =
            std::make_unique<MonitoredHost>(testConfig(1), std::make_shared<NoCredentials>());
        MonitoredHost &host = *owner;
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy statuses(host.worker(), &HostMonitor::statusChanged);
        // Its thread emits straight into the spies: it ends before they do, however the
        // test returns.
        const auto joined = qScopeGuard([&owner] { owner.reset(); });
        host.start();
        QVERIFY(cycles.wait(10000));

        // Exactly what libvirt's event thread calls when the daemon goes away.
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        static_cast<ConnectionEventSink *>(host.worker())
            ->connectionClosed(VIR_CONNECT_CLOSE_REASON_EOF);
        HostStatus down;
        QVERIFY(waitForStatus(statuses, HostStatus::State::Disconnected, 2000, &down));
        QVERIFY(down.reason.contains(QLatin1String("closed")));
        QVERIFY(down.nextRetryMs >= before);
        QVERIFY(down.summary(before).contains(QLatin1String("retry in")));

        statuses.clear();
        cycles.clear();
        QVERIFY(waitForStatus(statuses, HostStatus::State::Connected, 5000));
        QVERIFY(cycles.wait(5000));
    }

    void unreachableHostRetriesWithBackoff() {
        MonitorConfig c;
        c.uri = QStringLiteral("qemu+unix:///system?socket=/nonexistent/balloonscope-test.sock");
        auto owner = std::make_unique<MonitoredHost>(c, std::make_shared<NoCredentials>());
        MonitoredHost &host = *owner;
        QSignalSpy statuses(host.worker(), &HostMonitor::statusChanged);
        // Its thread emits straight into the spies: it ends before they do, however the
        // test returns.
        const auto joined = qScopeGuard([&owner] { owner.reset(); });
        host.start();
        HostStatus first;
        QVERIFY(waitForStatus(statuses, HostStatus::State::Disconnected, 5000, &first));
        QVERIFY2(first.detail.contains(QLatin1String("balloonscope-test.sock")),
                 qPrintable(first.detail));
        statuses.clear();
        HostStatus second;
        QVERIFY(waitForStatus(statuses, HostStatus::State::Disconnected, 5000, &second));
        // the second wait is longer than the first (1 s, then 2 s)
        QVERIFY(second.nextRetryMs - QDateTime::currentMSecsSinceEpoch() > 1000);
    }

    void stopIsReported() {
        auto owner =
            std::make_unique<MonitoredHost>(testConfig(), std::make_shared<NoCredentials>());
        MonitoredHost &host = *owner;
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy statuses(host.worker(), &HostMonitor::statusChanged);
        // Its thread emits straight into the spies: it ends before they do, however the
        // test returns.
        const auto joined = qScopeGuard([&owner] { owner.reset(); });
        host.start();
        QVERIFY(cycles.wait(10000));
        host.stop();
        QVERIFY(waitForStatus(statuses, HostStatus::State::Stopped, 2000));
        cycles.clear();
        QVERIFY(!cycles.wait(2500)); // no more polls once stopped
    }

    void jobsRunOnTheHostThread() {
        auto owner =
            std::make_unique<MonitoredHost>(testConfig(), std::make_shared<NoCredentials>());
        MonitoredHost &host = *owner;
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        // Its thread emits straight into the spies: it ends before they do, however the
        // test returns.
        const auto joined = qScopeGuard([&owner] { owner.reset(); });
        host.start();
        QVERIFY(cycles.wait(10000));
        QThread *jobThread = nullptr;
        bool connected = false;
        QSignalSpy done(host.worker(), &HostMonitor::statusChanged); // any queued signal will do
        std::atomic_bool ran{false};
        host.submit([&](Connection *conn) {
            jobThread = QThread::currentThread();
            connected = conn && conn->isAlive();
            ran = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(ran.load(), 5000);
        QVERIFY(jobThread != QThread::currentThread());
        QVERIFY(connected);
    }

    // A background monitor (the window's) runs its thread at a lower priority than the caller's;
    // a default one (the recorder's) at the same.
    void backgroundMonitorsYieldTheCpu_data() {
        QTest::addColumn<bool>("background");
        QTest::newRow("background") << true;
        QTest::newRow("default") << false;
    }

    void backgroundMonitorsYieldTheCpu() {
        QFETCH(bool, background);
        MonitorConfig config = testConfig();
        config.background = background;
        auto owner = std::make_unique<MonitoredHost>(config, std::make_shared<NoCredentials>());
        const auto joined = qScopeGuard([&owner] { owner.reset(); });
        owner->start();
        std::atomic_int nice{-100};
        owner->submit([&](Connection *) { nice = thisThreadNice(); });
        QTRY_VERIFY_WITH_TIMEOUT(nice.load() != -100, 5000);
        const int mine = thisThreadNice();
        if (background)
            QVERIFY2(nice.load() > mine || mine == 19,
                     qPrintable(QStringLiteral("%1 vs %2").arg(nice.load()).arg(mine)));
        else
            QCOMPARE(nice.load(), mine);
    }
};

BS_TEST_MAIN(TestHostMonitor)
#include "tst_hostmonitor.moc"
