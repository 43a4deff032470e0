// A desktop user's own VMs: qemu:///session, the session daemon of a normal user (what GNOME
// Boxes and virt-manager's user session use). The test bed runs that daemon for its user and two
// guests of it; CTest runs this test AS that user (tests/support/as-bed-user.sh), so every
// connection here is the user's own, exactly as the app would make it on a desktop.
//   - stats arrive from the user's guest and match what the guest itself prints;
//   - readiness tells the guest without a stats period from the one that reports;
//   - enable-stats and set-balloon work on the user's guests, and the monitor sees the change;
//   - the embedded demo runs as a normal user (no root, no libvirt daemon of its own).
#include "TestBed.h"
#include "TestMain.h"
#include "metrics/DerivedMetrics.h"
#include "monitor/MonitoredHost.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <unistd.h>

using namespace bs;
using namespace bs::e2e;

namespace {

QString cli() {
    return qEnvironmentVariable("BS_CLI");
}

QJsonArray jsonArray(const QString &text) {
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QJsonObject byName(const QJsonArray &array, const QString &name) {
    for (const QJsonValue &v : array) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestE2eSession : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    QString m_steady;   // reports (virtio, stats period set)
    QString m_noPeriod; // virtio, no stats period

    MonitorConfig config() const {
        MonitorConfig c;
        c.uri = m_bed->sessionUri;
        c.intervalSeconds = 1;
        return c;
    }

    // Polls the session until `pred` holds for the guest's sample, up to `ms`.
    bool waitForGuest(const QString &guest, const std::function<bool(const MemorySample &)> &pred,
                      int ms, MemorySample *found = nullptr) {
        MonitoredHost host(config(), std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        host.start();
        PollCycle cycle;
        const bool ok = waitForCycle(
            cycles,
            [&](const PollCycle &c) {
                const MemorySample *s = findGuest(c, guest);
                return s && pred(*s);
            },
            ms, &cycle);
        if (ok && found)
            *found = *findGuest(cycle, guest);
        return ok;
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
        QVERIFY2(!m_bed->sessionUri.isEmpty(),
                 "the bed has no session daemon (BS_TESTBED_SESSION_URI)");
        QVERIFY2(QFileInfo(cli()).isExecutable(), qPrintable(QStringLiteral("BS_CLI=") + cli()));
        m_steady = m_bed->guest(QStringLiteral("user-steady"));
        m_noPeriod = m_bed->guest(QStringLiteral("user-noperiod"));
    }

    // The premise: a normal user, on the URI a desktop uses.
    void runsAsANormalUser() {
        QVERIFY2(geteuid() != 0, "this test must run as the bed's normal user, not root");
        QCOMPARE(m_bed->sessionUri, QStringLiteral("qemu:///session"));
    }

    // The user's reporting guest: its used (available − unused) is the guest's own
    // MemTotal − MemFree (it holds its memory steady), and the other guest is "stats off".
    void statsFromTheUsersGuest() {
        MemorySample steady;
        QVERIFY2(waitForGuest(
                     m_steady,
                     [](const MemorySample &s) {
                         return s.statsState == StatsState::Reporting && s.freshReport;
                     },
                     4 * m_bed->statsPeriod * 1000 + 5000, &steady),
                 "the session guest did not report");
        const auto used = deriveMetrics(steady.stats).used;
        QVERIFY(used.has_value());
        const QList<GuestMeminfo> truth = readGuestMeminfo(m_bed->sessionSerialLog(m_steady));
        QVERIFY2(!truth.isEmpty(), qPrintable(m_bed->sessionSerialLog(m_steady)));
        const double guestUsed = double(truth.constLast().used());
        const double error = std::abs(double(*used) - guestUsed) / guestUsed;
        qInfo("reported used %llu KiB, the guest says %.0f KiB (%.2f %%)",
              static_cast<unsigned long long>(*used), guestUsed, error * 100);
        QVERIFY2(error <= 0.02, "used differs from the guest's MemTotal - MemFree by over 2 %");

        QVERIFY2(waitForGuest(
                     m_noPeriod,
                     [](const MemorySample &s) { return s.statsState == StatsState::Off; }, 10000),
                 "the guest without a period is not shown as stats off");
    }

    // The CLI's readiness, as the user: ready for one, "polling off" with the fix for the other.
    void readinessOfTheUsersGuests() {
        const ProgramRun run = runProgram(cli(),
                                          {QStringLiteral("readiness"), QStringLiteral("--connect"),
                                           m_bed->sessionUri, QStringLiteral("--json"),
                                           QStringLiteral("--max-wait"), QStringLiteral("20")},
                                          60000);
        QCOMPARE(run.exitCode, 1); // not all ready
        const QJsonArray reports = jsonArray(run.out);
        const QJsonObject steady = byName(reports, m_steady);
        const QJsonObject noPeriod = byName(reports, m_noPeriod);
        QCOMPARE(steady.value(QStringLiteral("verdict")).toString(), QStringLiteral("ready"));
        QCOMPARE(noPeriod.value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("polling_off"));
        QVERIFY2(!noPeriod.value(QStringLiteral("fix_commands")).toArray().isEmpty(),
                 qPrintable(run.out));
    }

    // enable-stats on the user's guest: reports start flowing; then off again.
    void enableStatsOnTheUsersGuest() {
        ProgramRun run =
            runProgram(cli(),
                       {QStringLiteral("enable-stats"), QStringLiteral("--connect"),
                        m_bed->sessionUri, QStringLiteral("--domain"), m_noPeriod,
                        QStringLiteral("--period"), QStringLiteral("2"), QStringLiteral("--live")},
                       60000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const bool reporting = waitForGuest(
            m_noPeriod,
            [](const MemorySample &s) {
                return s.statsState == StatsState::Reporting && s.freshReport;
            },
            4 * 2000 + 5000);
        run = runProgram(cli(),
                         {QStringLiteral("enable-stats"), QStringLiteral("--connect"),
                          m_bed->sessionUri, QStringLiteral("--domain"), m_noPeriod,
                          QStringLiteral("--period"), QStringLiteral("off"),
                          QStringLiteral("--live")},
                         60000);
        QVERIFY2(reporting, "no reports after the stats period was set");
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    }

    // set-balloon on the user's guest: actual follows to the new target; then back.
    void balloonTargetOnTheUsersGuest() {
        MemorySample before;
        QVERIFY(waitForGuest(
            m_steady, [](const MemorySample &s) { return s.stats.actual.has_value(); }, 10000,
            &before));
        const quint64 original = *before.stats.actual;
        const quint64 target = original - 32 * 1024;
        const auto setTo = [&](quint64 kib) {
            return runProgram(cli(),
                              {QStringLiteral("set-balloon"), QStringLiteral("--connect"),
                               m_bed->sessionUri, QStringLiteral("--domain"), m_steady,
                               QStringLiteral("--target"), QStringLiteral("%1MiB").arg(kib / 1024),
                               QStringLiteral("--live")},
                              60000);
        };
        ProgramRun run = setTo(target);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const bool followed = waitForGuest(
            m_steady, [&](const MemorySample &s) { return s.stats.actual == target; }, 20000);
        run = setTo(original);
        QVERIFY2(followed, "actual did not follow the balloon target");
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(waitForGuest(
            m_steady, [&](const MemorySample &s) { return s.stats.actual == original; }, 20000));
    }

    // The embedded demo as a normal user: its four guests, in QEMU (not the test driver),
    // within two minutes.
    void demoRunsForANormalUser() {
        const ProgramRun run = runProgram(
            cli(), {QStringLiteral("domains"), QStringLiteral("--demo"), QStringLiteral("--json")},
            150000, {QStringLiteral("BALLOONSCOPE_GUEST_IMAGES=") + m_bed->images});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("not available")), qPrintable(run.err));
        const QJsonArray guests = jsonArray(run.out);
        for (const char *name : {"demo-sawtooth", "demo-steady", "demo-nodriver", "demo-noperiod"})
            QVERIFY2(!byName(guests, QLatin1String(name)).isEmpty(), qPrintable(run.out));
        qInfo("the demo showed its guests after %lld ms", run.elapsedMs);
        QVERIFY2(run.elapsedMs < 120000, "the demo took longer than two minutes");
    }
};

BS_TEST_MAIN(TestE2eSession)
#include "tst_e2e_session.moc"
