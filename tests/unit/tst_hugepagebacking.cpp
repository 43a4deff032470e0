#include "TestMain.h"
#include "TestSupport.h"
#include "host/HugepageBacking.h"

using namespace bs;

namespace {

MemoryBacking fixture(const char *name) {
    return parseMemoryBacking(QString::fromUtf8(test::readFixture(QLatin1String(name))));
}

} // namespace

class TestHugepageBacking : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultSize() {
        const MemoryBacking b = fixture("host/domain-hugepages-default.xml");
        QVERIFY(b.parsed);
        QVERIFY(b.hugePages);
        QVERIFY(b.pages.isEmpty());
        QVERIFY(b.explicitSizes().isEmpty());
        QVERIFY(!b.noSharePages);
        QCOMPARE(b.memory, std::optional<quint64>(8388608));
    }

    void explicitSizesAndOptions() {
        const MemoryBacking b = fixture("host/domain-hugepages-sizes.xml");
        QVERIFY(b.hugePages);
        QCOMPARE(b.pages.size(), 2);
        QCOMPARE(b.pages[0], (HugePageRequest{1048576, QStringLiteral("0")}));
        QCOMPARE(b.pages[1], (HugePageRequest{2048, QStringLiteral("1")}));
        QCOMPARE(b.explicitSizes(), (QList<quint64>{1048576, 2048}));
        QVERIFY(b.noSharePages);
        QVERIFY(b.locked);
        QCOMPARE(b.source, QStringLiteral("memfd"));
        QCOMPARE(b.memory, std::optional<quint64>(16ULL * 1024 * 1024)); // <memory unit='GiB'>16
    }

    void plainGuest() {
        const MemoryBacking b = fixture("host/domain-plain.xml");
        QVERIFY(b.parsed);
        QVERIFY(!b.hugePages);
        QCOMPARE(b.memory, std::optional<quint64>(196608));
    }

    void brokenOrForeign_data() {
        QTest::addColumn<QString>("xml");
        QTest::newRow("empty") << QString();
        QTest::newRow("capabilities") << QStringLiteral("<capabilities/>");
        QTest::newRow("truncated")
            << QStringLiteral("<domain><memoryBacking><hugepages/></memoryBacking>");
    }
    void brokenOrForeign() {
        QFETCH(QString, xml);
        const MemoryBacking b = parseMemoryBacking(xml);
        QVERIFY(!b.parsed); // unknown, never "not backed"
        QVERIFY(!b.hugePages);
    }

    void nestedElementsAreNotTopLevel() {
        // A <memory> inside <cpu><numa> must not be taken for the domain's.
        const MemoryBacking b = parseMemoryBacking(QStringLiteral(
            "<domain><cpu><numa><cell id='0' memory='1' unit='GiB'><memory>5</memory></cell>"
            "</numa></cpu><memory unit='MiB'>512</memory></domain>"));
        QCOMPARE(b.memory, std::optional<quint64>(524288));
    }
};

BS_TEST_MAIN(TestHugepageBacking)
#include "tst_hugepagebacking.moc"
