// Guests destroyed in the middle of polls: a thread polls back to back, alternating the bulk call
// and the per-guest path, while a transient guest is created and destroyed at a random moment,
// five times. No poll may fail because a guest vanished under it, the guest must show and go, and
// the app's monitor beside it stays connected throughout.
#include "TestBed.h"
#include "TestMain.h"
#include "libvirt/Connection.h"
#include "libvirt/LibvirtError.h"
#include "monitor/MonitoredHost.h"
#include "monitor/StatsCollector.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace bs;
using namespace bs::e2e;

namespace {

// Polls on its own thread and connection until stopped; counts what it saw.
class Poller {
public:
    Poller(QString uri, QString guest)
        : m_uri(std::move(uri))
        , m_guest(std::move(guest)) {
        m_thread = std::thread([this] { run(); });
    }
    ~Poller() {
        m_stop = true;
        m_thread.join();
    }
    std::atomic_int polls{0};
    std::atomic_int guestSeen{0}; // polls that listed the guest running
    std::atomic_int lastPollSawGuest{0};
    std::atomic_bool connected{false};
    QStringList failures() {
        std::lock_guard lock(m_mutex);
        return m_failures;
    }

private:
    void run() {
        NoCredentials none;
        auto opened = Connection::open(m_uri, OpenOptions{}, &none);
        if (!opened) {
            fail(opened.error().technicalDetail());
            return;
        }
        connected = true;
        for (int i = 0; !m_stop; ++i) {
            auto result =
                i % 2 ? collectGuestsOneByOne((*opened)->get()) : collectGuests((*opened)->get());
            if (!result) {
                fail(result.error().technicalDetail());
                continue;
            }
            bool seen = false;
            for (const CollectedGuest &g : result->guests)
                seen = seen || (g.name == m_guest && isActive(g.state));
            guestSeen += seen ? 1 : 0;
            lastPollSawGuest = seen ? 1 : 0;
            ++polls;
        }
    }
    void fail(const QString &why) {
        std::lock_guard lock(m_mutex);
        m_failures.append(why);
    }
    QString m_uri;
    QString m_guest;
    std::atomic_bool m_stop{false};
    std::thread m_thread;
    std::mutex m_mutex;
    QStringList m_failures;
};

} // namespace

class TestFaultGuestDestroyed : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    std::unique_ptr<Connection> m_connection;
    QString m_guest;

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
        m_guest = m_bed->guest(QStringLiteral("lifecycle"));
        NoCredentials none;
        auto opened = Connection::open(m_bed->uri, OpenOptions{}, &none);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().technicalDetail()));
        m_connection = std::move(opened).value();
    }

    void cleanupTestCase() {
        if (!m_connection)
            return;
        DomainHandle leftover(virDomainLookupByName(m_connection->get(), qPrintable(m_guest)));
        if (leftover)
            virDomainDestroy(leftover.get());
        virResetLastError();
    }

    void destroyedMidPoll() {
        QFile xmlFile(m_bed->lifecycleXml);
        QVERIFY(xmlFile.open(QIODevice::ReadOnly));
        const QByteArray xml = xmlFile.readAll();

        MonitorConfig config;
        config.uri = m_bed->uri;
        config.intervalSeconds = 1;
        MonitoredHost host(config, std::make_shared<NoCredentials>());
        QSignalSpy statuses(host.worker(), &HostMonitor::statusChanged);
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        host.start();
        QVERIFY(waitForStatus(statuses, HostStatus::State::Connected, 20000));

        Poller poller(m_bed->uri, m_guest);
        QTRY_VERIFY_WITH_TIMEOUT(poller.connected || !poller.failures().isEmpty(), 20000);
        auto *random = QRandomGenerator::global();
        for (int i = 1; i <= 5; ++i) {
            DomainHandle domain(virDomainCreateXML(m_connection->get(), xml.constData(), 0));
            QVERIFY2(domain, qPrintable(lastLibvirtError().technicalDetail()));
            QTRY_VERIFY_WITH_TIMEOUT(poller.lastPollSawGuest == 1, 10000);
            // Somewhere inside the next polls.
            QTest::qWait(int(random->bounded(400)));
            const int before = poller.polls;
            QVERIFY2(virDomainDestroy(domain.get()) == 0,
                     qPrintable(lastLibvirtError().technicalDetail()));
            QTRY_VERIFY_WITH_TIMEOUT(poller.polls > before + 1 && poller.lastPollSawGuest == 0,
                                     10000);
        }
        QVERIFY2(poller.failures().isEmpty(),
                 qPrintable(poller.failures().join(QLatin1Char('\n'))));
        qInfo("%d polls, %d of them with the guest running", int(poller.polls),
              int(poller.guestSeen));
        for (const QList<QVariant> &args : std::as_const(statuses)) {
            const auto status = args.at(0).value<HostStatus>();
            QVERIFY2(status.state != HostStatus::State::Disconnected, qPrintable(status.reason));
        }
        QVERIFY(!cycles.isEmpty());
    }
};

BS_TEST_MAIN(TestFaultGuestDestroyed)
#include "tst_fault_guest_destroyed.moc"
