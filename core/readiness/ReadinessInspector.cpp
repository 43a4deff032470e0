#include "ReadinessInspector.h"

#include "AgentChecks.h"
#include "model/StatsState.h"

namespace bs {

struct ReadinessInspector::Decision {
    Verdict verdict = Verdict::Unknown;
    QString reason;
    Remedy next;
    std::optional<CheckId> deciding;
};

bool ReadinessInspector::agentSeesDriver(const AgentFindings *agent) {
    if (!agent)
        return false;
    if (agent->deviceList && findBalloonDriver(*agent->deviceList))
        return true;
    return agent->linuxState &&
           (agent->linuxState->state == LinuxDriverState::State::Bound ||
            agent->linuxState->state == LinuxDriverState::State::NotBound ||
            agent->linuxState->state == LinuxDriverState::State::LoadedAsModule);
}

Remedy ReadinessInspector::nothingDelivering(OsFamily family, const AgentFindings *agent) {
    if (family == OsFamily::Windows) {
        if (agent && agent->deviceList && !findBalloonDriver(*agent->deviceList))
            return Remedies::installWindowsDriver();
        if (agent && agent->serviceState &&
            agent->serviceState->state == ServiceState::State::Running)
            return Remedies::restartBalloonService();
        if (agent && agent->serviceState) {
            return Remedies::startBalloonService(agent->serviceState->state ==
                                                         ServiceState::State::NotInstalled
                                                     ? Remedies::ServiceSeen::Missing
                                                     : Remedies::ServiceSeen::Stopped);
        }
        return Remedies::startBalloonService(Remedies::ServiceSeen::Unknown);
    }
    if (family == OsFamily::Linux) {
        if (agent && agent->linuxState &&
            agent->linuxState->state == LinuxDriverState::State::NotLoaded)
            return Remedies::loadLinuxDriver();
        return Remedies::checkLinuxGuest();
    }
    return Remedies::nothingDelivering(family);
}

ReadinessInspector::Decision ReadinessInspector::decide(const GuestEvidence &e,
                                                        const HostAssessment &a, OsFamily family) {
    const HostEvidence &h = e.host;
    const RemedyTarget target{h.uri, h.name};
    const bool active = isActive(h.state);
    const bool running = h.state == DomainState::Running || h.state == DomainState::Blocked;
    const AgentFindings *agent = e.agent ? &*e.agent : nullptr;

    if (!h.live.parsed || h.live.balloon.model == BalloonModel::Unknown)
        return {Verdict::Unknown, tr("The guest's configuration could not be read."),
                Remedies::readXmlAgain(), CheckId::BalloonDevice};
    if (!canReport(h.live.balloon.model))
        return {Verdict::NoBalloonDevice,
                tr("The guest has no virtio balloon device, so it cannot report its memory."),
                Remedies::addBalloonDevice(target), CheckId::BalloonDevice};
    if (!active) {
        // The inactive XML is all there is: it tells whether polling will be on at the next start.
        if (!h.live.balloon.statsEnabled())
            return {Verdict::PollingOff,
                    tr("The guest does not run, and its configuration has no stats period: "
                       "polling will be off when it starts."),
                    Remedies::setStatsPeriod(target, false, true), CheckId::StatsPeriodPersistent};
        return {Verdict::Unknown,
                tr("The guest does not run, so whether its driver reports cannot be seen."),
                Remedies::startGuest(target), CheckId::GuestRunning};
    }
    if (!h.live.balloon.statsEnabled())
        return {Verdict::PollingOff,
                tr("No stats period is set, so QEMU never asks the balloon driver for statistics."),
                Remedies::setStatsPeriod(target, true, h.persistent), CheckId::StatsPeriodLive};
    if (!running)
        return {
            Verdict::Unknown,
            tr("The guest is %1: it cannot report until it runs.").arg(domainStateName(h.state)),
            h.state == DomainState::Paused ? Remedies::resumeGuest(target) : Remedy{},
            CheckId::GuestRunning};

    const int period = *h.live.balloon.period;
    switch (a.reporting) {
    case ReportingState::Advancing:
        if (a.guestFields)
            return {Verdict::Ready,
                    tr("Fresh reports with the guest's own memory figures arrive (period %1 s).")
                        .arg(period),
                    {tr("Nothing to do."), FixKind::None, {}},
                    CheckId::LastUpdateAdvancing};
        return {Verdict::NotDelivering,
                tr("Reports arrive but carry none of the guest's own figures: the driver is "
                   "there, but nothing fills in the statistics."),
                nothingDelivering(family, agent), CheckId::GuestFields};
    case ReportingState::Frozen:
        return {Verdict::NotDelivering,
                family == OsFamily::Windows
                    ? tr("The balloon driver reported before, but its reports stopped: nothing "
                         "delivers statistics (on Windows, BalloonService does).")
                    : tr("The balloon driver reported before, but its reports stopped: nothing "
                         "delivers statistics now."),
                nothingDelivering(family, agent), CheckId::LastUpdateAdvancing};
    case ReportingState::NeverReported:
        if (agentSeesDriver(agent)) {
            const CheckId agentCheck =
                agent->deviceList ? CheckId::WindowsBalloonDriver : CheckId::LinuxBalloonDriver;
            return {Verdict::NotDelivering,
                    family == OsFamily::Windows
                        ? tr("The balloon driver is installed (guest agent) but the guest never "
                             "reported: nothing delivers statistics (BalloonService).")
                        : tr("The balloon driver is loaded (guest agent) but the guest never "
                             "reported: nothing delivers statistics."),
                    nothingDelivering(family, agent),
                    agent->serviceState ? CheckId::WindowsBalloonService : agentCheck};
        }
        return {Verdict::NoBalloonDriver,
                tr("A %1 s period is set but the guest never reported in %2 s: no balloon "
                   "driver is loaded in the guest.")
                    .arg(period)
                    .arg(qRound(a.observedSeconds)),
                Remedies::driverMissing(family), CheckId::LastUpdateReported};
    case ReportingState::Undecided:
    case ReportingState::NotApplicable:
        break;
    }
    return {Verdict::Unknown,
            tr("Not watched long enough: %1 s of the %2 s (two periods) that decide.")
                .arg(qRound(a.observedSeconds))
                .arg(qRound(a.neededSeconds)),
            Remedies::watchLonger(qMax(1, qRound(a.neededSeconds - a.observedSeconds))),
            CheckId::LastUpdateAdvancing};
}

ReadinessReport ReadinessInspector::inspect(const GuestEvidence &e) {
    const HostAssessment assessment = HostSideInspector::inspect(e.host);
    const AgentFindings *agent = e.agent ? &*e.agent : nullptr;

    ReadinessReport r;
    r.hostId = e.hostId;
    r.uuid = e.uuid;
    r.name = e.name;
    r.timeMs = e.timeMs;
    r.state = e.host.state;
    // libvirt taints the guest once a command gets past its own checks (driver support,
    // read-only connection, agent connected): a timeout counts, a refusal does not.
    r.agentUsed = agent && !agent->sent.isEmpty() &&
                  agent->info.outcome != AgentStep::Outcome::Unsupported &&
                  agent->info.outcome != AgentStep::Outcome::Denied &&
                  agent->info.outcome != AgentStep::Outcome::NotConnected;
    r.observedSeconds = assessment.observedSeconds;

    const OsFamily agentFamily = AgentChecks::agentFamily(agent);
    r.osFamily = agentFamily != OsFamily::Unknown ? agentFamily : e.host.live.osFamily();
    if (agentFamily != OsFamily::Unknown)
        r.osDescription = tr("%1 (guest agent)").arg(agent->os->describe());
    else if (!e.host.live.libosinfoId.isEmpty())
        r.osDescription = tr("%1 (libosinfo)").arg(e.host.live.libosinfoId);

    r.checks = assessment.checks;
    // A Windows guest known only from the agent still gets the note on what the fields mean.
    if (r.osFamily == OsFamily::Windows && !r.check(CheckId::WindowsFieldMeaning))
        r.checks << HostSideInspector::windowsFieldMeaning();
    r.checks << AgentChecks::build(
        {e.host, assessment, e.agentRequested, agent, e.agentNotRunReason, e.agentTimeoutSeconds});

    const Decision d = decide(e, assessment, r.osFamily);
    r.verdict = d.verdict;
    r.reason = d.reason;
    r.nextStep = d.next.text;
    r.fix = d.next.fix;
    r.fixCommands = d.next.commands;
    r.decidingCheck = d.deciding;
    return r;
}

} // namespace bs
