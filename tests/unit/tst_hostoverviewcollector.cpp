#include "TestMain.h"
#include "host/HostOverviewCollector.h"
#include "libvirt/Connection.h"

using namespace bs;

namespace {

const QString TestUri = QStringLiteral("test:///default");

// A transient guest on huge pages, created in the test driver for one test.
const char *HugePageGuestXml = R"(<domain type='test'>
  <name>bs-hugepages</name>
  <memory unit='KiB'>1048576</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <memoryBacking><hugepages><page size='2048' unit='KiB'/></hugepages></memoryBacking>
  <os><type>hvm</type></os>
  <devices><memballoon model='virtio'/></devices>
</domain>)";

QString uuidOf(virDomainPtr domain) {
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(domain, uuid);
    return QString::fromLatin1(uuid);
}

// A poll as the monitor would make it for the test driver's guests (their figures as
// virsh -c test:///default dommemstat / dominfo show them).
PollCycle cycleOf(virConnectPtr conn, qint64 timeMs) {
    PollCycle cycle;
    cycle.hostId = TestUri;
    cycle.timeMs = timeMs;
    DomainList list;
    list.setSize(virConnectListAllDomains(conn, list.out(), 0));
    for (int i = 0; i < list.size(); ++i) {
        MemorySample s;
        s.hostId = TestUri;
        s.uuid = uuidOf(list.at(i));
        s.name = QString::fromUtf8(virDomainGetName(list.at(i)));
        s.timeMs = timeMs;
        virDomainInfo info{};
        virDomainGetInfo(list.at(i), &info);
        s.state = domainStateFromLibvirt(info.state);
        s.stats.maximum = info.maxMem;
        s.stats.actual = info.memory;
        s.balloon.model = BalloonModel::Virtio;
        s.statsState = isActive(s.state) ? StatsState::Off : StatsState::Inactive;
        cycle.samples.append(s);
    }
    return cycle;
}

} // namespace

class TestHostOverviewCollector : public QObject {
    Q_OBJECT

    std::unique_ptr<Connection> m_connection;
    qint64 m_now = 0;

    HostOverviewCollector makeCollector() {
        HostOverviewCollector c(TestUri);
        c.setClock([this] { return m_now; });
        return c;
    }

private Q_SLOTS:
    void initTestCase() {
        auto opened = Connection::open(TestUri, {}, nullptr);
        QVERIFY(opened.ok());
        m_connection = std::move(opened).value();
    }

    void init() { m_now = 1000; }

    void testDriverOverview() {
        HostOverviewCollector c = makeCollector();
        const PollCycle cycle = cycleOf(m_connection->get(), 1764000000000);
        const HostOverview o = c.collect(m_connection.get(), cycle);
        QVERIFY(o.connected);
        QCOMPARE(o.hostId, TestUri);
        QCOMPARE(o.timeMs, cycle.timeMs); // lines up with the guests' samples in history

        QCOMPARE(o.status(HostFigure::NodeMemory).availability, Availability::Unsupported);
        QCOMPARE(o.status(HostFigure::Ksm).availability, Availability::Unsupported);
        QVERIFY(!o.memory.any());
        QVERIFY(!o.ksm.any());
        QVERIFY(!o.ksmFigures.saved.has_value());

        QVERIFY(o.status(HostFigure::NodeInfo).isAvailable());
        QCOMPARE(o.info->memory, quint64(3145728));
        QCOMPARE(o.hostTotal(), std::optional<quint64>(3145728)); // nodeinfo stands in

        QVERIFY(o.status(HostFigure::Topology).isAvailable());
        QCOMPARE(o.topology.cells.size(), 2);
        QCOMPARE(o.pageSize, std::optional<quint64>(4));
        QCOMPARE(o.pageSizeSource, PageSizeSource::Capabilities);

        QVERIFY(o.status(HostFigure::FreeHugePages).isAvailable());
        QCOMPARE(o.hugePagePools.size(), 4);
        QCOMPARE(o.hugePagePools[0].total, std::optional<quint64>(0));
        QCOMPARE(o.hugePagePools[0].free, std::optional<quint64>(19));
        QCOMPARE(o.hugePagePools[3].free, std::optional<quint64>(201));
        QCOMPARE(o.hugePageSizes.size(), 2);

        QVERIFY(o.status(HostFigure::GuestBacking).isAvailable());
        QVERIFY(!o.guestBacking.isEmpty());
        QVERIFY(o.hugePageGuests().isEmpty());

        // The test guest: 8 GiB maximum, 2 GiB actual, against 3 GiB.
        QCOMPARE(o.overcommit.guestsActive, 1);
        QCOMPARE(o.overcommit.maximum, std::optional<quint64>(8388608));
        QCOMPARE(o.overcommit.actual, std::optional<quint64>(2097152));
        QCOMPARE(*o.overcommit.maximumRatio, 8388608.0 / 3145728.0);

        // memory stats, node info, capabilities, KSM, free pages, domain list, one XML
        QCOMPARE(o.libvirtCalls, 7);
    }

    void steadyHostCostsOneCall() {
        HostOverviewCollector c = makeCollector();
        const PollCycle cycle = cycleOf(m_connection->get(), 1);
        QCOMPARE(c.collect(m_connection.get(), cycle).libvirtCalls, 7);
        m_now += 5000;
        const HostOverview second = c.collect(m_connection.get(), cycle);
        // Unsupported calls are remembered, nodeinfo and capabilities are not due, the guests
        // did not change: only the free huge pages are read again.
        QCOMPARE(second.libvirtCalls, 1);
        QCOMPARE(second.status(HostFigure::NodeMemory).availability, Availability::Unsupported);
        QCOMPARE(second.info->memory, quint64(3145728));
        QCOMPARE(second.hugePagePools.size(), 4);
        QCOMPARE(second.guestBacking.size(),
                 c.collect(m_connection.get(), cycle).guestBacking.size());

        m_now += c.capabilitiesRefreshMs;
        // Capabilities due, and the guests' list too (5 min refresh): list + caps + free pages;
        // the guests' XML is reused (same domain ids).
        QCOMPARE(c.collect(m_connection.get(), cycle).libvirtCalls, 3);
    }

    void guestOnHugePagesAppears() {
        HostOverviewCollector c = makeCollector();
        c.collect(m_connection.get(), cycleOf(m_connection->get(), 1));
        ConnectHandle other(virConnectOpen("test:///default"));
        DomainHandle dom(virDomainCreateXML(other.get(), HugePageGuestXml, 0));
        QVERIFY(dom);
        const QString uuid = uuidOf(dom.get());

        const HostOverview o = c.collect(m_connection.get(), cycleOf(m_connection->get(), 2));
        QCOMPARE(o.libvirtCalls, 3); // free pages, the list, the new guest's XML
        const QList<GuestBacking> backed = o.hugePageGuests();
        QCOMPARE(backed.size(), 1);
        QCOMPARE(backed.first().uuid, uuid);
        QCOMPARE(backed.first().name, QStringLiteral("bs-hugepages"));
        QVERIFY(backed.first().active);
        QCOMPARE(backed.first().backing.explicitSizes(), QList<quint64>{2048});
        QCOMPARE(o.overcommit.guestsActive, 2);

        QCOMPARE(virDomainDestroy(dom.get()), 0);
        const HostOverview after = c.collect(m_connection.get(), cycleOf(m_connection->get(), 3));
        QVERIFY(after.hugePageGuests().isEmpty());
    }

    void reconnectAsksAgain() {
        HostOverviewCollector c = makeCollector();
        const PollCycle cycle = cycleOf(m_connection->get(), 1);
        c.collect(m_connection.get(), cycle);
        QVERIFY(c.reader().isGivenUp(NodeCall::MemoryStats));
        auto reopened = Connection::open(TestUri, {}, nullptr);
        QVERIFY(reopened.ok());
        QVERIFY(reopened.value()->serial() != m_connection->serial());
        const HostOverview o = c.collect(reopened.value().get(), cycle);
        QCOMPARE(o.libvirtCalls, 7); // everything asked again on the new connection
        QCOMPARE(o.status(HostFigure::NodeMemory).availability, Availability::Unsupported);
    }

    void notConnected() {
        HostOverviewCollector c = makeCollector();
        PollCycle cycle;
        cycle.hostId = TestUri;
        cycle.timeMs = 42;
        const HostOverview o = c.collect(nullptr, cycle);
        QVERIFY(!o.connected);
        QCOMPARE(o.timeMs, 42);
        for (int i = 0; i < HostFigureCount; ++i)
            QCOMPARE(o.status(HostFigure(i)).availability, Availability::NotRead);
        QCOMPARE(o.libvirtCalls, 0);
    }
};

BS_TEST_MAIN(TestHostOverviewCollector)
#include "tst_hostoverviewcollector.moc"
