#include "TestMain.h"
#include "libvirt/LibvirtHandles.h"
#include "policy/GuestPolicySettings.h"

#include <QRegularExpression>
#include <QTest>

#include <libvirt/libvirt.h>

using namespace bs;

// A guest's autopilot settings in its <metadata>: the element's round trip and its errors, and
// through libvirt's test driver: written by one connection, read by another (as one Balloonscope
// writes and another, or the recorder, reads), live and persistent apart, removed, and nothing
// else of the domain XML changed.
namespace {

QString domainXml(virDomainPtr d, unsigned int flags = 0) {
    char *xml = virDomainGetXMLDesc(d, flags);
    const QString out = QString::fromUtf8(xml);
    free(xml);
    return out;
}

// The domain XML without its <metadata> element.
QString withoutMetadata(QString xml) {
    static const QRegularExpression metadata(QStringLiteral("\\s*<metadata>.*</metadata>"),
                                             QRegularExpression::DotMatchesEverythingOption);
    return xml.remove(metadata);
}

} // namespace

class TestGuestPolicySettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<qint64>("floor");
        QTest::addColumn<int>("shares");
        QTest::newRow("off, nothing else") << false << qint64(-1) << -1;
        QTest::newRow("on with a floor") << true << qint64(512 * 1024) << -1;
        QTest::newRow("on, floor and shares") << true << qint64(1024 * 1024) << 2000;
        QTest::newRow("shares 0") << true << qint64(-1) << 0;
    }
    void roundTrip() {
        QFETCH(bool, enabled);
        QFETCH(qint64, floor);
        QFETCH(int, shares);
        GuestPolicySettings s;
        s.enabled = enabled;
        if (floor >= 0)
            s.floorKiB = floor;
        if (shares >= 0)
            s.shares = shares;
        const auto back = GuestPolicySettings::fromXml(s.toXml());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(*back, s);
    }

    void badElementsSayWhat_data() {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not XML") << QStringLiteral("<autopilot") << QStringLiteral("not XML");
        QTest::newRow("other element") << QStringLiteral("<pilot/>") << QStringLiteral("<pilot>");
        QTest::newRow("enabled=maybe")
            << QStringLiteral("<autopilot enabled='maybe'/>") << QStringLiteral("maybe");
        QTest::newRow("floor not a number")
            << QStringLiteral("<autopilot enabled='yes' floor-kib='1GiB'/>")
            << QStringLiteral("1GiB");
        QTest::newRow("shares out of range")
            << QStringLiteral("<autopilot enabled='yes' shares='60000'/>")
            << QStringLiteral("60000");
    }
    void badElementsSayWhat() {
        QFETCH(QString, xml);
        QFETCH(QString, mentions);
        const auto s = GuestPolicySettings::fromXml(xml);
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(mentions), qPrintable(s.error().message));
    }

    void unknownAttributesAreIgnored() {
        const auto s = GuestPolicySettings::fromXml(
            QStringLiteral("<autopilot enabled='yes' shares='500' mode='future'/>"));
        QVERIFY(s);
        QVERIFY(s->enabled);
        QCOMPARE(s->shares, std::optional<int>(500));
    }

    void throughLibvirt() {
        // Two connections to the same test driver instance are not possible (each
        // test:///default open is its own world), so "another reader" is a second lookup of the
        // domain through a second handle on the same connection, and the persistent XML.
        ConnectHandle conn(virConnectOpen("test:///default"));
        QVERIFY(conn);
        DomainHandle dom(virDomainLookupByName(conn.get(), "test"));
        QVERIFY(dom);
        const QString before = domainXml(dom.get());
        const QString beforeConfig = domainXml(dom.get(), VIR_DOMAIN_XML_INACTIVE);

        // None yet: off.
        auto none = readGuestPolicy(dom.get(), MetadataScope::Live);
        QVERIFY(none);
        QCOMPARE(*none, GuestPolicySettings{});

        GuestPolicySettings on;
        on.enabled = true;
        on.floorKiB = 768 * 1024;
        on.shares = 2000;
        QVERIFY(writeGuestPolicy(dom.get(), on, MetadataScope::Live));
        DomainHandle again(virDomainLookupByName(conn.get(), "test"));
        auto live = readGuestPolicy(again.get(), MetadataScope::Live);
        QVERIFY(live);
        QCOMPARE(*live, on);
        // Live only: the persistent configuration has none.
        auto config = readGuestPolicy(again.get(), MetadataScope::Config);
        QVERIFY(config);
        QCOMPARE(*config, GuestPolicySettings{});
        // Both.
        QVERIFY(writeGuestPolicy(dom.get(), on, MetadataScope::Both));
        config = readGuestPolicy(again.get(), MetadataScope::Config);
        QVERIFY(config);
        QCOMPARE(*config, on);
        // The element is under our namespace in the XML, and nothing else changed.
        const QString after = domainXml(dom.get());
        QVERIFY2(after.contains(QStringLiteral("urn:balloonscope:autopilot:1")), qPrintable(after));
        QCOMPARE(withoutMetadata(after), withoutMetadata(before));
        QCOMPARE(withoutMetadata(domainXml(dom.get(), VIR_DOMAIN_XML_INACTIVE)),
                 withoutMetadata(beforeConfig));

        // Removed: off again.
        QVERIFY(writeGuestPolicy(dom.get(), std::nullopt, MetadataScope::Both));
        live = readGuestPolicy(again.get(), MetadataScope::Live);
        QVERIFY(live);
        QCOMPARE(*live, GuestPolicySettings{});
        QVERIFY(!domainXml(dom.get()).contains(QStringLiteral("urn:balloonscope:autopilot:1")));

        // Someone else's malformed element under our namespace: a clear error, not "off".
        QVERIFY(virDomainSetMetadata(dom.get(), VIR_DOMAIN_METADATA_ELEMENT,
                                     "<autopilot enabled='perhaps'/>", "balloonscope",
                                     GuestPolicySettings::NamespaceUri,
                                     VIR_DOMAIN_AFFECT_LIVE) == 0);
        const auto bad = readGuestPolicy(dom.get(), MetadataScope::Live);
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("perhaps")));
    }
};

BS_TEST_MAIN(TestGuestPolicySettings)
#include "tst_guestpolicysettings.moc"
