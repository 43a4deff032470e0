#include "TestMain.h"
#include "TestSupport.h"
#include "balloon/DomainMemoryConfig.h"

using namespace bs;
using OptK = std::optional<quint64>;
Q_DECLARE_METATYPE(OptK)

class TestDomainMemoryConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void units_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<OptK>("kib");

        QTest::newRow("no unit is KiB") << "2097152"
                                        << "" << OptK(2097152);
        QTest::newRow("KiB") << "1024"
                             << "KiB" << OptK(1024);
        QTest::newRow("k") << "1024"
                           << "k" << OptK(1024);
        QTest::newRow("KB is decimal") << "1000"
                                       << "KB" << OptK(977); // 1,000,000 B rounded up
        QTest::newRow("MiB") << "4096"
                             << "MiB" << OptK(4194304);
        QTest::newRow("M") << "512"
                           << "M" << OptK(524288);
        QTest::newRow("GiB") << "16"
                             << "GiB" << OptK(16777216);
        QTest::newRow("G lower case") << "2"
                                      << "g" << OptK(2097152);
        QTest::newRow("GB") << "1"
                            << "GB" << OptK(976563);
        QTest::newRow("TiB") << "1"
                             << "TiB" << OptK(1073741824);
        QTest::newRow("bytes") << "2147483648"
                               << "b" << OptK(2097152);
        QTest::newRow("bytes rounded up") << "1025"
                                          << "bytes" << OptK(2);
        QTest::newRow("unknown unit") << "1"
                                      << "furlong" << OptK();
        QTest::newRow("not a number") << "lots"
                                      << "KiB" << OptK();
        QTest::newRow("negative") << "-1"
                                  << "KiB" << OptK();
        QTest::newRow("overflow") << "18446744073709551615"
                                  << "EiB" << OptK();
    }

    void units() {
        QFETCH(QString, value);
        QFETCH(QString, unit);
        QFETCH(OptK, kib);
        QCOMPARE(memoryToKiB(value, unit), kib);
    }

    void fixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("type");
        QTest::addColumn<OptK>("memory");
        QTest::addColumn<OptK>("current");

        QTest::newRow("virt-install") << "virt-install-debian12.xml"
                                      << "kvm" << OptK(4194304) << OptK(4194304);
        QTest::newRow("nova, no unit, no currentMemory") << "nova-instance-basic.xml"
                                                         << "kvm" << OptK(2097152) << OptK();
        QTest::newRow("KubeVirt bytes") << "kubevirt-virt-launcher.xml"
                                        << "kvm" << OptK(2097152) << OptK();
        QTest::newRow("terraform MiB") << "terraform-libvirt-go-xml.xml"
                                       << "kvm" << OptK(4194304) << OptK(4194304);
        QTest::newRow("GiB, balloon inflated") << "autodeflate-free-page-reporting.xml"
                                               << "kvm" << OptK(16777216) << OptK(8388608);
        QTest::newRow("Xen") << "xen-pv-libxl.xml"
                             << "xen" << OptK(1048576) << OptK(786432);
        QTest::newRow("oVirt: maxMemory is not memory") << "ovirt-engine-el8.xml"
                                                        << "kvm" << OptK(4194304) << OptK(4194304);
    }

    void fixtures() {
        QFETCH(QString, file);
        QFETCH(QString, type);
        QFETCH(OptK, memory);
        QFETCH(OptK, current);
        const DomainMemoryConfig c = parseDomainMemoryConfig(
            QString::fromUtf8(bs::test::readFixture(QStringLiteral("domains/") + file)));
        QCOMPARE(c.domainType, type);
        QCOMPARE(c.memoryKiB, memory);
        QCOMPARE(c.currentMemoryKiB, current);
    }

    void brokenXmlKnowsNothing() {
        QCOMPARE(parseDomainMemoryConfig(QStringLiteral("<domain type='kvm'><memory>1")),
                 DomainMemoryConfig{});
    }
};

BS_TEST_MAIN(TestDomainMemoryConfig)
#include "tst_domainmemoryconfig.moc"
