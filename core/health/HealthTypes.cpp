#include "HealthTypes.h"

#include <QCoreApplication>

#include <algorithm>

namespace bs {

namespace {} // namespace

QString severityKey(Severity severity) {
    switch (severity) {
    case Severity::Ok:
        return QStringLiteral("ok");
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("ok");
}

QString severityName(Severity severity) {
    switch (severity) {
    case Severity::Ok:
        return QCoreApplication::translate("bs::Health", "OK");
    case Severity::Info:
        return QCoreApplication::translate("bs::Health", "note");
    case Severity::Warning:
        return QCoreApplication::translate("bs::Health", "warning");
    case Severity::Critical:
        return QCoreApplication::translate("bs::Health", "critical");
    }
    return QCoreApplication::translate("bs::Health", "OK");
}

QString healthRuleKey(HealthRule rule) {
    switch (rule) {
    case HealthRule::HostAvailable:
        return QStringLiteral("host_available");
    case HealthRule::GuestStale:
        return QStringLiteral("stale");
    case HealthRule::SwapIn:
        return QStringLiteral("swap_in");
    case HealthRule::NeedRatio:
        return QStringLiteral("need_ratio");
    case HealthRule::StuckBalloon:
        return QStringLiteral("stuck_balloon");
    case HealthRule::ReadinessRegression:
        return QStringLiteral("readiness");
    case HealthRule::StrandedMemory:
        return QStringLiteral("stranded");
    case HealthRule::FreePageReporting:
        return QStringLiteral("free_page_reporting");
    case HealthRule::Signature:
        return QStringLiteral("signature");
    }
    return {};
}

std::optional<HealthRule> healthRuleFromKey(const QString &key) {
    for (int i = 0; i < HealthRuleCount; ++i) {
        if (healthRuleKey(HealthRule(i)) == key)
            return HealthRule(i);
    }
    return std::nullopt;
}

QString healthRuleTitle(HealthRule rule) {
    switch (rule) {
    case HealthRule::HostAvailable:
        return QCoreApplication::translate("bs::Health", "Host available memory");
    case HealthRule::GuestStale:
        return QCoreApplication::translate("bs::Health", "Stale reports");
    case HealthRule::SwapIn:
        return QCoreApplication::translate("bs::Health", "Swap-in");
    case HealthRule::NeedRatio:
        return QCoreApplication::translate("bs::Health", "Need against balloon");
    case HealthRule::StuckBalloon:
        return QCoreApplication::translate("bs::Health", "Stuck balloon");
    case HealthRule::ReadinessRegression:
        return QCoreApplication::translate("bs::Health", "Readiness regression");
    case HealthRule::StrandedMemory:
        return QCoreApplication::translate("bs::Health", "Stranded memory");
    case HealthRule::FreePageReporting:
        return QCoreApplication::translate("bs::Health", "Free page reporting");
    case HealthRule::Signature:
        return QCoreApplication::translate("bs::Health", "Failure signature");
    }
    return {};
}

Severity HealthResult::worst() const {
    Severity worst = Severity::Ok;
    for (const HealthFinding &f : findings)
        worst = std::max(worst, f.severity);
    return worst;
}

int HealthResult::count(Severity severity) const {
    return int(
        std::count_if(findings.cbegin(), findings.cend(),
                      [severity](const HealthFinding &f) { return f.severity == severity; }));
}

} // namespace bs
