#include "TestMain.h"
#include "host/HostOverviewFeed.h"

#include <QSignalSpy>

using namespace bs;

namespace {

MonitorConfig testConfig() {
    MonitorConfig c;
    c.uri = QStringLiteral("test:///default");
    c.intervalSeconds = 1;
    return c;
}

bool hasRule(const QList<Advice> &advice, const QString &id) {
    return std::any_of(advice.cbegin(), advice.cend(),
                       [&](const Advice &a) { return a.ruleId == id; });
}

} // namespace

// The feed on a real monitor of the test driver: one overview per guest poll, delivered on this
// thread, with the advice and a history row stamped with the poll's time.
class TestHostOverviewFeed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void overviewPerPoll() {
        MonitoredHost host(testConfig(), std::make_shared<NoCredentials>());
        HostOverviewFeed feed(&host);
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy overviews(&feed, &HostOverviewFeed::overviewReady);
        QSignalSpy samples(&feed, &HostOverviewFeed::sampleReady);
        host.start();
        QVERIFY(overviews.wait(10000));
        QCOMPARE(samples.size(), overviews.size());

        const auto overview = overviews.first().at(0).value<HostOverview>();
        const auto advice = overviews.first().at(1).value<QList<Advice>>();
        QVERIFY(overview.connected);
        QCOMPARE(overview.hostId, QStringLiteral("test:///default"));
        QCOMPARE(overview.status(HostFigure::NodeMemory).availability, Availability::Unsupported);
        QCOMPARE(overview.info->memory, quint64(3145728));
        QVERIFY(feed.last().has_value());

        // Stamped with the time of the poll it was combined with.
        const auto cycle = cycles.first().first().value<PollCycle>();
        QCOMPARE(overview.timeMs, cycle.timeMs);
        const auto sample = samples.first().first().value<HostSample>();
        QCOMPARE(sample.timeMs, cycle.timeMs);
        QVERIFY(!sample.total.has_value()); // unsupported: absent, not 0
        QVERIFY(!sample.ksmSaved.has_value());
        QCOMPARE(sample.guestsMaximum, std::optional<quint64>(8388608));
        QCOMPARE(sample.guestsActual, std::optional<quint64>(2097152));
        QCOMPARE(sample.guestsActive, 1);

        // 8 GiB of maximum on a 3 GiB host, and its only guest has no stats period.
        QVERIFY(hasRule(advice, QStringLiteral("overcommit.maximum")));
        QVERIFY(hasRule(advice, QStringLiteral("balloon.no-stats")));

        // And again at the next poll.
        QVERIFY(overviews.wait(5000));
    }

    void disabledFeedMakesNoCalls() {
        MonitoredHost host(testConfig(), std::make_shared<NoCredentials>());
        HostOverviewFeed feed(&host);
        feed.setEnabled(false);
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy overviews(&feed, &HostOverviewFeed::overviewReady);
        host.start();
        QVERIFY(cycles.wait(10000));
        QVERIFY(cycles.wait(5000));
        QCOMPARE(overviews.size(), 0);
        feed.setEnabled(true);
        QVERIFY(overviews.wait(5000));
    }

    void feedDestroyedWhileCollecting() {
        MonitoredHost host(testConfig(), std::make_shared<NoCredentials>());
        auto *feed = new HostOverviewFeed(&host);
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        host.start();
        QVERIFY(cycles.wait(10000));
        // The first cycle reached the feed queued; destroy it with its job possibly in flight.
        QCoreApplication::processEvents();
        delete feed;
        QVERIFY(cycles.wait(5000)); // the host goes on; nothing touched the dead feed
    }
};

BS_TEST_MAIN(TestHostOverviewFeed)
#include "tst_hostoverviewfeed.moc"
