#include "TestMain.h"
#include "TestSupport.h"
#include "host/CapabilitiesParser.h"

using namespace bs;

namespace {

HostTopology parseFixture(const char *name) {
    auto parsed = parseCapabilities(QString::fromUtf8(test::readFixture(QLatin1String(name))));
    if (!parsed) {
        qWarning("%s: %s", name, qPrintable(parsed.error().message));
        return {};
    }
    return std::move(parsed).value();
}

} // namespace

class TestCapabilitiesParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void xeonTwoSockets() {
        const HostTopology t = parseFixture("host/caps-xeon-2socket.xml");
        QCOMPARE(t.arch, QStringLiteral("x86_64"));
        QCOMPARE(t.pageSizes, (QList<quint64>{4, 2048, 1048576}));
        QCOMPARE(t.basePageSize(), std::optional<quint64>(4));
        QCOMPARE(t.cells.size(), 2);
        QCOMPARE(t.cells[0].id, 0);
        QCOMPARE(t.cells[0].memory, std::optional<quint64>(131779276));
        QCOMPARE(t.cells[0].cpus, 32);
        QCOMPARE(t.cells[0].pages, (QList<CellPages>{{4, 32944819}, {2048, 16384}, {1048576, 8}}));
        QCOMPARE(t.cells[1].pages.at(2), (CellPages{1048576, 0}));
        QCOMPARE(t.hugePageSizes(), (QList<quint64>{2048, 1048576}));
        QVERIFY(!t.isHugePagePool(t.cells[0], t.cells[0].pages[0]));
        QVERIFY(t.isHugePagePool(t.cells[0], t.cells[0].pages[1]));
    }

    void laptop() {
        const HostTopology t = parseFixture("host/caps-laptop.xml");
        QCOMPARE(t.cells.size(), 1);
        QCOMPARE(t.pageSizes, (QList<quint64>{4, 2048}));
        QCOMPARE(t.hugePageSizes(), QList<quint64>{2048}); // listed, with 0 pages reserved
        QCOMPARE(t.cells[0].pages.at(1), (CellPages{2048, 0}));
    }

    void thisMachine() {
        // Captured from the test machine's real libvirtd (read-only connection).
        const HostTopology t = parseFixture("host/caps-kvm-1cell-real.xml");
        QCOMPARE(t.arch, QStringLiteral("x86_64"));
        QCOMPARE(t.basePageSize(), std::optional<quint64>(4));
        QCOMPARE(t.cells.size(), 1);
        QCOMPARE(t.cells[0].memory, std::optional<quint64>(7301332));
        QCOMPARE(t.cells[0].pages.at(0), (CellPages{4, 1825333})); // = memory / 4
        QCOMPARE(t.hugePageSizes(), (QList<quint64>{2048, 1048576}));
    }

    void testDriver() {
        // The test driver's cell 1 counts its memory in 8 KiB pages (524288 × 8 KiB = 4 GiB):
        // that is its base entry, not a pool of 8 KiB huge pages.
        const HostTopology t = parseFixture("host/caps-test-driver.xml");
        QCOMPARE(t.arch, QStringLiteral("i686"));
        QCOMPARE(t.pageSizes, (QList<quint64>{4, 8, 2048, 1048576}));
        QCOMPARE(t.basePageSize(), std::optional<quint64>(4));
        QCOMPARE(t.cells.size(), 2);
        QCOMPARE(t.cells[1].memory, std::optional<quint64>(4194304));
        QCOMPARE(t.cells[1].pages.at(0), (CellPages{8, 524288}));
        QVERIFY(!t.isHugePagePool(t.cells[1], t.cells[1].pages.at(0)));
        QCOMPARE(t.hugePageSizes(), (QList<quint64>{2048, 1048576}));
        QCOMPARE(t.cells[0].cpus, 8);
    }

    void oldLibvirtWithoutTopology() {
        const HostTopology t = parseFixture("host/caps-no-topology.xml");
        QVERIFY(t.cells.isEmpty());
        QVERIFY(t.pageSizes.isEmpty());
        QCOMPARE(t.basePageSize(), std::optional<quint64>(4)); // x86: fixed
        QVERIFY(t.hugePageSizes().isEmpty());
    }

    void basePageSizeByArch() {
        HostTopology t;
        t.arch = QStringLiteral("aarch64");
        QVERIFY(!t.basePageSize().has_value()); // 4, 16 or 64 KiB: cannot tell
        t.pageSizes = {64, 524288};
        QCOMPARE(t.basePageSize(), std::optional<quint64>(64));
        QCOMPARE(fixedBasePageSize(QStringLiteral("x86_64")), std::optional<quint64>(4));
        QCOMPARE(fixedBasePageSize(QStringLiteral("ppc64le")), std::nullopt);
    }

    void brokenDocuments_data() {
        QTest::addColumn<QString>("xml");
        QTest::newRow("empty") << QString();
        QTest::newRow("not xml") << QStringLiteral("capabilities");
        QTest::newRow("other root") << QStringLiteral("<domain/>");
        QTest::newRow("no host") << QStringLiteral("<capabilities><guest/></capabilities>");
        QTest::newRow("truncated")
            << QStringLiteral("<capabilities><host><topology><cells num='1'><cell id='0'>");
    }
    void brokenDocuments() {
        QFETCH(QString, xml);
        const auto parsed = parseCapabilities(xml);
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void units_data() {
        QTest::addColumn<quint64>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<std::optional<quint64>>("kib");
        QTest::newRow("default KiB") << quint64(2048) << QString() << std::optional<quint64>(2048);
        QTest::newRow("KiB") << quint64(2048) << QStringLiteral("KiB")
                             << std::optional<quint64>(2048);
        QTest::newRow("k") << quint64(4) << QStringLiteral("k") << std::optional<quint64>(4);
        QTest::newRow("M") << quint64(2) << QStringLiteral("M") << std::optional<quint64>(2048);
        QTest::newRow("MiB") << quint64(2) << QStringLiteral("MiB") << std::optional<quint64>(2048);
        QTest::newRow("G") << quint64(1) << QStringLiteral("G") << std::optional<quint64>(1048576);
        QTest::newRow("GiB lower")
            << quint64(1) << QStringLiteral("gib") << std::optional<quint64>(1048576);
        QTest::newRow("bytes") << quint64(2097152) << QStringLiteral("bytes")
                               << std::optional<quint64>(2048);
        QTest::newRow("bytes round up")
            << quint64(1025) << QStringLiteral("b") << std::optional<quint64>(2);
        QTest::newRow("KB is 1000")
            << quint64(2048) << QStringLiteral("KB") << std::optional<quint64>(2000);
        QTest::newRow("GB is 10^9")
            << quint64(1) << QStringLiteral("GB") << std::optional<quint64>(976563);
        QTest::newRow("bad unit") << quint64(1) << QStringLiteral("pages")
                                  << std::optional<quint64>();
        QTest::newRow("overflow") << quint64(1ULL << 60) << QStringLiteral("T")
                                  << std::optional<quint64>();
    }
    void units() {
        QFETCH(quint64, value);
        QFETCH(QString, unit);
        QFETCH(std::optional<quint64>, kib);
        QCOMPARE(scaledToKiB(value, unit), kib);
    }
};

BS_TEST_MAIN(TestCapabilitiesParser)
#include "tst_capabilitiesparser.moc"
