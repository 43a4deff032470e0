#include "TestMain.h"
#include "host/NodeMemoryReader.h"
#include "libvirt/LibvirtHandles.h"

using namespace bs;

// NodeMemoryReader against libvirt's test driver (test:///default), whose node calls were
// checked with virsh on this machine (libvirt 9.0.0): nodememstats and node-memory-tune are
// unsupported, nodeinfo gives 3145728 KiB / 16 CPUs / 2 cells / i686, freepages makes counts up.
class TestNodeMemoryReader : public QObject {
    Q_OBJECT

    ConnectHandle m_conn;
    ConnectHandle m_readOnly;

private Q_SLOTS:
    void initTestCase() {
        m_conn.reset(virConnectOpen("test:///default"));
        m_readOnly.reset(virConnectOpenReadOnly("test:///default"));
        QVERIFY(m_conn);
        QVERIFY(m_readOnly);
    }

    void unsupportedIsAskedOnce() {
        NodeMemoryReader reader(QStringLiteral("test:///default"));
        const auto first = reader.memoryStats(m_conn.get());
        QVERIFY(!first.value);
        QCOMPARE(first.status.availability, Availability::Unsupported);
        QVERIFY(first.status.detail.contains(QLatin1String("virNodeGetMemoryStats")));
        QCOMPARE(reader.takeCalls(), 1);
        QVERIFY(reader.isGivenUp(NodeCall::MemoryStats));
        QCOMPARE(virGetLastError(), nullptr); // the error was read and cleared

        const auto again = reader.memoryStats(m_conn.get());
        QCOMPARE(again.status, first.status);
        QCOMPARE(reader.takeCalls(), 0); // remembered: no call

        reader.reset(); // a new connection asks again
        QCOMPARE(reader.memoryStats(m_conn.get()).status.availability, Availability::Unsupported);
        QCOMPARE(reader.takeCalls(), 1);
    }

    void ksmUnsupported() {
        NodeMemoryReader reader;
        const auto ksm = reader.memoryParameters(m_conn.get());
        QVERIFY(!ksm.value);
        QCOMPARE(ksm.status.availability, Availability::Unsupported);
        QVERIFY(ksm.status.detail.contains(QLatin1String("virNodeGetMemoryParameters")));
        QCOMPARE(reader.takeCalls(), 1);
        QCOMPARE(reader.memoryParameters(m_conn.get()).status.availability,
                 Availability::Unsupported);
        QCOMPARE(reader.takeCalls(), 0);
    }

    void nodeInfo() {
        NodeMemoryReader reader;
        for (virConnectPtr conn : {m_conn.get(), m_readOnly.get()}) {
            const auto info = reader.nodeInfo(conn);
            QVERIFY(info.status.isAvailable());
            QVERIFY(info.value);
            QCOMPARE(info.value->memory, quint64(3145728));
            QCOMPARE(info.value->cpus, 16u);
            QCOMPARE(info.value->mhz, 1400u);
            QCOMPARE(info.value->nodes, 2u);
            QCOMPARE(info.value->sockets, 2u);
            QCOMPARE(info.value->model, QStringLiteral("i686"));
        }
    }

    void capabilitiesAndFreePages() {
        NodeMemoryReader reader;
        const auto topology = reader.capabilities(m_readOnly.get());
        QVERIFY(topology.status.isAvailable());
        QCOMPARE(topology.value->cells.size(), 2);
        const QList<quint64> sizes = topology.value->hugePageSizes();
        QCOMPARE(sizes, (QList<quint64>{2048, 1048576}));
        // The test driver fills x = 2x + 7 from 6, cell by cell, sizes within.
        const auto free = reader.freePages(m_readOnly.get(), sizes, 0, 2);
        QVERIFY(free.status.isAvailable());
        QCOMPARE(*free.value, (QList<quint64>{19, 45, 97, 201}));
        QCOMPARE(reader.takeCalls(), 2);
        // Nothing to ask: no call.
        QCOMPARE(reader.freePages(m_readOnly.get(), {}, 0, 2).value, QList<quint64>{});
        QCOMPARE(reader.takeCalls(), 0);
    }

    void lostConnectionIsNeverGivenUp() {
        // A dead connection fails every call; that is the monitor's business (it reconnects),
        // not a reason to stop asking on the next connection... or this one.
        NodeMemoryReader reader;
        for (int i = 0; i < NodeMemoryReader::MaxFailures + 2; ++i) {
            const auto info = reader.nodeInfo(nullptr);
            QCOMPARE(info.status.availability, Availability::Failed);
            QVERIFY(!info.status.detail.isEmpty());
        }
        QVERIFY(!reader.isGivenUp(NodeCall::NodeInfo));
        QCOMPARE(reader.takeCalls(), NodeMemoryReader::MaxFailures + 2);
    }
};

BS_TEST_MAIN(TestNodeMemoryReader)
#include "tst_nodememoryreader.moc"
