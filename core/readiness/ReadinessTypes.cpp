#include "ReadinessTypes.h"

#include <QCoreApplication>

namespace bs {

CheckSource ReadinessCheck::source() const {
    switch (id) {
    case CheckId::AgentChannel:
    case CheckId::AgentInfo:
    case CheckId::AgentOsInfo:
    case CheckId::WindowsBalloonDriver:
    case CheckId::WindowsBalloonService:
    case CheckId::LinuxBalloonDriver:
        return CheckSource::Agent;
    default:
        return CheckSource::Host;
    }
}

QString ReadinessCheck::checkIdKey(CheckId id) {
    switch (id) {
    case CheckId::GuestRunning:
        return QStringLiteral("guest_running");
    case CheckId::BalloonDevice:
        return QStringLiteral("balloon_device");
    case CheckId::OsFamily:
        return QStringLiteral("os_family");
    case CheckId::StatsPeriodLive:
        return QStringLiteral("stats_period_live");
    case CheckId::StatsPeriodPersistent:
        return QStringLiteral("stats_period_persistent");
    case CheckId::LastUpdateReported:
        return QStringLiteral("last_update_reported");
    case CheckId::LastUpdateAdvancing:
        return QStringLiteral("last_update_advancing");
    case CheckId::GuestFields:
        return QStringLiteral("guest_fields");
    case CheckId::WindowsFieldMeaning:
        return QStringLiteral("windows_field_meaning");
    case CheckId::HugePages:
        return QStringLiteral("huge_pages");
    case CheckId::AgentChannel:
        return QStringLiteral("agent_channel");
    case CheckId::AgentInfo:
        return QStringLiteral("agent_info");
    case CheckId::AgentOsInfo:
        return QStringLiteral("agent_os_info");
    case CheckId::WindowsBalloonDriver:
        return QStringLiteral("windows_balloon_driver");
    case CheckId::WindowsBalloonService:
        return QStringLiteral("windows_balloon_service");
    case CheckId::LinuxBalloonDriver:
        return QStringLiteral("linux_balloon_driver");
    }
    return QStringLiteral("unknown");
}

QString ReadinessCheck::checkTitle(CheckId id) {
    switch (id) {
    case CheckId::GuestRunning:
        return QCoreApplication::translate("bs::Readiness", "Guest running");
    case CheckId::BalloonDevice:
        return QCoreApplication::translate("bs::Readiness", "Balloon device");
    case CheckId::OsFamily:
        return QCoreApplication::translate("bs::Readiness", "Operating system");
    case CheckId::StatsPeriodLive:
        return QCoreApplication::translate("bs::Readiness", "Stats period (live)");
    case CheckId::StatsPeriodPersistent:
        return QCoreApplication::translate("bs::Readiness", "Stats period (persistent)");
    case CheckId::LastUpdateReported:
        return QCoreApplication::translate("bs::Readiness", "Guest has reported (last_update > 0)");
    case CheckId::LastUpdateAdvancing:
        return QCoreApplication::translate("bs::Readiness", "Reports keep coming (last_update "
                                                            "advancing)");
    case CheckId::GuestFields:
        return QCoreApplication::translate("bs::Readiness", "Guest memory fields present");
    case CheckId::WindowsFieldMeaning:
        return QCoreApplication::translate("bs::Readiness", "What the fields mean on Windows");
    case CheckId::HugePages:
        return QCoreApplication::translate("bs::Readiness", "Huge-page backing");
    case CheckId::AgentChannel:
        return QCoreApplication::translate("bs::Readiness", "Guest agent channel");
    case CheckId::AgentInfo:
        return QCoreApplication::translate("bs::Readiness", "Guest agent commands");
    case CheckId::AgentOsInfo:
        return QCoreApplication::translate("bs::Readiness", "Guest OS (agent)");
    case CheckId::WindowsBalloonDriver:
        return QCoreApplication::translate("bs::Readiness", "VirtIO balloon driver (Windows)");
    case CheckId::WindowsBalloonService:
        return QCoreApplication::translate("bs::Readiness", "BalloonService (Windows)");
    case CheckId::LinuxBalloonDriver:
        return QCoreApplication::translate("bs::Readiness", "virtio_balloon bound (Linux)");
    }
    return {};
}

const ReadinessCheck *ReadinessReport::check(CheckId id) const {
    for (const ReadinessCheck &c : checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString checkStatusKey(CheckStatus status) {
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("pass");
    case CheckStatus::Warn:
        return QStringLiteral("warn");
    case CheckStatus::Fail:
        return QStringLiteral("fail");
    case CheckStatus::Info:
        return QStringLiteral("info");
    case CheckStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString checkStatusName(CheckStatus status) {
    switch (status) {
    case CheckStatus::Pass:
        return QCoreApplication::translate("bs::Readiness", "pass");
    case CheckStatus::Warn:
        return QCoreApplication::translate("bs::Readiness", "warning");
    case CheckStatus::Fail:
        return QCoreApplication::translate("bs::Readiness", "fail");
    case CheckStatus::Info:
        return QCoreApplication::translate("bs::Readiness", "note");
    case CheckStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("bs::Readiness", "unknown");
}

QString fixKindKey(FixKind fix) {
    switch (fix) {
    case FixKind::StatsPeriod:
        return QStringLiteral("stats_period");
    case FixKind::HostAdmin:
        return QStringLiteral("host_admin");
    case FixKind::InGuest:
        return QStringLiteral("in_guest");
    case FixKind::None:
        break;
    }
    return QStringLiteral("none");
}

QString osFamilyKey(OsFamily family) {
    switch (family) {
    case OsFamily::Windows:
        return QStringLiteral("windows");
    case OsFamily::Linux:
        return QStringLiteral("linux");
    case OsFamily::Other:
        return QStringLiteral("other");
    case OsFamily::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString osFamilyName(OsFamily family) {
    switch (family) {
    case OsFamily::Windows:
        return QCoreApplication::translate("bs::Readiness", "Windows");
    case OsFamily::Linux:
        return QCoreApplication::translate("bs::Readiness", "Linux");
    case OsFamily::Other:
        return QCoreApplication::translate("bs::Readiness", "other");
    case OsFamily::Unknown:
        break;
    }
    return QCoreApplication::translate("bs::Readiness", "unknown");
}

QString verdictKey(Verdict verdict) {
    switch (verdict) {
    case Verdict::Ready:
        return QStringLiteral("ready");
    case Verdict::PollingOff:
        return QStringLiteral("polling_off");
    case Verdict::NoBalloonDevice:
        return QStringLiteral("no_balloon_device");
    case Verdict::NoBalloonDriver:
        return QStringLiteral("no_balloon_driver");
    case Verdict::NotDelivering:
        return QStringLiteral("not_delivering");
    case Verdict::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString verdictName(Verdict verdict) {
    switch (verdict) {
    case Verdict::Ready:
        return QCoreApplication::translate("bs::Readiness", "ready");
    case Verdict::PollingOff:
        return QCoreApplication::translate("bs::Readiness", "polling off");
    case Verdict::NoBalloonDevice:
        return QCoreApplication::translate("bs::Readiness", "no balloon device");
    case Verdict::NoBalloonDriver:
        return QCoreApplication::translate("bs::Readiness", "no balloon driver");
    case Verdict::NotDelivering:
        return QCoreApplication::translate("bs::Readiness", "nothing delivering stats");
    case Verdict::Unknown:
        break;
    }
    return QCoreApplication::translate("bs::Readiness", "unknown");
}

QString agentTaintWarning() {
    return QCoreApplication::translate(
        "bs::Readiness",
        "Guest-agent checks send raw commands to the guest agent through libvirt "
        "(virDomainQemuAgentCommand). libvirt then marks the guest as \"tainted\" "
        "(custom-ga-command) in its log until the guest is restarted. The commands only read: "
        "guest-info, guest-get-osinfo, guest-get-devices, and guest-exec of a fixed query "
        "(Windows: the state of BalloonService; Linux: whether virtio_balloon is bound), "
        "followed by guest-exec-status until it exits; on Linux without guest-exec, "
        "/proc/modules is opened read-only with guest-file-open/read/close. Nothing you type is "
        "ever run in the guest.");
}

} // namespace bs
