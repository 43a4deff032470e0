#include "TestGuests.h"
#include "TestMain.h"
#include "balloon/BalloonInspector.h"
#include "ballooncontrol/GuestBalloonUpdate.h"
#include "libvirt/Connection.h"
#include "monitor/MemorySample.h"

#include <QDateTime>

using namespace bs;
using namespace bs::test;

class TestBalloonInspector : public QObject {
    Q_OBJECT

    std::unique_ptr<Connection> m_conn;

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

private Q_SLOTS:
    void initTestCase() {
        auto opened = Connection::open(QStringLiteral("test:///default"), {}, nullptr);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        m_conn = std::move(opened).value();
    }

    // The driver's own guest: running, persistent, virtio without a period, 8 GiB / 2 GiB.
    void theDefaultGuest() {
        const auto guests = inspectGuests(*m_conn, {{QStringLiteral("test")}, false}, now());
        QVERIFY(guests.ok());
        QCOMPARE(guests->size(), 1);
        const GuestBalloonInfo &g = guests->constFirst();
        QVERIFY(!g.error);
        QCOMPARE(g.name, QStringLiteral("test"));
        QCOMPARE(g.hostId, QStringLiteral("test:///default"));
        QCOMPARE(g.state, DomainState::Running);
        QVERIFY(g.persistent);
        QVERIFY(!g.readOnly);
        QCOMPARE(g.domainType, QStringLiteral("test"));
        QCOMPARE(g.liveBalloon.model, BalloonModel::Virtio);
        QCOMPARE(g.persistentBalloon.model, BalloonModel::Virtio);
        QVERIFY(!g.liveBalloon.period);
        QCOMPARE(g.liveMaximumKiB, std::optional<quint64>(8388608));
        QCOMPARE(g.liveCurrentKiB, std::optional<quint64>(2097152));
        QCOMPARE(g.persistentMaximumKiB, std::optional<quint64>(8388608));
        QCOMPARE(g.persistentCurrentKiB, std::optional<quint64>(2097152));
        QCOMPARE(g.stats.usable, std::optional<quint64>(1048576)); // the driver's static numbers
        QVERIFY(!g.statsFresh); // no period: nothing is fresh, whatever the fields say
        QVERIFY(g.persistentXml.contains(QLatin1String("<memballoon")));
    }

    void statesAndModels() {
        ScopedTestGuest off(m_conn->get(), {.name = QStringLiteral("bs-insp-off"),
                                            .balloon = QStringLiteral("<memballoon model='none'/>"),
                                            .running = false});
        ScopedTestGuest transient(m_conn->get(),
                                  {.name = QStringLiteral("bs-insp-transient"),
                                   .balloon = QStringLiteral("<memballoon model='virtio'><stats "
                                                             "period='7'/></memballoon>"),
                                   .persistent = false});
        ScopedTestGuest absent(m_conn->get(),
                               {.name = QStringLiteral("bs-insp-absent"), .balloon = QString()});
        QVERIFY2(off.ok() && transient.ok() && absent.ok(),
                 qPrintable(off.error() + transient.error() + absent.error()));

        // By name and by UUID, in the order given, with a name that does not exist in between.
        const auto guests = inspectGuests(
            *m_conn,
            {{off.name(), QStringLiteral("no-such-guest"), transient.uuid(), absent.name()}, false},
            now());
        QVERIFY(guests.ok());
        QCOMPARE(guests->size(), 4);

        const GuestBalloonInfo &g0 = guests->at(0);
        QCOMPARE(g0.state, DomainState::Shutoff);
        QVERIFY(g0.persistent);
        QCOMPARE(g0.liveBalloon.model, BalloonModel::Unknown); // not running: no live XML
        QCOMPARE(g0.persistentBalloon.model, BalloonModel::None);
        QVERIFY(!g0.liveMaximumKiB);
        QCOMPARE(g0.persistentMaximumKiB, std::optional<quint64>(4194304));

        const GuestBalloonInfo &g1 = guests->at(1);
        QVERIFY(g1.error);
        QCOMPARE(g1.error->kind, Error::Kind::NotFound);
        QVERIFY(g1.error->message.contains(QLatin1String("no-such-guest")));

        const GuestBalloonInfo &g2 = guests->at(2);
        QCOMPARE(g2.name, transient.name());
        QVERIFY(!g2.persistent);
        QCOMPARE(g2.liveBalloon.period, std::optional<int>(7));
        QCOMPARE(g2.persistentBalloon.model, BalloonModel::Unknown);
        QVERIFY(g2.persistentXml.isEmpty());

        QCOMPARE(guests->at(3).persistentBalloon.model, BalloonModel::Absent);
        QCOMPARE(guests->at(3).liveBalloon.model, BalloonModel::Absent);
    }

    void everyGuestSortedByName() {
        ScopedTestGuest a(m_conn->get(), {.name = QStringLiteral("bs-insp-all-b")});
        ScopedTestGuest b(m_conn->get(), {.name = QStringLiteral("bs-insp-all-a")});
        const auto guests = inspectGuests(*m_conn, {{}, true}, now());
        QVERIFY(guests.ok());
        QStringList names;
        for (const GuestBalloonInfo &g : *guests)
            names.append(g.name);
        QVERIFY(names.contains(QStringLiteral("test")));
        QVERIFY(names.indexOf(QStringLiteral("bs-insp-all-a")) <
                names.indexOf(QStringLiteral("bs-insp-all-b")));
        QVERIFY(std::is_sorted(names.begin(), names.end()));
    }

    void readOnlyConnectionIsMarked() {
        OpenOptions options;
        options.readOnly = true;
        auto ro = Connection::open(QStringLiteral("test:///default"), options, nullptr);
        QVERIFY(ro.ok());
        const auto guests = inspectGuests(**ro, {{QStringLiteral("test")}, false}, now());
        QVERIFY(guests.ok());
        QVERIFY(guests->constFirst().readOnly);
        QVERIFY(!guests->constFirst().error); // reading works on a read-only connection
    }

    void updateFromMonitorSample() {
        GuestBalloonInfo info;
        info.uuid = QStringLiteral("u1");
        info.state = DomainState::Running;
        MemorySample sample;
        sample.uuid = QStringLiteral("u1");
        sample.state = DomainState::Running;
        sample.freshReport = true;
        sample.statsState = StatsState::Reporting;
        sample.stats.actual = 1048576;
        sample.stats.maximum = 2097152;
        sample.stats.usable = 524288;
        updateFromSample(info, sample);
        QVERIFY(info.statsFresh);
        QCOMPARE(info.liveCurrentKiB, std::optional<quint64>(1048576));
        QCOMPARE(info.liveMaximumKiB, std::optional<quint64>(2097152));
        QCOMPARE(info.stats.usable, std::optional<quint64>(524288));

        sample.freshReport = false; // a repeat keeps the figures but not the trust, once stale
        sample.statsState = StatsState::Stale;
        sample.stats.clearGuestFields();
        updateFromSample(info, sample);
        QVERIFY(!info.statsFresh);
        QCOMPARE(info.stats.usable, std::optional<quint64>(524288));

        sample.uuid = QStringLiteral("someone-else");
        sample.stats.actual = 1;
        updateFromSample(info, sample);
        QCOMPARE(info.liveCurrentKiB, std::optional<quint64>(1048576));
    }

    void freshness_data() {
        QTest::addColumn<int>("period");
        QTest::addColumn<qint64>("ageSeconds");
        QTest::addColumn<bool>("guestFields");
        QTest::addColumn<bool>("fresh");
        QTest::newRow("just reported") << 10 << qint64(3) << true << true;
        QTest::newRow("two periods old") << 10 << qint64(24) << true << true;
        QTest::newRow("frozen") << 10 << qint64(600) << true << false;
        QTest::newRow("period off") << 0 << qint64(1) << true << false;
        QTest::newRow("only actual/rss") << 10 << qint64(1) << false << false;
        QTest::newRow("from the future (skew)") << 10 << qint64(-60) << true << false;
    }

    void freshness() {
        QFETCH(int, period);
        QFETCH(qint64, ageSeconds);
        QFETCH(bool, guestFields);
        QFETCH(bool, fresh);
        const qint64 nowMs = 1700000000000;
        BalloonStats stats;
        stats.actual = 1048576;
        if (guestFields)
            stats.usable = 524288;
        stats.lastUpdate = nowMs / 1000 - ageSeconds;
        QCOMPARE(statsLookFresh(stats, period, nowMs), fresh);
    }
};

BS_TEST_MAIN(TestBalloonInspector)
#include "tst_ballooninspector.moc"
