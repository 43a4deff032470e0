#include "TestMain.h"
#include "host/NodeMemoryReader.h"

using namespace bs;

class TestNodeMemory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statsArray() {
        // The array virNodeGetMemoryStats fills on Linux (VIR_NODE_MEMORY_STATS_ALL_CELLS), with
        // the figures `virsh nodememstats` showed on this project's test machine.
        virNodeMemoryStats raw[4] = {};
        const std::pair<const char *, unsigned long long> values[] = {
            {VIR_NODE_MEMORY_STATS_TOTAL, 24684092},
            {VIR_NODE_MEMORY_STATS_FREE, 20957988},
            {VIR_NODE_MEMORY_STATS_BUFFERS, 21672},
            {VIR_NODE_MEMORY_STATS_CACHED, 1453924}};
        for (int i = 0; i < 4; ++i) {
            qstrncpy(raw[i].field, values[i].first, VIR_NODE_MEMORY_STATS_FIELD_LENGTH);
            raw[i].value = values[i].second;
        }
        const NodeMemory m = nodeMemoryFromStats(copyNodeMemoryStats(raw, 4));
        QCOMPARE(m.total, std::optional<quint64>(24684092));
        QCOMPARE(m.free, std::optional<quint64>(20957988));
        QCOMPARE(m.buffers, std::optional<quint64>(21672));
        QCOMPARE(m.cached, std::optional<quint64>(1453924));
        QCOMPARE(m.freeWithCaches(), std::optional<quint64>(20957988 + 21672 + 1453924));
    }

    void partialAndUnknownFields() {
        // A single cell gives only total and free; FreeBSD gives no buffers field name we know.
        const NodeMemory m = nodeMemoryFromStats({{QStringLiteral("total"), 100},
                                                  {QStringLiteral("free"), 40},
                                                  {QStringLiteral("inactive"), 7}});
        QCOMPARE(m.total, std::optional<quint64>(100));
        QVERIFY(!m.buffers.has_value());
        QCOMPARE(m.freeWithCaches(), std::optional<quint64>(40));
        QVERIFY(!NodeMemory{}.any());
        QVERIFY(!NodeMemory{}.freeWithCaches().has_value());
    }

    void unterminatedFieldName() {
        virNodeMemoryStats raw[1];
        std::memset(raw[0].field, 'x', VIR_NODE_MEMORY_STATS_FIELD_LENGTH);
        raw[0].value = 1;
        const auto copied = copyNodeMemoryStats(raw, 1);
        QCOMPARE(copied.size(), 1);
        QCOMPARE(copied.first().first.size(), VIR_NODE_MEMORY_STATS_FIELD_LENGTH);
        QVERIFY(copyNodeMemoryStats(nullptr, 3).isEmpty());
    }

    void nodeInfoStruct() {
        // What virNodeGetInfo gives for test:///default (virsh -c test:///default nodeinfo).
        virNodeInfo info{};
        qstrncpy(info.model, "i686", sizeof(info.model));
        info.memory = 3145728;
        info.cpus = 16;
        info.mhz = 1400;
        info.nodes = 2;
        info.sockets = 2;
        info.cores = 2;
        info.threads = 2;
        const NodeInfo n = nodeInfoFrom(info);
        QCOMPARE(n.model, QStringLiteral("i686"));
        QCOMPARE(n.memory, quint64(3145728));
        QCOMPARE(n.cpus, 16u);
        QCOMPARE(n.nodes, 2u);
    }
};

BS_TEST_MAIN(TestNodeMemory)
#include "tst_nodememory.moc"
