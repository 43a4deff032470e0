// The embedded demo host for real: qemu:///embed in this process, its guests from the images the
// test bed built, and a MonitoredHost opening the same embed URI on its own thread (the driver is
// shared within the process). Needs the guest images and QEMU, as the test bed does.
#include "TestBed.h"
#include "TestMain.h"
#include "demo/DemoHost.h"
#include "demo/GuestImages.h"
#include "metrics/DerivedMetrics.h"
#include "monitor/MonitoredHost.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <unistd.h>

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

    // Root on a fresh machine: no libvirt-qemu account (libvirt-daemon-system not installed).
    // The bed created that account on this machine, so the test takes it away for one process
    // tree: a private mount namespace with copies of /etc/passwd and /etc/group without it.
    // The CLI's demo must still run its four guests in QEMU, creating no account.
    void cliDemoAsRootWithoutQemuAccount() {
        if (geteuid() != 0)
            QFAIL("this test needs root (a mount namespace); CTest runs e2e tests as root");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char *name : {"passwd", "group"}) {
            QFile system(QStringLiteral("/etc/") + QLatin1String(name));
            QVERIFY(system.open(QIODevice::ReadOnly));
            QByteArray kept;
            for (const QByteArray &line : system.readAll().split('\n')) {
                if (!line.isEmpty() && !line.startsWith("libvirt-qemu:"))
                    kept += line + '\n';
            }
            QFile copy(dir.filePath(QLatin1String(name)));
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(kept);
        }
        const QString cli =
            qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope-cli");
        // In the namespace: the account is gone (getent fails), then the demo.
        const QString script = QStringLiteral(
            "mount --bind \"$1/passwd\" /etc/passwd && mount --bind \"$1/group\" /etc/group && "
            "if getent passwd libvirt-qemu >/dev/null; then echo 'account still there' >&2; exit "
            "9; fi && "
            "exec \"$2\" domains --demo --json");
        const ProgramRun run =
            runProgram(QStringLiteral("unshare"),
                       {QStringLiteral("--mount"), QStringLiteral("--propagation"),
                        QStringLiteral("private"), QStringLiteral("sh"), QStringLiteral("-c"),
                        script, QStringLiteral("sh"), dir.path(), cli},
                       150000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("not available")), qPrintable(run.err));
        const QJsonArray guests = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QStringList names;
        for (const QJsonValue &g : guests)
            names.append(g.toObject().value(QStringLiteral("name")).toString());
        for (const char *name : {"demo-sawtooth", "demo-steady", "demo-nodriver", "demo-noperiod"})
            QVERIFY2(names.contains(QLatin1String(name)), qPrintable(run.out + run.err));
        qInfo("the demo showed its guests after %lld ms", run.elapsedMs);
        QVERIFY2(run.elapsedMs < 120000, "the demo took longer than two minutes");
        // No account was created: the namespace's /etc/passwd and /etc/group were our copies.
        for (const char *name : {"passwd", "group"}) {
            QFile copy(dir.filePath(QLatin1String(name)));
            QVERIFY(copy.open(QIODevice::ReadOnly));
            QVERIFY2(!copy.readAll().contains("libvirt-qemu:"), name);
        }
    }
};

BS_TEST_MAIN(TestE2eDemo)
#include "tst_e2e_demo.moc"
