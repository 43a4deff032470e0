// One poll of a host's guests (StatsCollector.h) against libvirt's test driver: the UUIDs we
// format ourselves are libvirt's, and the per-guest fallback (the test driver's bulk call has no
// balloon group) asks virDomainGetInfo only every GuestInfoCache::RefreshPolls polls, with the
// same maximum as asking every time.
#include "TestMain.h"
#include "libvirt/Connection.h"
#include "libvirt/CredentialProvider.h"
#include "monitor/StatsCollector.h"

#include <libvirt/libvirt.h>

using namespace bs;

class TestStatsCollector : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Connection> m_connection;
    NoCredentials m_none;

private slots:
    void initTestCase() {
        auto opened = Connection::open(QStringLiteral("test:///default"), OpenOptions{}, &m_none);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().technicalDetail()));
        m_connection = std::move(*opened);
    }

    void uuidsAreLibvirtsOwn() {
        auto collected = collectGuests(m_connection->get());
        QVERIFY(collected);
        QVERIFY(!collected->guests.isEmpty());
        for (const CollectedGuest &guest : std::as_const(collected->guests)) {
            char text[VIR_UUID_STRING_BUFLEN] = {};
            QCOMPARE(virDomainGetUUIDString(guest.domain.get(), text), 0);
            QCOMPARE(guest.uuid, QString::fromLatin1(text));
        }
    }

    void theFallbackAsksForTheMaximumNowAndThen() {
        auto plain = collectGuests(m_connection->get());
        QVERIFY(plain);
        QVERIFY(plain->usedFallback);
        int running = 0;
        for (const CollectedGuest &guest : std::as_const(plain->guests))
            running += isActive(guest.state) ? 1 : 0;
        QVERIFY(running > 0);
        QCOMPARE(plain->libvirtCalls, 1 + 2 * running); // stats and info per guest

        GuestInfoCache cache;
        auto first = collectGuests(m_connection->get(), &cache);
        QVERIFY(first);
        QCOMPARE(first->libvirtCalls, 1 + 2 * running);
        for (int poll = 0; poll < GuestInfoCache::RefreshPolls; ++poll) {
            auto next = collectGuests(m_connection->get(), &cache);
            QVERIFY(next);
            QCOMPARE(next->libvirtCalls, 1 + running);
            for (int i = 0; i < next->guests.size(); ++i)
                QCOMPARE(next->guests[i].stats.maximum, plain->guests[i].stats.maximum);
        }
        auto refreshed = collectGuests(m_connection->get(), &cache);
        QVERIFY(refreshed);
        QCOMPARE(refreshed->libvirtCalls, 1 + 2 * running);
    }

    void aGoneGuestLeavesTheCache() {
        GuestInfoCache cache;
        cache.store(QStringLiteral("gone"), 1024);
        QCOMPARE(cache.maximum(QStringLiteral("gone")), std::optional<quint64>(1024));
        cache.retain({QStringLiteral("other")});
        QCOMPARE(cache.maximum(QStringLiteral("gone")), std::nullopt);
    }
};

BS_TEST_MAIN(TestStatsCollector)
#include "tst_statscollector.moc"
