#include "TestMain.h"
#include "model/BalloonConfig.h"

using namespace bs;
using OptI = std::optional<int>;
Q_DECLARE_METATYPE(OptI)

class TestBalloonConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<BalloonModel>("model");
        QTest::addColumn<OptI>("period");

        QTest::newRow("virtio with period")
            << "<domain><devices><memballoon model='virtio'><stats period='10'/><address "
               "type='pci'/></memballoon></devices></domain>"
            << BalloonModel::Virtio << OptI(10);
        QTest::newRow("virtio no period")
            << "<domain type='kvm'><name>a</name><devices><disk/><memballoon "
               "model='virtio'/></devices></domain>"
            << BalloonModel::Virtio << OptI();
        QTest::newRow("none") << "<domain><devices><memballoon model='none'/></devices></domain>"
                              << BalloonModel::None << OptI();
        QTest::newRow("absent") << "<domain><devices><disk/></devices></domain>"
                                << BalloonModel::Absent << OptI();
        QTest::newRow("no devices at all")
            << "<domain><name>x</name></domain>" << BalloonModel::Absent << OptI();
        QTest::newRow("transitional")
            << "<domain><devices><memballoon model='virtio-transitional' autodeflate='on'><stats "
               "period='3'/></memballoon></devices></domain>"
            << BalloonModel::VirtioTransitional << OptI(3);
        QTest::newRow("xen") << "<domain><devices><memballoon model='xen'/></devices></domain>"
                             << BalloonModel::Xen << OptI();
        QTest::newRow("period zero") << "<domain><devices><memballoon model='virtio'><stats "
                                        "period='0'/></memballoon></devices></domain>"
                                     << BalloonModel::Virtio << OptI(0);
        // a <memballoon> somewhere else (metadata) must not count
        QTest::newRow("in metadata only")
            << "<domain><metadata><x:memballoon xmlns:x='urn:x' model='virtio'/><memballoon "
               "model='virtio'><stats period='5'/></memballoon></metadata><devices/></domain>"
            << BalloonModel::Absent << OptI();
        QTest::newRow("metadata after devices")
            << "<domain><devices><disk/></devices><metadata><memballoon model='virtio'><stats "
               "period='5'/></memballoon></metadata></domain>"
            << BalloonModel::Absent << OptI();
        QTest::newRow("comments and namespaces")
            << "<?xml version='1.0'?><!-- c --><domain "
               "xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><devices><!-- balloon "
               "--><memballoon model=\"virtio\"><stats "
               "period=\"7\"/></memballoon></devices><qemu:commandline/></domain>"
            << BalloonModel::Virtio << OptI(7);
        QTest::newRow("broken xml")
            << "<domain><devices><memballoon model='virtio'" << BalloonModel::Unknown << OptI();
        QTest::newRow("empty") << "" << BalloonModel::Unknown << OptI();
        QTest::newRow("garbage period") << "<domain><devices><memballoon model='virtio'><stats "
                                           "period='abc'/></memballoon></devices></domain>"
                                        << BalloonModel::Virtio << OptI();
    }

    void parse() {
        QFETCH(QString, xml);
        const BalloonConfig c = parseBalloonConfig(xml);
        QTEST(c.model, "model");
        QTEST(c.period, "period");
    }

    void attributes() {
        const BalloonConfig c = parseBalloonConfig(QStringLiteral(
            "<domain><devices><memballoon model='virtio' autodeflate='on' "
            "freePageReporting='on'><stats period='10'/></memballoon></devices></domain>"));
        QVERIFY(c.autodeflate);
        QVERIFY(c.freePageReporting);
        QVERIFY(c.statsEnabled());
        QCOMPARE(c.modelName, QStringLiteral("virtio"));
    }

    void testDriverXml() {
        // What test:///default's guest "test" says (no period).
        const BalloonConfig c = parseBalloonConfig(QStringLiteral(
            "<domain type='test' id='1'><name>test</name><devices><disk type='file' "
            "device='disk'><source file='/guest/diskimage1'/></disk>"
            "<memballoon model='virtio'><address type='pci' domain='0x0000' bus='0x00' slot='0x02' "
            "function='0x0'/></memballoon></devices></domain>"));
        QCOMPARE(c.model, BalloonModel::Virtio);
        QVERIFY(!c.statsEnabled());
    }
};

BS_TEST_MAIN(TestBalloonConfig)
#include "tst_balloonconfig.moc"
