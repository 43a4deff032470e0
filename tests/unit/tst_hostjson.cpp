#include "TestMain.h"
#include "host/AdviceRules.h"
#include "host/HostJson.h"
#include "host/HostOverviewCollector.h"
#include "libvirt/Connection.h"

#include <QJsonArray>

using namespace bs;

// The JSON shape `balloonscope-cli host --json` prints, from a real collection of the test
// driver: what it cannot give is null and marked "not available on this host", never 0.
class TestHostJson : public QObject {
    Q_OBJECT

    HostOverview m_overview;
    QList<Advice> m_advice;

private Q_SLOTS:
    void initTestCase() {
        auto connection = Connection::open(QStringLiteral("test:///default"), {}, nullptr);
        QVERIFY(connection.ok());
        HostOverviewCollector collector(QStringLiteral("test:///default"));
        PollCycle cycle;
        cycle.hostId = QStringLiteral("test:///default");
        cycle.timeMs = 1764000000000;
        MemorySample test;
        test.uuid = QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f");
        test.name = QStringLiteral("test");
        test.state = DomainState::Running;
        test.stats.maximum = 8388608;
        test.stats.actual = 2097152;
        test.balloon.model = BalloonModel::Virtio;
        test.statsState = StatsState::Off;
        cycle.samples = {test};
        m_overview = collector.collect(connection.value().get(), cycle);
        m_advice = adviseHost(m_overview, collector.lastGuests());
    }

    void availability() {
        const QJsonObject o = hostOverviewToJson(m_overview, m_advice);
        QCOMPARE(o.value(u"host").toString(), QStringLiteral("test:///default"));
        QCOMPARE(o.value(u"time").toString(), QStringLiteral("2025-11-24T16:00:00.000Z"));
        const QJsonObject a = o.value(u"availability").toObject();
        QCOMPARE(a.keys().size(), HostFigureCount);
        const QJsonObject mem = a.value(u"node_memory").toObject();
        QCOMPARE(mem.value(u"state").toString(), QStringLiteral("unsupported"));
        QCOMPARE(mem.value(u"text").toString(), QStringLiteral("not available on this host"));
        QVERIFY(mem.value(u"detail").toString().contains(u"virNodeGetMemoryStats"));
        QCOMPARE(a.value(u"ksm").toObject().value(u"state").toString(),
                 QStringLiteral("unsupported"));
        QCOMPARE(a.value(u"node_info").toObject().value(u"state").toString(),
                 QStringLiteral("available"));
        QVERIFY(!a.value(u"node_info").toObject().contains(u"detail"));
    }

    void absentIsNull() {
        const QJsonObject o = hostOverviewToJson(m_overview, m_advice);
        const QJsonObject node = o.value(u"node").toObject();
        QVERIFY(node.value(u"total").isNull());
        QVERIFY(node.value(u"free").isNull());
        QCOMPARE(node.value(u"host_total").toInteger(), 3145728);
        QCOMPARE(node.value(u"info").toObject().value(u"memory").toInteger(), 3145728);
        const QJsonObject ksm = o.value(u"ksm").toObject();
        QVERIFY(ksm.value(u"shm_pages_sharing").isNull());
        QVERIFY(ksm.value(u"saved").isNull());
        QVERIFY(ksm.value(u"saved_mib").isNull());
        QVERIFY(ksm.value(u"page_size").isNull()); // no KSM figure was derived with it
        QCOMPARE(o.value(u"page_size").toInteger(), 4);
        QCOMPARE(o.value(u"page_size_source").toString(), QStringLiteral("capabilities"));
    }

    void overcommitAndPages() {
        const QJsonObject o = hostOverviewToJson(m_overview, m_advice);
        const QJsonObject over = o.value(u"overcommit").toObject();
        QCOMPARE(over.value(u"maximum").toInteger(), 8388608);
        QCOMPARE(over.value(u"actual").toInteger(), 2097152);
        QCOMPARE(over.value(u"maximum_ratio").toDouble(), 2.667);
        QVERIFY(over.value(u"used").isNull());
        QCOMPARE(over.value(u"guests_reporting").toInt(), 0);

        const QJsonArray cells = o.value(u"numa_cells").toArray();
        QCOMPARE(cells.size(), 2);
        const QJsonArray pools = cells.at(1).toObject().value(u"huge_pages").toArray();
        QCOMPARE(pools.size(), 2);
        QCOMPARE(pools.at(0).toObject().value(u"page_size").toInteger(), 2048);
        QCOMPARE(pools.at(0).toObject().value(u"free").toInteger(), 97);
        QCOMPARE(pools.at(0).toObject().value(u"consistent").toBool(), false);
        QVERIFY(pools.at(0).toObject().value(u"used").isNull());
    }

    void advice() {
        const QJsonArray advice =
            hostOverviewToJson(m_overview, m_advice).value(u"advice").toArray();
        QCOMPARE(advice.size(), 2);
        const QJsonObject first = advice.at(0).toObject();
        QCOMPARE(first.value(u"rule").toString(), QStringLiteral("overcommit.maximum"));
        QCOMPARE(first.value(u"severity").toString(), QStringLiteral("warn"));
        const QJsonObject ratio =
            first.value(u"figures").toObject().value(u"maximum_ratio").toObject();
        QCOMPARE(ratio.value(u"unit").toString(), QStringLiteral("ratio"));
        QVERIFY(qAbs(ratio.value(u"value").toDouble() - 8.0 / 3.0) < 1e-9);
        QCOMPARE(advice.at(1).toObject().value(u"guests").toArray().first().toString(),
                 QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f"));
    }

    void sample() {
        const QJsonObject s = hostSampleToJson(hostSampleFrom(m_overview));
        QVERIFY(s.value(u"free").isNull());
        QVERIFY(s.value(u"ksm_saved").isNull());
        QCOMPARE(s.value(u"guests_actual").toInteger(), 2097152);
        QVERIFY(s.value(u"guests_used").isNull());
        QCOMPARE(s.value(u"huge_pages_total").toInteger(), 0);
        QVERIFY(s.value(u"huge_pages_free").isNull()); // the test driver's counts contradict
    }
};

BS_TEST_MAIN(TestHostJson)
#include "tst_hostjson.moc"
