#include "TestMain.h"
#include "TestSupport.h"
#include "readiness/AgentCommands.h"
#include "readiness/AgentInspector.h"
#include "readiness/ReplayAgentChannel.h"

#include <QJsonDocument>

using namespace bs;
using Outcome = AgentStep::Outcome;

namespace {

QByteArray qga(const char *file) {
    return test::readFixture(QStringLiteral("qga/") + QLatin1String(file));
}

QStringList names(std::initializer_list<const char *> list) {
    QStringList out;
    for (const char *n : list)
        out << QLatin1String(n);
    return out;
}

} // namespace

// The agent queries against recorded payloads: ReplayAgentChannel replays files from
// tests/fixtures/qga (no Windows guest here), the sleeper between guest-exec-status polls is
// counted instead of slept.
class TestAgentInspector : public QObject {
    Q_OBJECT

    ReplayAgentChannel *channel = nullptr;
    int sleeps = 0;
    AgentOptions options;

    AgentFindings run(OsFamily hostFamily) {
        AgentInspector inspector(*channel, options, [this](int) { ++sleeps; });
        return inspector.run(hostFamily);
    }

    void scriptWindows() {
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.unknown-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.ws2022-NA.qemu-devel.json"));
        channel->addPayload(QStringLiteral("guest-get-devices"),
                            qga("qga-guest-get-devices.balloon-modern.synthetic.json"));
        channel->addPayload(QStringLiteral("guest-exec"),
                            qga("qga-guest-exec.response.synthetic.json"));
    }

private Q_SLOTS:
    void init() {
        delete channel;
        channel = new ReplayAgentChannel;
        sleeps = 0;
        options = AgentOptions{};
        options.commandTimeoutSeconds = 3;
        options.execMaxPolls = 4;
    }
    void cleanupTestCase() { delete channel; }

    void windowsHealthy() {
        scriptWindows();
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.running.synthetic.json"));
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.powershell-running.synthetic.json"));
        // The host's metadata says nothing: the agent's osinfo decides the OS.
        const AgentFindings f = run(OsFamily::Unknown);
        QVERIFY(f.info.ok());
        QVERIFY(f.os);
        QCOMPARE(f.os->family(), OsFamily::Windows);
        QVERIFY(f.deviceList);
        QVERIFY(findBalloonDriver(*f.deviceList));
        QVERIFY(f.serviceState);
        QCOMPARE(f.serviceState->state, ServiceState::State::Running);
        QCOMPARE(f.serviceState->via, QStringLiteral("powershell"));
        QVERIFY(!f.linuxState);
        // Polled until exited (which reaps the process in qemu-ga), sleeping before each poll.
        QCOMPARE(f.sent, names({"guest-info", "guest-get-osinfo", "guest-get-devices", "guest-exec",
                                "guest-exec-status", "guest-exec-status"}));
        QCOMPARE(sleeps, 2);
        // Only the fixed query went to guest-exec, for the pid guest-exec returned.
        const QList<QJsonObject> &requests = channel->requests();
        QCOMPARE(requests.at(3), agent::execPowerShellServiceQuery());
        QCOMPARE(requests.at(4), agent::execStatus(4812));
        for (int timeout : channel->timeouts())
            QCOMPARE(timeout, 3);
    }

    void serviceMissingByPowerShell() {
        scriptWindows();
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.powershell-missing.synthetic.json"));
        const AgentFindings f = run(OsFamily::Windows);
        QVERIFY(f.serviceState);
        QCOMPARE(f.serviceState->state, ServiceState::State::NotInstalled);
        QCOMPARE(f.sent.count(QStringLiteral("guest-exec")), 1); // conclusive: no sc.exe
    }

    void powerShellFailsSoScDecides() {
        scriptWindows();
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.powershell-error.bs.json"));
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.sc-missing-1060.synthetic.json"));
        const AgentFindings f = run(OsFamily::Windows);
        QVERIFY(f.serviceState);
        QCOMPARE(f.serviceState->state, ServiceState::State::NotInstalled);
        QCOMPARE(f.serviceState->via, QStringLiteral("sc"));
        QCOMPARE(f.sent.count(QStringLiteral("guest-exec")), 2);
        QCOMPARE(channel->requests().at(channel->requests().size() - 2),
                 agent::execScServiceQuery());
        QVERIFY(f.service.detail.contains(QLatin1String("PowerShell")));
    }

    void powerShellCannotStartSoScDecides() {
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.unknown-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.win11.winapps-docs.json"));
        channel->addPayload(QStringLiteral("guest-get-devices"),
                            qga("qga-guest-get-devices.balloon-modern.synthetic.json"));
        channel->addPayload(QStringLiteral("guest-exec"),
                            qga("qga-error.exec-spawn-failed.bs.json"));
        channel->addPayload(QStringLiteral("guest-exec"),
                            qga("qga-guest-exec.response.synthetic.json"));
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.sc-running.synthetic.json"));
        const AgentFindings f = run(OsFamily::Windows);
        QVERIFY(f.serviceState);
        QCOMPARE(f.serviceState->state, ServiceState::State::Running);
        QCOMPARE(f.serviceState->via, QStringLiteral("sc"));
        QCOMPARE(sleeps, 1); // only the sc.exe process was polled
    }

    void invalidBase64FallsBackToSc() {
        scriptWindows();
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.bad-base64.bs.json"));
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.sc-running.synthetic.json"));
        const AgentFindings f = run(OsFamily::Windows);
        QVERIFY(f.serviceState);
        QCOMPARE(f.serviceState->via, QStringLiteral("sc"));
        QVERIFY2(f.service.detail.contains(QLatin1String("base64")), qPrintable(f.service.detail));
    }

    void invalidBase64Everywhere() {
        scriptWindows();
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.bad-base64.bs.json"));
        const AgentFindings f = run(OsFamily::Windows);
        QVERIFY(!f.serviceState);
        QCOMPARE(f.service.outcome, Outcome::BadReply);
    }

    void processThatNeverExitsIsBounded() {
        scriptWindows();
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.running.synthetic.json"));
        const AgentFindings f = run(OsFamily::Windows);
        QVERIFY(!f.serviceState);
        QCOMPARE(f.service.outcome, Outcome::StillRunning);
        // PowerShell, then sc.exe: each polled execMaxPolls times, no more.
        QCOMPARE(f.sent.count(QStringLiteral("guest-exec-status")), 2 * options.execMaxPolls);
        QCOMPARE(sleeps, 2 * options.execMaxPolls);
        QVERIFY(f.service.detail.contains(QLatin1String("4812")));
    }

    void execDisabledInGuestInfo() {
        // vdsm's guest-info: guest-exec disabled, and osinfo/devices not offered at all.
        channel->addPayload(QStringLiteral("guest-info"), qga("qga-guest-info.vdsm-test.json"));
        const AgentFindings f = run(OsFamily::Windows);
        QCOMPARE(f.sent, names({"guest-info"})); // nothing refused is sent
        QCOMPARE(f.osInfo.outcome, Outcome::NotFound);
        QCOMPARE(f.devices.outcome, Outcome::NotFound);
        QCOMPARE(f.service.outcome, Outcome::Disabled);
        QVERIFY(f.service.detail.contains(QLatin1String("guest-exec")));
    }

    void execDisabledByTheReply() {
        // guest-info without a command list: everything is tried, the agent's error tells.
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.no-command-list.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.win11.winapps-docs.json"));
        channel->addPayload(QStringLiteral("guest-get-devices"),
                            qga("qga-error.command-not-found.json"));
        channel->addPayload(QStringLiteral("guest-exec"), qga("qga-error.command-disabled.json"));
        const AgentFindings f = run(OsFamily::Unknown);
        QCOMPARE(f.info.outcome, Outcome::BadReply);
        QCOMPARE(f.devices.outcome, Outcome::NotFound);
        QCOMPARE(f.service.outcome, Outcome::Disabled);
        QCOMPARE(f.sent.count(QStringLiteral("guest-exec")), 1); // sc.exe would be refused too
        QVERIFY(!f.sent.contains(QStringLiteral("guest-exec-status")));
    }

    void agentThatTimesOut() {
        channel->addFailure(QStringLiteral("guest-info"), AgentReply::Kind::Timeout,
                            QStringLiteral("Guest agent not available for now"));
        const AgentFindings f = run(OsFamily::Windows);
        QCOMPARE(f.info.outcome, Outcome::Timeout);
        QCOMPARE(f.sent, names({"guest-info"})); // one timeout, not one per query
        QCOMPARE(f.osInfo.outcome, Outcome::NotRun);
        QCOMPARE(f.service.outcome, Outcome::NotRun);
    }

    void timeoutHalfway() {
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.unknown-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.win11.winapps-docs.json"));
        channel->addFailure(QStringLiteral("guest-get-devices"), AgentReply::Kind::Timeout);
        const AgentFindings f = run(OsFamily::Unknown);
        QCOMPARE(f.devices.outcome, Outcome::Timeout);
        QCOMPARE(f.service.outcome, Outcome::NotRun);
        QVERIFY(!f.sent.contains(QStringLiteral("guest-exec")));
    }

    void unsupportedConnection() {
        channel->addFailure(QStringLiteral("guest-info"), AgentReply::Kind::Unsupported);
        const AgentFindings f = run(OsFamily::Linux);
        QCOMPARE(f.info.outcome, Outcome::Unsupported);
        QCOMPARE(f.sent.size(), 1);
    }

    void osInfoOfTheWrongShape() {
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.unknown-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.not-an-object.bs.json"));
        const AgentFindings f = run(OsFamily::Unknown);
        QCOMPARE(f.osInfo.outcome, Outcome::BadReply);
        QVERIFY(!f.os);
        // Neither the agent nor the host knows the OS: no OS-specific query is sent.
        QCOMPARE(f.sent, names({"guest-info", "guest-get-osinfo"}));
    }

    void emptyOsInfoLeavesTheHostToDecide() {
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.unknown-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            QByteArrayLiteral(R"({"return":{}})"));
        channel->addPayload(QStringLiteral("guest-exec"),
                            qga("qga-guest-exec.response.synthetic.json"));
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.ls-bound.bs.json"));
        const AgentFindings f = run(OsFamily::Linux);
        QVERIFY(f.os);
        QVERIFY(f.linuxState);
        QCOMPARE(f.linuxState->state, LinuxDriverState::State::Bound);
    }

    void linuxBound() {
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.unknown-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.debian12.bs.json"));
        channel->addPayload(QStringLiteral("guest-exec"),
                            qga("qga-guest-exec.response.synthetic.json"));
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.ls-bound.bs.json"));
        const AgentFindings f = run(OsFamily::Windows); // wrong metadata: the agent wins
        QVERIFY(f.linuxState);
        QCOMPARE(f.linuxState->state, LinuxDriverState::State::Bound);
        QVERIFY(!f.sent.contains(QStringLiteral("guest-get-devices")));
        QCOMPARE(channel->requests().at(2), agent::execLinuxBalloonDriverListing());
    }

    void linuxNotLoaded() {
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.unknown-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.busybox-no-os-release.bs.json"));
        channel->addPayload(QStringLiteral("guest-exec"),
                            qga("qga-guest-exec.response.synthetic.json"));
        channel->addPayload(QStringLiteral("guest-exec-status"),
                            qga("qga-guest-exec-status.ls-missing.bs.json"));
        const AgentFindings f = run(OsFamily::Unknown);
        QVERIFY(f.linuxState);
        QCOMPARE(f.linuxState->state, LinuxDriverState::State::NotLoaded);
    }

    void linuxWithoutExecReadsProcModules() {
        // guest-exec refused (RHEL's default): /proc/modules through guest-file-*, read-only,
        // and the handle is closed again.
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.unknown-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.debian12.bs.json"));
        channel->addPayload(QStringLiteral("guest-exec"), qga("qga-error.command-disabled.json"));
        channel->addPayload(QStringLiteral("guest-file-open"), qga("qga-guest-file-open.bs.json"));
        channel->addPayload(QStringLiteral("guest-file-read"),
                            qga("qga-guest-file-read.proc-modules.bs.json"));
        channel->addPayload(QStringLiteral("guest-file-close"),
                            qga("qga-guest-file-close.bs.json"));
        const AgentFindings f = run(OsFamily::Linux);
        QVERIFY(f.linuxState);
        QCOMPARE(f.linuxState->state, LinuxDriverState::State::LoadedAsModule);
        QCOMPARE(f.sent, names({"guest-info", "guest-get-osinfo", "guest-exec", "guest-file-open",
                                "guest-file-read", "guest-file-close"}));
        QCOMPARE(channel->requests().at(3), agent::fileOpenProcModules());
        QCOMPARE(channel->requests().at(5), agent::fileClose(1000));
        QVERIFY(f.linuxDriver.detail.contains(QLatin1String("disabled")));
    }

    void linuxNothingAllowed() {
        channel->addPayload(QStringLiteral("guest-info"),
                            qga("qga-guest-info.missing-fields.bs.json"));
        channel->addPayload(QStringLiteral("guest-get-osinfo"),
                            qga("qga-guest-get-osinfo.debian12.bs.json"));
        const AgentFindings f = run(OsFamily::Linux);
        QVERIFY(!f.linuxState);
        QCOMPARE(f.linuxDriver.outcome, Outcome::Disabled);
        QCOMPARE(f.sent, names({"guest-info", "guest-get-osinfo"}));
    }
};

BS_TEST_MAIN(TestAgentInspector)
#include "tst_agentinspector.moc"
