// The embedded demo host for real: qemu:///embed in this process, its guests from the images the
// test bed built, and a MonitoredHost opening the same embed URI on its own thread (the driver is
// shared within the process). Needs the guest images and QEMU, as the test bed does.
#include "TestBed.h"
#include "TestMain.h"
#include "demo/DemoHost.h"
#include "demo/GuestImages.h"
#include "metrics/DerivedMetrics.h"
#include "monitor/MonitoredHost.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::e2e;

class TestE2eDemo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QString why;
        if (!TestBed::load(&why))
            QFAIL(qPrintable(why)); // the bed's "up" built the images this test boots
        QVERIFY2(findGuestImages(defaultGuestImagesDir()).ok(),
                 qPrintable(defaultGuestImagesDir()));
    }

    void demoGuestsRunReportAndStop() {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        DemoConfig config;
        config.dataDir = data.path();
        QString uri;
        {
            DemoHost demo(config);
            QSignalSpy progress(&demo, &DemoHost::progress);
            QSignalSpy ready(&demo, &DemoHost::ready);
            demo.start();
            QVERIFY(ready.wait(150000));
            const auto result = ready.first().first().value<DemoResult>();
            QVERIFY2(!result.fallback,
                     qPrintable(result.reason + QLatin1Char(' ') + result.detail));
            QVERIFY(result.uri.startsWith(QLatin1String("qemu:///embed?root=")));
            QCOMPARE(result.guests.size(), 4);
            QVERIFY(progress.size() >= 4);
            uri = result.uri;

            MonitorConfig monitor;
            monitor.uri = uri;
            monitor.intervalSeconds = 1;
            MonitoredHost host(monitor, std::make_shared<NoCredentials>());
            QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
            host.start();
            QSet<quint64> sawtoothUsed;
            PollCycle last;
            // period 1 s, poll 1 s: no_driver after 2 periods + a poll; the sawtooth steps
            // every 6 s.
            const bool settled = waitForCycle(
                cycles,
                [&](const PollCycle &c) {
                    last = c;
                    const MemorySample *saw = findGuest(c, QStringLiteral("demo-sawtooth"));
                    if (saw && saw->freshReport) {
                        if (const auto used = deriveMetrics(saw->stats).used)
                            sawtoothUsed.insert(*used);
                    }
                    const auto state = [&](const char *name) {
                        const MemorySample *s = findGuest(c, QLatin1String(name));
                        return s ? s->statsState : StatsState::Unknown;
                    };
                    return sawtoothUsed.size() >= 2 &&
                           state("demo-sawtooth") == StatsState::Reporting &&
                           state("demo-steady") == StatsState::Reporting &&
                           state("demo-nodriver") == StatsState::NoDriver &&
                           state("demo-noperiod") == StatsState::Off;
                },
                30000);
            if (!settled) {
                QStringList got;
                for (const MemorySample &s : std::as_const(last.samples))
                    got.append(s.name + QLatin1Char('=') + statsStateKey(s.statsState));
                QFAIL(qPrintable(got.join(QLatin1Char(' '))));
            }
        }
        // Destroyed: no QEMU of the demo may be left (the embedded driver has no autodestroy).
        QProcess pgrep;
        pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), data.path()});
        QVERIFY(pgrep.waitForFinished(5000));
        QCOMPARE(pgrep.readAllStandardOutput(), QByteArray());
    }
};

BS_TEST_MAIN(TestE2eDemo)
#include "tst_e2e_demo.moc"
