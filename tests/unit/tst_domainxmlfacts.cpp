#include "TestMain.h"
#include "TestSupport.h"
#include "readiness/DomainXmlFacts.h"

using namespace bs;
using Channel = DomainXmlFacts::AgentChannel;

class TestDomainXmlFacts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void windowsGuest() {
        // What virt-install and libvirt write (DOMAIN.md §4), in the live XML of a QEMU guest.
        const DomainXmlFacts f = parseDomainXmlFacts(
            QString::fromUtf8(test::readFixture(QStringLiteral("readiness-xml/win10-live.xml"))));
        QVERIFY(f.parsed);
        QCOMPARE(f.domainType, QStringLiteral("kvm"));
        QCOMPARE(f.libosinfoId, QStringLiteral("http://microsoft.com/win/10"));
        QCOMPARE(f.osFamily(), OsFamily::Windows);
        QCOMPARE(f.agentChannel, Channel::Connected); // not the spice channel's state
        QVERIFY(f.hugePages);
        QCOMPARE(f.balloon.model, BalloonModel::Virtio);
        QCOMPARE(f.balloon.period, std::optional<int>(10));
    }

    void agentChannel_data() {
        QTest::addColumn<QString>("devices");
        QTest::addColumn<Channel>("expected");
        QTest::newRow("absent") << "<memballoon model='virtio'/>" << Channel::Absent;
        QTest::newRow("disconnected")
            << "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0' "
               "state='disconnected'/></channel>"
            << Channel::Disconnected;
        QTest::newRow("inactive xml: no state") << "<channel type='unix'><target type='virtio' "
                                                   "name='org.qemu.guest_agent.0'/></channel>"
                                                << Channel::NoState;
        QTest::newRow("other channel only")
            << "<channel type='pty'><target type='virtio' name='org.example.other' "
               "state='connected'/></channel>"
            << Channel::Absent;
    }
    void agentChannel() {
        QFETCH(QString, devices);
        const auto f = parseDomainXmlFacts(
            QStringLiteral("<domain type='qemu'><devices>%1</devices></domain>").arg(devices));
        QVERIFY(f.parsed);
        QTEST(f.agentChannel, "expected");
    }

    void libosinfoFamilies_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<OsFamily>("family");
        QTest::newRow("win10") << "http://microsoft.com/win/10" << OsFamily::Windows;
        QTest::newRow("win2k22") << "http://microsoft.com/win/2k22" << OsFamily::Windows;
        QTest::newRow("debian") << "http://debian.org/debian/12" << OsFamily::Linux;
        QTest::newRow("rhel") << "http://redhat.com/rhel/9.4" << OsFamily::Linux;
        QTest::newRow("generic linux") << "http://libosinfo.org/linux/2022" << OsFamily::Linux;
        QTest::newRow("freebsd") << "http://freebsd.org/freebsd/14.0" << OsFamily::Other;
        QTest::newRow("unknown vendor") << "http://example.com/os/1" << OsFamily::Unknown;
        QTest::newRow("empty") << "" << OsFamily::Unknown;
    }
    void libosinfoFamilies() {
        QFETCH(QString, id);
        QTEST(DomainXmlFacts::osFamilyFromLibosinfo(id), "family");
    }

    void libosinfoNeedsItsNamespace() {
        // An <os> in metadata under another namespace is not libosinfo's.
        const auto f = parseDomainXmlFacts(QStringLiteral(
            "<domain><metadata><x:meta xmlns:x='urn:x'><x:os id='http://microsoft.com/win/10'/>"
            "</x:meta></metadata><devices/></domain>"));
        QVERIFY(f.parsed);
        QVERIFY(f.libosinfoId.isEmpty());
        // And the <os> boot element is not metadata.
        const auto g = parseDomainXmlFacts(
            QStringLiteral("<domain><os><type>hvm</type></os><devices/></domain>"));
        QVERIFY(g.libosinfoId.isEmpty());
        QVERIFY(!g.hugePages);
    }

    void brokenXml() {
        QVERIFY(!parseDomainXmlFacts(QStringLiteral("<domain><devices>")).parsed);
        QVERIFY(!parseDomainXmlFacts(QString()).parsed);
        QVERIFY(!parseDomainXmlFacts(QStringLiteral("<network/>")).parsed);
        QCOMPARE(parseDomainXmlFacts(QStringLiteral("<domain><devices>")).balloon.model,
                 BalloonModel::Unknown);
    }

    void modelNone() {
        const auto f = parseDomainXmlFacts(QStringLiteral(
            "<domain type='kvm'><devices><memballoon model='none'/></devices></domain>"));
        QCOMPARE(f.balloon.model, BalloonModel::None);
        QCOMPARE(f.osFamily(), OsFamily::Unknown);
    }
};

BS_TEST_MAIN(TestDomainXmlFacts)
#include "tst_domainxmlfacts.moc"
