// XmlFactsCache (a host's parsed domain XMLs between readiness checks): an XML seen before gives
// the facts parsed then without a parse; any change of the XML, even of one byte at the same
// length, is parsed again; a guest's live and inactive XML are kept apart; guests gone from the
// host are forgotten.
#include "TestMain.h"
#include "TestSupport.h"
#include "readiness/XmlFactsCache.h"

using namespace bs;
using Kind = XmlFactsCache::Kind;

namespace {

const QString Uuid = QStringLiteral("11111111-2222-3333-4444-555555555555");

QByteArray domain(const char *period) {
    return QByteArray("<domain type='kvm'><name>vm</name><devices><memballoon model='virtio'>"
                      "<stats period='") +
           period + "'/></memballoon></devices></domain>";
}

} // namespace

class TestXmlFactsCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anUnchangedXmlIsNotParsedAgain() {
        XmlFactsCache cache;
        const QByteArray xml = test::readFixture(QStringLiteral("readiness-xml/win10-live.xml"));
        const DomainXmlFacts first = cache.facts(Uuid, Kind::Live, xml);
        QCOMPARE(cache.parses(), 1);
        QVERIFY(first.parsed);
        QCOMPARE(first.libosinfoId, QStringLiteral("http://microsoft.com/win/10"));
        const DomainXmlFacts again = cache.facts(Uuid, Kind::Live, QByteArray(xml));
        QCOMPARE(cache.parses(), 1);
        QCOMPARE(again.libosinfoId, first.libosinfoId);
        QVERIFY(again.balloon == first.balloon);
        QCOMPARE(again.agentChannel, first.agentChannel);
        QCOMPARE(again.hugePages, first.hugePages);
        QCOMPARE(again.domainType, first.domainType);
    }

    void aChangedXmlIsParsedAgain() {
        XmlFactsCache cache;
        QCOMPARE(cache.facts(Uuid, Kind::Live, domain("10")).balloon.period,
                 std::optional<int>(10));
        // One byte changed, same length.
        QCOMPARE(cache.facts(Uuid, Kind::Live, domain("20")).balloon.period,
                 std::optional<int>(20));
        QCOMPARE(cache.parses(), 2);
        // Another length.
        QCOMPARE(cache.facts(Uuid, Kind::Live, domain("5")).balloon.period, std::optional<int>(5));
        QCOMPARE(cache.parses(), 3);
    }

    void liveAndInactiveAreKeptApart() {
        XmlFactsCache cache;
        QCOMPARE(cache.facts(Uuid, Kind::Live, domain("10")).balloon.period,
                 std::optional<int>(10));
        QCOMPARE(cache.facts(Uuid, Kind::Inactive, domain("0")).balloon.period,
                 std::optional<int>(0));
        QCOMPARE(cache.parses(), 2);
        QCOMPARE(cache.facts(Uuid, Kind::Live, domain("10")).balloon.period,
                 std::optional<int>(10));
        QCOMPARE(cache.facts(Uuid, Kind::Inactive, domain("0")).balloon.period,
                 std::optional<int>(0));
        QCOMPARE(cache.parses(), 2);
        // The same XML for another guest is that guest's: parsed for it.
        cache.facts(QStringLiteral("other"), Kind::Live, domain("10"));
        QCOMPARE(cache.parses(), 3);
        QCOMPARE(cache.guests(), 2);
        // Their equal strings are one.
        QCOMPARE(
            cache.facts(QStringLiteral("other"), Kind::Live, domain("10")).domainType.constData(),
            cache.facts(Uuid, Kind::Live, domain("10")).domainType.constData());
    }

    void guestsGoneAreForgotten() {
        XmlFactsCache cache;
        cache.facts(Uuid, Kind::Live, domain("10"));
        cache.facts(QStringLiteral("gone"), Kind::Live, domain("10"));
        cache.retain({Uuid});
        QCOMPARE(cache.guests(), 1);
        cache.facts(Uuid, Kind::Live, domain("10"));
        QCOMPARE(cache.parses(), 2);
        cache.facts(QStringLiteral("gone"), Kind::Live, domain("10"));
        QCOMPARE(cache.parses(), 3);
    }

    void notXmlIsKeptAsNotParsed() {
        XmlFactsCache cache;
        QVERIFY(!cache.facts(Uuid, Kind::Live, QByteArray("not xml <")).parsed);
        QVERIFY(!cache.facts(Uuid, Kind::Live, QByteArray("not xml <")).parsed);
        QCOMPARE(cache.parses(), 1);
    }
};

BS_TEST_MAIN(TestXmlFactsCache)
#include "tst_xmlfactscache.moc"
