#include "AgentChecks.h"

#include "AgentCommands.h"
#include "Remedies.h"

namespace bs {

namespace {

bool hostSeesReports(const HostAssessment &a) {
    return a.reporting == ReportingState::Advancing && a.guestFields;
}

} // namespace

OsFamily AgentChecks::agentFamily(const AgentFindings *findings) {
    return findings && findings->os ? findings->os->family() : OsFamily::Unknown;
}

QList<ReadinessCheck> AgentChecks::build(const Input &in) {
    QList<ReadinessCheck> checks{channel(in)};
    if (!in.requested)
        return checks;
    checks << info(in);
    if (!in.findings)
        return checks;
    switch (in.findings->info.outcome) {
    case AgentStep::Outcome::Timeout:
    case AgentStep::Outcome::NotConnected:
    case AgentStep::Outcome::Unsupported:
    case AgentStep::Outcome::Denied:
        return checks; // nothing else was asked: one line says why
    default:
        break;
    }
    checks << osInfo(in);
    OsFamily family = agentFamily(in.findings);
    if (family == OsFamily::Unknown)
        family = in.host.live.osFamily();
    if (family == OsFamily::Windows)
        checks << windowsDriver(in) << windowsService(in);
    else if (family == OsFamily::Linux)
        checks << linuxDriver(in);
    return checks;
}

ReadinessCheck AgentChecks::channel(const Input &in) {
    ReadinessCheck check{CheckId::AgentChannel};
    const RemedyTarget target{in.host.uri, in.host.name};
    const QString optIn =
        in.requested ? QString()
                     : QLatin1Char(' ') + tr("Guest-agent checks are off for this guest (opt-in).");
    switch (in.host.live.agentChannel) {
    case DomainXmlFacts::AgentChannel::Connected:
        check.status = CheckStatus::Pass;
        check.evidence =
            tr("org.qemu.guest_agent.0 is connected: an agent answers in the guest.") + optIn;
        break;
    case DomainXmlFacts::AgentChannel::Disconnected:
        check.status = in.requested ? CheckStatus::Warn : CheckStatus::Info;
        check.evidence =
            tr("org.qemu.guest_agent.0 is disconnected: no agent runs in the guest.") + optIn;
        applyRemedy(check, Remedies::startGuestAgent());
        break;
    case DomainXmlFacts::AgentChannel::NoState:
        check.status = in.requested ? CheckStatus::Unknown : CheckStatus::Info;
        check.evidence =
            tr("An org.qemu.guest_agent.0 channel is configured; libvirt shows no state for it "
               "(the guest does not run, or this driver does not track it).") +
            optIn;
        break;
    case DomainXmlFacts::AgentChannel::Absent:
        check.status = in.requested ? CheckStatus::Warn : CheckStatus::Info;
        check.evidence = tr("No org.qemu.guest_agent.0 channel in the domain XML: no agent "
                            "evidence is available.");
        applyRemedy(check, Remedies::installGuestAgent(target));
        break;
    }
    return check;
}

void AgentChecks::describeFailure(ReadinessCheck &check, const AgentStep &step, int timeout) {
    check.status = CheckStatus::Unknown;
    const QString raw =
        step.detail.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(step.detail);
    switch (step.outcome) {
    case AgentStep::Outcome::Disabled:
        check.evidence = tr("The agent refuses %1: it is disabled in the guest.").arg(step.command);
        applyRemedy(check, Remedies::enableAgentCommand(step.command));
        break;
    case AgentStep::Outcome::NotFound:
        check.evidence =
            tr("The agent does not have %1 (an older agent, or not on this OS).").arg(step.command);
        break;
    case AgentStep::Outcome::Timeout:
        check.evidence = tr("No answer to %1 within %2 s.").arg(step.command).arg(timeout);
        break;
    case AgentStep::Outcome::NotConnected:
        check.evidence = tr("No agent is connected to the guest's channel.");
        applyRemedy(check, Remedies::startGuestAgent());
        break;
    case AgentStep::Outcome::Unsupported:
        check.evidence = tr("This connection cannot send guest-agent commands (its libvirt driver "
                            "has no virDomainQemuAgentCommand).");
        break;
    case AgentStep::Outcome::Denied:
        check.evidence = tr("libvirt refused the agent command: a read-only connection cannot "
                            "send one. Connect without --readonly.");
        break;
    case AgentStep::Outcome::BadReply:
        check.evidence = tr("The reply to %1 could not be read.").arg(step.command);
        break;
    case AgentStep::Outcome::StillRunning:
        check.evidence =
            tr("%1 had not finished when Balloonscope stopped waiting.").arg(step.command);
        break;
    case AgentStep::Outcome::Failed:
        check.evidence = tr("%1 failed.").arg(step.command);
        break;
    case AgentStep::Outcome::NotRun:
        check.evidence = tr("Not asked: the agent stopped answering before.");
        return;
    case AgentStep::Outcome::Ok:
        return;
    }
    check.evidence += raw;
}

ReadinessCheck AgentChecks::info(const Input &in) {
    ReadinessCheck check{CheckId::AgentInfo};
    if (!in.findings) {
        check.evidence = tr("Not asked: %1").arg(in.notRunReason);
        return check;
    }
    const AgentFindings &f = *in.findings;
    if (!f.info.ok() || !f.agentInfo) {
        describeFailure(check, f.info, in.commandTimeoutSeconds);
        return check;
    }
    static const QStringList wanted{
        QStringLiteral("guest-get-osinfo"), QStringLiteral("guest-get-devices"),
        QStringLiteral("guest-exec"),       QStringLiteral("guest-exec-status"),
        QStringLiteral("guest-file-open"),  QStringLiteral("guest-file-read"),
        QStringLiteral("guest-file-close")};
    QStringList enabled;
    QStringList disabled;
    QStringList absent;
    for (const QString &c : wanted) {
        const auto state = f.agentInfo->isEnabled(c);
        (state ? (*state ? enabled : disabled) : absent) << c;
    }
    const QString version =
        f.agentInfo->version.isEmpty() ? tr("(no version)") : f.agentInfo->version;
    check.evidence = tr("qemu-ga %1 answers (%2 commands). Enabled: %3.")
                         .arg(version)
                         .arg(f.agentInfo->commands.size())
                         .arg(enabled.isEmpty() ? tr("none of the ones used here")
                                                : enabled.join(QLatin1String(", ")));
    if (!disabled.isEmpty())
        check.evidence +=
            QLatin1Char(' ') + tr("Disabled: %1.").arg(disabled.join(QLatin1String(", ")));
    if (!absent.isEmpty())
        check.evidence +=
            QLatin1Char(' ') + tr("Not offered: %1.").arg(absent.join(QLatin1String(", ")));
    const bool execBlocked = disabled.contains(QLatin1String("guest-exec"));
    check.status = execBlocked ? CheckStatus::Warn : CheckStatus::Pass;
    if (execBlocked)
        applyRemedy(check, Remedies::enableAgentCommand(QStringLiteral("guest-exec")));
    return check;
}

ReadinessCheck AgentChecks::osInfo(const Input &in) {
    ReadinessCheck check{CheckId::AgentOsInfo};
    const AgentFindings &f = *in.findings;
    if (!f.osInfo.ok() || !f.os) {
        describeFailure(check, f.osInfo, in.commandTimeoutSeconds);
        return check;
    }
    const GuestOsInfo &os = *f.os;
    check.status = CheckStatus::Pass;
    check.evidence = tr("id \"%1\": %2 (%3).").arg(os.id, os.describe(), osFamilyName(os.family()));
    if (os.versionId.isEmpty() && os.family() == OsFamily::Windows)
        check.evidence += QLatin1Char(' ') + tr("No usable version-id (Windows agents send \"N/A\" "
                                                "or odd strings): the version is not relied on.");
    const OsFamily xml = in.host.live.osFamily();
    if (xml != OsFamily::Unknown && os.family() != OsFamily::Unknown && xml != os.family()) {
        check.status = CheckStatus::Warn;
        check.evidence += QLatin1Char(' ') + tr("The libosinfo metadata says %1 (%2): the agent "
                                                "is believed.")
                                                 .arg(osFamilyName(xml), in.host.live.libosinfoId);
    }
    return check;
}

ReadinessCheck AgentChecks::windowsDriver(const Input &in) {
    ReadinessCheck check{CheckId::WindowsBalloonDriver};
    const AgentFindings &f = *in.findings;
    if (!f.devices.ok() || !f.deviceList) {
        describeFailure(check, f.devices, in.commandTimeoutSeconds);
        if (f.devices.outcome == AgentStep::Outcome::NotFound)
            check.evidence += QLatin1Char(' ') + tr("guest-get-devices needs a QEMU 5.2 or newer "
                                                    "agent.");
        return check;
    }
    if (const auto balloon = findBalloonDriver(*f.deviceList)) {
        check.status = CheckStatus::Pass;
        check.evidence = tr("Installed: %1.").arg(balloon->describe());
        if (balloon->idFormat == QLatin1String("flat") ||
            balloon->idFormat == QLatin1String("address"))
            check.evidence +=
                QLatin1Char(' ') + tr("(older agent reply format \"%1\")").arg(balloon->idFormat);
        else if (balloon->idFormat.isEmpty())
            check.evidence +=
                QLatin1Char(' ') + tr("(matched by driver name: no PCI ids in the reply)");
        if (!balloon->version() && !balloon->driverVersion.isEmpty())
            check.evidence +=
                QLatin1Char(' ') + tr("The version \"%1\" is not a number; shown as sent.")
                                       .arg(balloon->driverVersion);
        return check;
    }
    check.evidence = tr("guest-get-devices lists %n device(s) with a driver; none is the VirtIO "
                        "balloon (vendor 6900, device 4098 or 4165). A device without a driver is "
                        "not listed, so no balloon driver is installed.",
                        nullptr, int(f.deviceList->size()));
    check.status = hostSeesReports(in.assessment) ? CheckStatus::Warn : CheckStatus::Fail;
    if (check.status == CheckStatus::Warn)
        check.evidence += QLatin1Char(' ') + tr("Yet fresh statistics arrive on the host, which "
                                                "is what counts.");
    applyRemedy(check, Remedies::installWindowsDriver());
    return check;
}

ReadinessCheck AgentChecks::windowsService(const Input &in) {
    ReadinessCheck check{CheckId::WindowsBalloonService};
    const AgentFindings &f = *in.findings;
    if (!f.serviceState) {
        describeFailure(check, f.service, in.commandTimeoutSeconds);
        return check;
    }
    const ServiceState &s = *f.serviceState;
    const QString via = s.via == QLatin1String("sc") ? QStringLiteral("sc.exe query BalloonService")
                                                     : QStringLiteral("Get-Service BalloonService");
    const bool reports = hostSeesReports(in.assessment);
    const QString groundTruth = QLatin1Char(' ') + tr("Fresh statistics still arrive on the host "
                                                      "(this driver build reports by itself), "
                                                      "which is what counts.");
    check.evidence = tr("%1: %2 [%3].").arg(via, s.describe(), s.raw);
    switch (s.state) {
    case ServiceState::State::Running:
        check.status = CheckStatus::Pass;
        if (s.startType && *s.startType != 2) {
            check.status = CheckStatus::Warn;
            check.evidence += QLatin1Char(' ') + tr("It will not start by itself after a reboot.");
            applyRemedy(check, Remedies::startBalloonService(Remedies::ServiceSeen::Stopped));
        }
        break;
    case ServiceState::State::NotInstalled:
        check.status = reports ? CheckStatus::Warn : CheckStatus::Fail;
        check.evidence = tr("%1: BalloonService is not installed [%2].").arg(via, s.raw);
        if (reports)
            check.evidence += groundTruth;
        applyRemedy(check, Remedies::startBalloonService(Remedies::ServiceSeen::Missing));
        break;
    case ServiceState::State::Stopped:
    case ServiceState::State::Pending:
    case ServiceState::State::Paused:
        check.status = reports ? CheckStatus::Warn : CheckStatus::Fail;
        if (reports)
            check.evidence += groundTruth;
        applyRemedy(check, Remedies::startBalloonService(Remedies::ServiceSeen::Stopped));
        break;
    }
    return check;
}

ReadinessCheck AgentChecks::linuxDriver(const Input &in) {
    ReadinessCheck check{CheckId::LinuxBalloonDriver};
    const AgentFindings &f = *in.findings;
    if (!f.linuxState) {
        describeFailure(check, f.linuxDriver, in.commandTimeoutSeconds);
        return check;
    }
    const LinuxDriverState &s = *f.linuxState;
    const bool reports = hostSeesReports(in.assessment);
    switch (s.state) {
    case LinuxDriverState::State::Bound:
        check.status = CheckStatus::Pass;
        check.evidence = tr("virtio_balloon is bound to %1 (%2).")
                             .arg(s.devices.join(QLatin1String(", ")),
                                  QLatin1String(bs::agent::LinuxBalloonDriverDir));
        break;
    case LinuxDriverState::State::LoadedAsModule:
        check.status = CheckStatus::Pass;
        check.evidence = tr("virtio_balloon is loaded (/proc/modules: \"%1\"); its binding was not "
                            "seen because guest-exec is not available.")
                             .arg(s.raw);
        break;
    case LinuxDriverState::State::NotInModules:
        check.status = CheckStatus::Unknown;
        check.evidence = tr("virtio_balloon is not in /proc/modules (%1): it is not loaded, or it "
                            "is built into the kernel.")
                             .arg(s.raw);
        break;
    case LinuxDriverState::State::NotBound:
        check.status = reports ? CheckStatus::Warn : CheckStatus::Fail;
        check.evidence = tr("virtio_balloon is loaded but bound to no device (%1: %2).")
                             .arg(QLatin1String(bs::agent::LinuxBalloonDriverDir), s.raw);
        applyRemedy(check, Remedies::checkLinuxGuest());
        break;
    case LinuxDriverState::State::NotLoaded:
        check.status = reports ? CheckStatus::Warn : CheckStatus::Fail;
        check.evidence = tr("%1 does not exist: virtio_balloon is not loaded [%2].")
                             .arg(QLatin1String(bs::agent::LinuxBalloonDriverDir), s.raw);
        applyRemedy(check, Remedies::loadLinuxDriver());
        break;
    }
    return check;
}

} // namespace bs
