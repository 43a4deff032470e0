#include "ReadinessTestData.h"
#include "TestMain.h"
#include "TestSupport.h"
#include "readiness/ReadinessInspector.h"
#include "readiness/ReadinessJson.h"
#include "readiness/ReplayAgentChannel.h"

#include <QJsonArray>

using namespace bs;
using namespace bs::test;

Q_DECLARE_METATYPE(bs::GuestEvidence)

namespace {

QByteArray qga(const char *file) {
    return test::readFixture(QStringLiteral("qga/") + QLatin1String(file));
}

GuestEvidence guest(const HostEvidence &host) {
    GuestEvidence e;
    e.hostId = host.uri;
    e.uuid = QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f");
    e.name = host.name;
    e.host = host;
    e.timeMs = host.nowMs;
    return e;
}

const QString Win10 = QStringLiteral("http://microsoft.com/win/10");
const QString Debian = QStringLiteral("http://debian.org/debian/12");

// What a Windows guest's agent says, replayed from recorded payloads (no Windows guest here).
AgentFindings windowsAgent(const char *devices, const char *serviceStatus) {
    ReplayAgentChannel channel;
    channel.addPayload(QStringLiteral("guest-info"), qga("qga-guest-info.unknown-fields.bs.json"));
    channel.addPayload(QStringLiteral("guest-get-osinfo"),
                       qga("qga-guest-get-osinfo.win11.winapps-docs.json"));
    channel.addPayload(QStringLiteral("guest-get-devices"), qga(devices));
    channel.addPayload(QStringLiteral("guest-exec"), qga("qga-guest-exec.response.synthetic.json"));
    channel.addPayload(QStringLiteral("guest-exec-status"), qga(serviceStatus));
    return AgentInspector(channel, {}, [](int) {}).run(OsFamily::Unknown);
}

HostEvidence neverReported(const QString &os = Win10) {
    return runningGuest(domain(QStringLiteral("virtio"), 2, os, QStringLiteral("connected")),
                        {reading(0, 0), reading(7, 0)});
}

HostEvidence frozen(const QString &os = Win10) {
    return runningGuest(domain(QStringLiteral("virtio"), 2, os, QStringLiteral("connected")),
                        {reading(0, T0 - 100, false), reading(7, T0 - 100, false)});
}

HostEvidence advancing(const QString &os = Win10) {
    return runningGuest(domain(QStringLiteral("virtio"), 2, os, QStringLiteral("connected")),
                        {reading(0, T0 - 1), reading(3, T0 + 2)});
}

} // namespace

class TestReadinessInspector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // DOMAIN.md §3 from the host alone: what the test bed's guests must get.
    void hostOnlyVerdicts_data() {
        QTest::addColumn<GuestEvidence>("evidence");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<FixKind>("fix");
        QTest::addColumn<QString>("deciding");

        QTest::newRow("sawtooth: ready") << guest(advancing(Debian)) << Verdict::Ready
                                         << FixKind::None << "last_update_advancing";
        QTest::newRow("no period: polling off")
            << guest(runningGuest(domain(QStringLiteral("virtio")),
                                  {reading(0, T0 - 9), reading(9, T0 - 9)}))
            << Verdict::PollingOff << FixKind::StatsPeriod << "stats_period_live";
        QTest::newRow("model none")
            << guest(runningGuest(domain(QStringLiteral("none")))) << Verdict::NoBalloonDevice
            << FixKind::HostAdmin << "balloon_device";
        QTest::newRow("nodriver (linux)")
            << guest(neverReported(Debian)) << Verdict::NoBalloonDriver << FixKind::InGuest
            << "last_update_reported";
        QTest::newRow("stale: nothing delivering")
            << guest(frozen(QString())) << Verdict::NotDelivering << FixKind::InGuest
            << "last_update_advancing";
        QTest::newRow("too early") << guest(runningGuest(domain(QStringLiteral("virtio"), 10),
                                                         {reading(0, 0), reading(4, 0)}))
                                   << Verdict::Unknown << FixKind::None << "last_update_advancing";
        HostEvidence off = runningGuest(domain(QStringLiteral("virtio")));
        off.state = DomainState::Shutoff;
        QTest::newRow("shut off, no period in config")
            << guest(off) << Verdict::PollingOff << FixKind::StatsPeriod
            << "stats_period_persistent";
        HostEvidence offWithPeriod = runningGuest(domain(QStringLiteral("virtio"), 10));
        offWithPeriod.state = DomainState::Shutoff;
        QTest::newRow("shut off, period set")
            << guest(offWithPeriod) << Verdict::Unknown << FixKind::HostAdmin << "guest_running";
        HostEvidence offNone = runningGuest(domain(QStringLiteral("none")));
        offNone.state = DomainState::Shutoff;
        QTest::newRow("shut off, model none")
            << guest(offNone) << Verdict::NoBalloonDevice << FixKind::HostAdmin << "balloon_device";
        HostEvidence paused = advancing();
        paused.state = DomainState::Paused;
        QTest::newRow("paused") << guest(paused) << Verdict::Unknown << FixKind::HostAdmin
                                << "guest_running";
        QTest::newRow("xml unreadable") << guest(runningGuest(DomainXmlFacts{})) << Verdict::Unknown
                                        << FixKind::None << "balloon_device";
        QTest::newRow("reports without guest fields")
            << guest(runningGuest(domain(QStringLiteral("virtio"), 2),
                                  {reading(0, T0 - 1, false), reading(3, T0 + 2, false)}))
            << Verdict::NotDelivering << FixKind::InGuest << "guest_fields";
    }
    void hostOnlyVerdicts() {
        QFETCH(GuestEvidence, evidence);
        const ReadinessReport r = ReadinessInspector::inspect(evidence);
        QFETCH(Verdict, verdict);
        QCOMPARE(verdictKey(r.verdict), verdictKey(verdict));
        QTEST(r.fix, "fix");
        QFETCH(QString, deciding);
        QVERIFY(r.decidingCheck);
        QCOMPARE(ReadinessCheck::checkIdKey(*r.decidingCheck), deciding);
        QVERIFY(r.check(*r.decidingCheck));
        QVERIFY(!r.reason.isEmpty());
        QVERIFY(!r.nextStep.isEmpty());
        QVERIFY(!r.agentUsed);
        // Without the opt-in, the agent appears only as the channel note.
        for (const ReadinessCheck &c : r.checks) {
            if (c.source() == CheckSource::Agent)
                QCOMPARE(c.id, CheckId::AgentChannel);
            if (c.status == CheckStatus::Fail)
                QVERIFY2(!c.remedy.isEmpty(), qPrintable(c.key()));
        }
    }

    void nextStepFollowsTheOs() {
        const ReadinessReport windows = ReadinessInspector::inspect(guest(neverReported(Win10)));
        QCOMPARE(windows.verdict, Verdict::NoBalloonDriver);
        QCOMPARE(windows.osFamily, OsFamily::Windows);
        QVERIFY(windows.fixCommands.join(QLatin1Char('\n'))
                    .contains(QLatin1String("virtio-win-guest-tools.exe")));
        QVERIFY(windows.check(CheckId::WindowsFieldMeaning));

        const ReadinessReport linux = ReadinessInspector::inspect(guest(neverReported(Debian)));
        QVERIFY(linux.fixCommands.contains(QStringLiteral("modprobe virtio_balloon")));

        const ReadinessReport unknown =
            ReadinessInspector::inspect(guest(neverReported(QString())));
        const QString both = unknown.fixCommands.join(QLatin1Char('\n'));
        QVERIFY(both.contains(QLatin1String("modprobe virtio_balloon")));
        QVERIFY(both.contains(QLatin1String("virtio-win-guest-tools.exe")));

        const ReadinessReport stale = ReadinessInspector::inspect(guest(frozen(Win10)));
        QCOMPARE(stale.verdict, Verdict::NotDelivering);
        QVERIFY(stale.reason.contains(QLatin1String("BalloonService")));
        QVERIFY(stale.fixCommands.contains(QStringLiteral("Start-Service BalloonService")));
        QVERIFY(stale.fixCommands.contains(QStringLiteral(".\\blnsvr.exe -i")));
    }

    // The agent refines what the host cannot tell apart.
    void driverInstalledServiceMissing() {
        // last_update never moved (issue 41's guest), but the driver is installed: it is the
        // service that is missing, not the driver.
        GuestEvidence e = guest(neverReported(Win10));
        e.agentRequested = true;
        e.agent = windowsAgent("qga-guest-get-devices.balloon-modern.synthetic.json",
                               "qga-guest-exec-status.sc-missing-1060.synthetic.json");
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.verdict, Verdict::NotDelivering);
        QCOMPARE(r.decidingCheck, std::optional<CheckId>(CheckId::WindowsBalloonService));
        QVERIFY(r.fixCommands.contains(QStringLiteral(".\\blnsvr.exe -i")));
        QVERIFY(r.agentUsed);
        QCOMPARE(r.check(CheckId::WindowsBalloonDriver)->status, CheckStatus::Pass);
        QCOMPARE(r.check(CheckId::WindowsBalloonService)->status, CheckStatus::Fail);
        QVERIFY(r.check(CheckId::WindowsBalloonDriver)
                    ->evidence.contains(QLatin1String("100.80.104.17300")));
        QVERIFY(r.osDescription.contains(QLatin1String("guest agent")));
    }

    void driverMissingPerAgent() {
        GuestEvidence e = guest(neverReported(QString())); // OS known from the agent only
        e.agentRequested = true;
        e.agent = windowsAgent("qga-guest-get-devices.no-balloon-driver.synthetic.json",
                               "qga-guest-exec-status.powershell-missing.synthetic.json");
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.verdict, Verdict::NoBalloonDriver);
        QCOMPARE(r.osFamily, OsFamily::Windows);
        QCOMPARE(r.check(CheckId::WindowsBalloonDriver)->status, CheckStatus::Fail);
        QVERIFY(r.fixCommands.join(QLatin1Char('\n'))
                    .contains(QLatin1String("virtio-win-guest-tools.exe")));
        QVERIFY(r.check(CheckId::WindowsFieldMeaning)); // added although libosinfo said nothing
    }

    void serviceStoppedWhileFrozen() {
        GuestEvidence e = guest(frozen(Win10));
        e.agentRequested = true;
        e.agent = windowsAgent("qga-guest-get-devices.balloon-modern.synthetic.json",
                               "qga-guest-exec-status.sc-stopped.bs.json");
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.verdict, Verdict::NotDelivering);
        QVERIFY(r.fixCommands.contains(QStringLiteral("Start-Service BalloonService")));
        QVERIFY(!r.fixCommands.contains(QStringLiteral(".\\blnsvr.exe -i"))); // installed already
    }

    void freshStatsAreTheGroundTruth() {
        // Some driver builds report without the service: fresh stats win, the service is a note.
        GuestEvidence e = guest(advancing(Win10));
        e.agentRequested = true;
        e.agent = windowsAgent("qga-guest-get-devices.balloon-modern.synthetic.json",
                               "qga-guest-exec-status.powershell-missing.synthetic.json");
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.verdict, Verdict::Ready);
        QCOMPARE(r.check(CheckId::WindowsBalloonService)->status, CheckStatus::Warn);
        QVERIFY(r.isReady());
    }

    void serviceRunsButNothingArrives() {
        GuestEvidence e = guest(neverReported(Win10));
        e.agentRequested = true;
        e.agent = windowsAgent("qga-guest-get-devices.balloon-modern.synthetic.json",
                               "qga-guest-exec-status.powershell-running.synthetic.json");
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.verdict, Verdict::NotDelivering);
        QVERIFY(r.fixCommands.contains(QStringLiteral("Restart-Service BalloonService")));
    }

    void agentRequestedButNoChannel() {
        GuestEvidence e = guest(runningGuest(domain(QStringLiteral("virtio"), 2),
                                             {reading(0, T0), reading(3, T0 + 3)}));
        e.agentRequested = true;
        e.agentNotRunReason = QStringLiteral("the guest has no guest-agent channel.");
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.verdict, Verdict::Ready); // the agent is never needed for the verdict
        QCOMPARE(r.check(CheckId::AgentChannel)->status, CheckStatus::Warn);
        QCOMPARE(r.check(CheckId::AgentInfo)->status, CheckStatus::Unknown);
        QVERIFY(r.check(CheckId::AgentInfo)->evidence.contains(e.agentNotRunReason));
        QVERIFY(!r.agentUsed);
    }

    void agentTimedOut() {
        ReplayAgentChannel channel;
        channel.addFailure(QStringLiteral("guest-info"), AgentReply::Kind::Timeout);
        GuestEvidence e = guest(frozen(Win10));
        e.agentRequested = true;
        e.agent = AgentInspector(channel, {}, [](int) {}).run(OsFamily::Windows);
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.verdict, Verdict::NotDelivering); // the host still decides
        const ReadinessCheck *info = r.check(CheckId::AgentInfo);
        QVERIFY(info);
        QCOMPARE(info->status, CheckStatus::Unknown);
        QVERIFY2(info->evidence.contains(QLatin1String("5 s")), qPrintable(info->evidence));
        QVERIFY(r.agentUsed); // the command reached libvirt's agent monitor: tainted
    }

    void agentDisabledCommand() {
        ReplayAgentChannel channel;
        channel.addPayload(QStringLiteral("guest-info"), qga("qga-guest-info.vdsm-test.json"));
        GuestEvidence e = guest(frozen(Win10));
        e.agentRequested = true;
        e.agent = AgentInspector(channel, {}, [](int) {}).run(OsFamily::Windows);
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.check(CheckId::AgentInfo)->status, CheckStatus::Warn);
        const ReadinessCheck *service = r.check(CheckId::WindowsBalloonService);
        QVERIFY(service);
        QCOMPARE(service->status, CheckStatus::Unknown);
        QVERIFY(service->evidence.contains(QLatin1String("guest-exec")));
    }

    void linuxAgentSeesTheDriver() {
        ReplayAgentChannel channel;
        channel.addPayload(QStringLiteral("guest-info"),
                           qga("qga-guest-info.unknown-fields.bs.json"));
        channel.addPayload(QStringLiteral("guest-get-osinfo"),
                           qga("qga-guest-get-osinfo.debian12.bs.json"));
        channel.addPayload(QStringLiteral("guest-exec"),
                           qga("qga-guest-exec.response.synthetic.json"));
        channel.addPayload(QStringLiteral("guest-exec-status"),
                           qga("qga-guest-exec-status.ls-missing.bs.json"));
        GuestEvidence e = guest(neverReported(QString()));
        e.agentRequested = true;
        e.agent = AgentInspector(channel, {}, [](int) {}).run(OsFamily::Unknown);
        const ReadinessReport r = ReadinessInspector::inspect(e);
        QCOMPARE(r.verdict, Verdict::NoBalloonDriver);
        QCOMPARE(r.osFamily, OsFamily::Linux);
        QCOMPARE(r.check(CheckId::LinuxBalloonDriver)->status, CheckStatus::Fail);
        QVERIFY(r.fixCommands.contains(QStringLiteral("modprobe virtio_balloon")));
        QVERIFY(!r.check(CheckId::WindowsFieldMeaning));
    }

    void json() {
        GuestEvidence e = guest(neverReported(Win10));
        e.agentRequested = true;
        e.agent = windowsAgent("qga-guest-get-devices.balloon-modern.synthetic.json",
                               "qga-guest-exec-status.powershell-missing.synthetic.json");
        const QJsonObject o = readinessReportToJson(ReadinessInspector::inspect(e));
        QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("not_delivering"));
        QCOMPARE(o.value(QLatin1String("ready")).toBool(), false);
        QCOMPARE(o.value(QLatin1String("fix")).toString(), QStringLiteral("in_guest"));
        QCOMPARE(o.value(QLatin1String("deciding_check")).toString(),
                 QStringLiteral("windows_balloon_service"));
        QCOMPARE(o.value(QLatin1String("os_family")).toString(), QStringLiteral("windows"));
        QCOMPARE(o.value(QLatin1String("agent_used")).toBool(), true);
        QStringList ids;
        for (const QJsonValue &c : o.value(QLatin1String("checks")).toArray()) {
            const QJsonObject check = c.toObject();
            ids << check.value(QLatin1String("id")).toString();
            QVERIFY(
                QStringList({QStringLiteral("pass"), QStringLiteral("warn"), QStringLiteral("fail"),
                             QStringLiteral("unknown"), QStringLiteral("info")})
                    .contains(check.value(QLatin1String("status")).toString()));
            QVERIFY(check.value(QLatin1String("commands")).isArray());
        }
        QVERIFY(ids.contains(QStringLiteral("last_update_reported")));
        QVERIFY(ids.contains(QStringLiteral("windows_balloon_driver")));
        QCOMPARE(ids.count(QStringLiteral("agent_channel")), 1);
    }

    void everyEnumHasWords() {
        for (int i = 0; i <= int(Verdict::Unknown); ++i) {
            QVERIFY(!verdictKey(Verdict(i)).isEmpty());
            QVERIFY(!verdictName(Verdict(i)).isEmpty());
        }
        QStringList keys;
        for (int i = 0; i <= int(CheckId::LinuxBalloonDriver); ++i) {
            QVERIFY(!ReadinessCheck::checkTitle(CheckId(i)).isEmpty());
            keys << ReadinessCheck::checkIdKey(CheckId(i));
        }
        keys.removeDuplicates();
        QCOMPARE(keys.size(), int(CheckId::LinuxBalloonDriver) + 1);
        QVERIFY(agentTaintWarning().contains(QLatin1String("tainted")));
    }
};

BS_TEST_MAIN(TestReadinessInspector)
#include "tst_readinessinspector.moc"
