// The demo host's fallback path, which needs no QEMU: without guest images it offers
// test:///default and says why. (The embedded QEMU path is exercised by
// "balloonscope-cli sample --demo", see docs/TESTBED.md: it boots real guests.)
#include "TestMain.h"
#include "demo/DemoHost.h"
#include "monitor/MonitoredHost.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;

class TestDemoHost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fallsBackToTheTestDriverWithoutImages() {
        QTemporaryDir data;
        QTemporaryDir noImages;
        QVERIFY(data.isValid() && noImages.isValid());
        DemoConfig config;
        config.dataDir = data.path();
        config.imagesDir = noImages.path();
        DemoHost demo(config);
        QSignalSpy progress(&demo, &DemoHost::progress);
        QSignalSpy ready(&demo, &DemoHost::ready);
        demo.start();
        QVERIFY(ready.wait(10000));
        const auto result = ready.first().first().value<DemoResult>();
        QVERIFY(result.fallback);
        QCOMPARE(result.uri, QStringLiteral("test:///default"));
        QVERIFY2(result.reason.contains(noImages.path()), qPrintable(result.reason));
        QVERIFY(result.guests.isEmpty());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.first().first().value<DemoProgress>().step, 1);

        // What it offers instead can be monitored like any host.
        MonitorConfig monitor;
        monitor.uri = result.uri;
        MonitoredHost host(monitor, std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        host.start();
        QVERIFY(cycles.wait(10000));
        QVERIFY(!cycles.first().first().value<PollCycle>().samples.isEmpty());
    }

    void destroyingBeforeStartIsHarmless() { DemoHost demo; }
};

BS_TEST_MAIN(TestDemoHost)
#include "tst_demohost.moc"
