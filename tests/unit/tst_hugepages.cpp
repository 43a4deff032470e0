#include "TestMain.h"
#include "TestSupport.h"
#include "host/HugePages.h"

using namespace bs;

namespace {

HostTopology fixture(const char *name) {
    return parseCapabilities(QString::fromUtf8(test::readFixture(QLatin1String(name)))).value();
}

} // namespace

class TestHugePages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void poolsOfATwoSocketHost() {
        QList<HugePagePool> pools = hugePagePools(fixture("host/caps-xeon-2socket.xml"));
        QCOMPARE(pools.size(), 4);
        QCOMPARE(pools[0].cell, 0);
        QCOMPARE(pools[0].pageSize, quint64(2048));
        QCOMPARE(pools[0].total, std::optional<quint64>(16384));
        QVERIFY(!pools[0].free.has_value()); // not asked yet
        QCOMPARE(pools[1].pageSize, quint64(1048576));
        QCOMPARE(pools[3].total, std::optional<quint64>(0));

        // virNodeGetFreePages(sizes {2048, 1048576}, cells 0..1): cell by cell, sizes within.
        applyFreePages(pools, {2048, 1048576}, 0, 2, {4096, 2, 16384, 0});
        QCOMPARE(pools[0].free, std::optional<quint64>(4096));
        QCOMPARE(pools[0].used(), std::optional<quint64>(12288));
        QCOMPARE(pools[1].used(), std::optional<quint64>(6));
        QCOMPARE(pools[2].used(), std::optional<quint64>(0));

        const QList<HugePageSize> sizes = hugePagesBySize(pools);
        QCOMPARE(sizes.size(), 2);
        QCOMPARE(sizes[0].pageSize, quint64(2048));
        QCOMPARE(sizes[0].total, std::optional<quint64>(32768));
        QCOMPARE(sizes[0].free, std::optional<quint64>(20480));
        QCOMPARE(sizes[0].totalKiB(), std::optional<quint64>(32768ULL * 2048));
        QCOMPARE(sizes[0].usedKiB(), std::optional<quint64>(12288ULL * 2048));
        QCOMPARE(sizes[1].total, std::optional<quint64>(8));
        QCOMPARE(sizes[1].freeKiB(), std::optional<quint64>(2ULL * 1048576));
        QCOMPARE(hugePagesTotalKiB(sizes), std::optional<quint64>(32768ULL * 2048 + 8 * 1048576));
        QCOMPARE(hugePagesFreeKiB(sizes), std::optional<quint64>(20480ULL * 2048 + 2 * 1048576));
    }

    void testDriverFreeExceedsTotal() {
        // The test driver's virNodeGetFreePages makes counts up (19, 45, 97, 201: x = 2x + 7)
        // while its capabilities reserve 0 pages: keep both, trust neither difference.
        QList<HugePagePool> pools = hugePagePools(fixture("host/caps-test-driver.xml"));
        QCOMPARE(pools.size(), 4);
        applyFreePages(pools, {2048, 1048576}, 0, 2, {19, 45, 97, 201});
        QCOMPARE(pools[0].free, std::optional<quint64>(19));
        QCOMPARE(pools[3].free, std::optional<quint64>(201));
        QVERIFY(!pools[0].consistent());
        QVERIFY(!pools[0].used().has_value());
        const QList<HugePageSize> sizes = hugePagesBySize(pools);
        QVERIFY(!sizes[0].consistent);
        QVERIFY(!sizes[0].usedKiB().has_value());
        QCOMPARE(hugePagesTotalKiB(sizes), std::optional<quint64>(0));
        QVERIFY(!hugePagesFreeKiB(sizes).has_value()); // no consistent pool to count
    }

    void partialAnswer() {
        QList<HugePagePool> pools = hugePagePools(fixture("host/caps-xeon-2socket.xml"));
        applyFreePages(pools, {2048}, 1, 1, {100}); // only cell 1, only 2 MiB
        QVERIFY(!pools[0].free.has_value());
        QCOMPARE(pools[2].free, std::optional<quint64>(100));
        applyFreePages(pools, {2048, 1048576}, 0, 2, {1}); // short array: no out-of-range read
        QCOMPARE(pools[0].free, std::optional<quint64>(1));
        QVERIFY(!pools[1].free.has_value());
        const QList<HugePageSize> sizes = hugePagesBySize(pools);
        QVERIFY(!sizes[1].free.has_value()); // a cell without a count: no sum
    }

    void pageSizeNames() {
        QCOMPARE(pageSizeText(4), QStringLiteral("4 KiB"));
        QCOMPARE(pageSizeText(64), QStringLiteral("64 KiB"));
        QCOMPARE(pageSizeText(2048), QStringLiteral("2 MiB"));
        QCOMPARE(pageSizeText(1048576), QStringLiteral("1 GiB"));
        QCOMPARE(pageSizeText(16 * 1024 * 1024), QStringLiteral("16 GiB"));
        QCOMPARE(pageSizeText(3072), QStringLiteral("3 MiB"));
        QCOMPARE(pageSizeText(1536), QStringLiteral("1536 KiB"));
    }

    void noPools() {
        const QList<HugePagePool> pools = hugePagePools(fixture("host/caps-no-topology.xml"));
        QVERIFY(pools.isEmpty());
        QVERIFY(!hugePagesTotalKiB(hugePagesBySize(pools)).has_value());
    }
};

BS_TEST_MAIN(TestHugePages)
#include "tst_hugepages.moc"
