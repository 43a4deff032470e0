// Guests started or destroyed outside the app show up or go within 2 s: by lifecycle events,
// not by the next poll (the poll interval here is an hour).
#include "TestBed.h"
#include "TestMain.h"
#include "libvirt/LibvirtHandles.h"
#include "monitor/MonitoredHost.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>

using namespace bs;
using namespace bs::e2e;

class TestE2eLifecycle : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    ConnectHandle m_outside; // "someone else" starting and destroying guests
    QByteArray m_xml;
    QString m_name;

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
        QFile xml(m_bed->lifecycleXml);
        QVERIFY2(xml.open(QIODevice::ReadOnly), qPrintable(m_bed->lifecycleXml));
        m_xml = xml.readAll();
        m_name = m_bed->guest(QStringLiteral("lifecycle"));
        m_outside.reset(virConnectOpen(m_bed->uri.toUtf8().constData()));
        QVERIFY(m_outside);
    }

    void cleanupTestCase() {
        if (!m_outside)
            return;
        // A failed run must not leave the transient guest behind (testbed down would, too).
        DomainHandle left(virDomainLookupByName(m_outside.get(), m_name.toUtf8().constData()));
        if (left)
            virDomainDestroy(left.get());
        virResetLastError();
    }

    void startedAndDestroyedGuestsShowWithinTwoSeconds() {
        MonitorConfig config;
        config.uri = m_bed->uri;
        config.intervalSeconds = 3600;
        MonitoredHost host(config, std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QSignalSpy removed(host.worker(), &HostMonitor::guestsRemoved);
        QSignalSpy events(host.worker(), &HostMonitor::lifecycleEvent);
        host.start();
        QVERIFY(cycles.wait(20000));
        QVERIFY(!findGuest(cycles.constLast().at(0).value<PollCycle>(), m_name));
        const int pollsBefore = int(cycles.size());

        QElapsedTimer clock;
        clock.start();
        DomainHandle guest(virDomainCreateXML(m_outside.get(), m_xml.constData(), 0));
        QVERIFY2(guest, "could not start the lifecycle guest");
        const qint64 startedAfter = clock.elapsed(); // virDomainCreateXML returns once it runs
        QVERIFY(waitForCycle(
            cycles, [&](const PollCycle &c) { return findGuest(c, m_name) != nullptr; }, 2000));
        const qint64 shownAfter = clock.elapsed() - startedAfter;
        QVERIFY2(shownAfter <= 2000, "the started guest showed too late");
        QVERIFY(cycles.size() > pollsBefore);
        bool sawStart = false;
        for (const auto &args : std::as_const(events)) {
            const auto event = args.at(0).value<LifecycleEvent>();
            sawStart =
                sawStart || (event.name == m_name && event.event == VIR_DOMAIN_EVENT_STARTED);
        }
        QVERIFY2(sawStart, "no STARTED lifecycle event for the guest");

        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        QCOMPARE(virDomainGetUUIDString(guest.get(), uuid), 0);
        // virDomainDestroy blocks until QEMU has exited (1-2 s under TCG); the guest is gone
        // from then on. The removal is timed on the worker thread, as it is emitted.
        std::atomic<qint64> removedAt{-1};
        const auto timing = connect(
            host.worker(), &HostMonitor::guestsRemoved, this,
            [&](const QString &, const QStringList &) { removedAt = clock.elapsed(); },
            Qt::DirectConnection);
        const auto untime = qScopeGuard([&] { disconnect(timing); });
        clock.restart();
        QCOMPARE(virDomainDestroy(guest.get()), 0);
        const qint64 destroyedAfter = clock.elapsed();
        QVERIFY2(!removed.isEmpty() || removed.wait(2000),
                 "the destroyed guest did not go within 2 s");
        QCOMPARE(removed.constFirst().at(1).toStringList(), QStringList{QString::fromLatin1(uuid)});
        QVERIFY2(removedAt - destroyedAfter <= 2000, "the destroyed guest went too late");
        qInfo("shown %lld ms after the start returned, gone %lld ms after the destroy returned",
              shownAfter, removedAt - destroyedAfter);
    }
};

BS_TEST_MAIN(TestE2eLifecycle)
#include "tst_e2e_lifecycle.moc"
