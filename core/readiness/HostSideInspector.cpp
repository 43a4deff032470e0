#include "HostSideInspector.h"

#include "HostSideContext.h"
#include "Remedies.h"
#include "model/ReportTiming.h"
#include "model/StatsState.h"
#include "monitor/MemorySample.h"

#include <algorithm>

namespace bs {

StatsObservation StatsObservation::fromSample(const MemorySample &sample) {
    return {sample.timeMs, sample.stats};
}

double HostSideInspector::secondsNeeded(int periodSeconds, int pollIntervalSeconds) {
    return ReportTiming::graceSeconds(periodSeconds, pollIntervalSeconds);
}

bool HostSideInspector::needsMoreObservation(const HostEvidence &evidence) {
    return inspect(evidence).reporting == ReportingState::Undecided;
}

HostAssessment HostSideInspector::inspect(const HostEvidence &e) {
    Context c(e);
    c.active = isActive(e.state);
    c.running = e.state == DomainState::Running || e.state == DomainState::Blocked;
    c.canReport = e.live.parsed && bs::canReport(e.live.balloon.model);
    if (c.active && e.live.parsed)
        c.livePeriod = e.live.balloon.period;
    c.periodOn = c.livePeriod && *c.livePeriod > 0;

    c.obs = e.observations;
    std::stable_sort(
        c.obs.begin(), c.obs.end(),
        [](const StatsObservation &a, const StatsObservation &b) { return a.timeMs < b.timeMs; });
    if (c.obs.size() >= 2)
        c.span = double(c.obs.constLast().timeMs - c.obs.constFirst().timeMs) / 1000.0;
    c.needed = secondsNeeded(c.periodOn ? *c.livePeriod : 1, e.pollIntervalSeconds);
    for (int i = 0; i < c.obs.size(); ++i) {
        const qint64 lu = c.obs.at(i).stats.lastUpdate.value_or(0);
        c.maxLastUpdate = std::max(c.maxLastUpdate, lu);
        if (i > 0) {
            const qint64 before = c.obs.at(i - 1).stats.lastUpdate.value_or(0);
            if (lu > before)
                c.increase = std::make_pair(c.increase ? c.increase->first : before, lu);
        }
        if (c.obs.at(i).stats.hasGuestFields())
            c.latestWithFields = &c.obs.at(i);
    }

    if (c.running && c.canReport && c.periodOn) {
        if (c.increase)
            c.reporting = ReportingState::Advancing;
        else if (c.span >= c.needed)
            c.reporting =
                c.maxLastUpdate > 0 ? ReportingState::Frozen : ReportingState::NeverReported;
        else
            c.reporting = ReportingState::Undecided;
    }

    HostAssessment a;
    a.reporting = c.reporting;
    a.observedSeconds = c.span;
    a.neededSeconds = c.periodOn ? c.needed : 0;
    a.guestFields = c.latestWithFields != nullptr;
    a.checks << guestRunning(c) << balloonDevice(c) << osFamily(c) << periodLive(c)
             << periodPersistent(c) << lastUpdateReported(c) << lastUpdateAdvancing(c)
             << guestFields(c);
    if (e.live.osFamily() == OsFamily::Windows)
        a.checks << windowsFieldMeaning();
    if (e.live.hugePages)
        a.checks << hugePages();
    return a;
}

ReadinessCheck HostSideInspector::guestRunning(const Context &c) {
    ReadinessCheck check{CheckId::GuestRunning};
    const QString state = domainStateName(c.e.state);
    if (c.running) {
        check.status = CheckStatus::Pass;
        check.evidence = tr("State: %1.").arg(state);
    } else if (c.active) {
        check.status = CheckStatus::Warn;
        check.evidence = tr("State: %1 (%2): the guest cannot report until it runs again.")
                             .arg(state, domainStateKey(c.e.state));
        if (c.e.state == DomainState::Paused)
            applyRemedy(check, Remedies::resumeGuest(c.target));
    } else if (c.e.state == DomainState::Unknown || c.e.state == DomainState::NoState) {
        check.status = CheckStatus::Unknown;
        check.evidence = tr("libvirt did not say whether the guest runs (state %1).")
                             .arg(domainStateKey(c.e.state));
    } else {
        check.status = CheckStatus::Fail;
        check.evidence = tr("State: %1 (%2).").arg(state, domainStateKey(c.e.state));
        applyRemedy(check, Remedies::startGuest(c.target));
    }
    return check;
}

ReadinessCheck HostSideInspector::balloonDevice(const Context &c) {
    ReadinessCheck check{CheckId::BalloonDevice};
    const BalloonConfig &b = c.e.live.balloon;
    if (!c.e.live.parsed || b.model == BalloonModel::Unknown) {
        check.evidence = tr("The domain XML could not be read.");
        applyRemedy(check, Remedies::readXmlAgain());
        return check;
    }
    const QString extras =
        QStringList{b.autodeflate ? QStringLiteral("autodeflate='on'") : QString(),
                    b.freePageReporting ? QStringLiteral("freePageReporting='on'") : QString()}
            .join(QLatin1Char(' '))
            .trimmed();
    if (c.canReport) {
        check.status = CheckStatus::Pass;
        check.evidence = extras.isEmpty()
                             ? tr("<memballoon model='%1'>.").arg(b.modelName)
                             : tr("<memballoon model='%1' %2>.").arg(b.modelName, extras);
        return check;
    }
    check.status = CheckStatus::Fail;
    if (b.model == BalloonModel::None)
        check.evidence = tr("<memballoon model='none'>: the guest has no balloon device, so "
                            "nothing can be reported.");
    else if (b.model == BalloonModel::Absent)
        check.evidence = tr("No <memballoon> element in the domain XML: the guest has no balloon "
                            "device.");
    else
        check.evidence = tr("<memballoon model='%1'>: only a virtio balloon reports guest "
                            "statistics.")
                             .arg(b.modelName);
    applyRemedy(check, Remedies::addBalloonDevice(c.target));
    return check;
}

ReadinessCheck HostSideInspector::osFamily(const Context &c) {
    ReadinessCheck check{CheckId::OsFamily, CheckStatus::Info};
    const QString id = c.e.live.libosinfoId;
    if (id.isEmpty()) {
        check.evidence = tr("No libosinfo metadata in the domain XML: the OS is not recorded on "
                            "the host (the guest agent can tell).");
    } else {
        check.evidence = tr("libosinfo id %1: %2.")
                             .arg(id, osFamilyName(DomainXmlFacts::osFamilyFromLibosinfo(id)));
    }
    return check;
}

ReadinessCheck HostSideInspector::periodLive(const Context &c) {
    ReadinessCheck check{CheckId::StatsPeriodLive};
    if (!c.active) {
        check.evidence = tr("The guest does not run: it has no live period.");
        return check;
    }
    if (!c.e.live.parsed) {
        check.evidence = tr("The live XML could not be read.");
        return check;
    }
    if (!c.canReport) {
        check.evidence = tr("No virtio balloon device, so no period applies.");
        return check;
    }
    if (c.periodOn) {
        check.status = CheckStatus::Pass;
        check.evidence =
            tr("<stats period='%1'/> in the live XML: QEMU asks every %1 s.").arg(*c.livePeriod);
        return check;
    }
    check.status = CheckStatus::Fail;
    check.evidence =
        c.livePeriod
            ? tr("<stats period='%1'/> in the live XML: polling is off.").arg(*c.livePeriod)
            : tr("No <stats period> in the live XML: polling is off, nobody asks the "
                 "driver for statistics.");
    applyRemedy(check, Remedies::setStatsPeriod(c.target, true, c.e.persistent));
    return check;
}

ReadinessCheck HostSideInspector::periodPersistent(const Context &c) {
    ReadinessCheck check{CheckId::StatsPeriodPersistent};
    if (!c.e.persistent) {
        check.status = CheckStatus::Info;
        check.evidence = tr("Transient guest: it has no persistent configuration, the live "
                            "period is all there is.");
        return check;
    }
    if (!c.e.persistentConfig || !c.e.persistentConfig->parsed) {
        check.evidence = tr("The persistent (inactive) XML could not be read.");
        return check;
    }
    const BalloonConfig &b = c.e.persistentConfig->balloon;
    if (!bs::canReport(b.model)) {
        check.evidence = tr("The persistent configuration has no virtio balloon device (model "
                            "'%1').")
                             .arg(b.modelName.isEmpty() ? balloonModelKey(b.model) : b.modelName);
        if (c.canReport || !c.e.live.parsed)
            check.status = CheckStatus::Warn;
        else
            check.status = CheckStatus::Fail;
        applyRemedy(check, Remedies::addBalloonDevice(c.target));
        return check;
    }
    if (b.statsEnabled()) {
        check.status = CheckStatus::Pass;
        check.evidence =
            tr("<stats period='%1'/> in the persistent XML: kept across restarts.").arg(*b.period);
        return check;
    }
    const QString seen = b.period ? tr("<stats period='%1'/> in the persistent XML").arg(*b.period)
                                  : tr("No <stats period> in the persistent XML");
    if (c.periodOn) {
        check.status = CheckStatus::Warn;
        check.evidence = tr("%1: the live period is lost when the guest is shut down.").arg(seen);
        applyRemedy(check, Remedies::setStatsPeriod(c.target, false, true));
    } else {
        check.status = CheckStatus::Fail;
        check.evidence = tr("%1: polling stays off after a restart too.").arg(seen);
        applyRemedy(check, Remedies::setStatsPeriod(c.target, c.active, true));
    }
    return check;
}

} // namespace bs
