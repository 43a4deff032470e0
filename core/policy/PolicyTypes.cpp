#include "PolicyTypes.h"

#include <QCoreApplication>

namespace bs {

QString policyKey(PolicyKind kind) {
    switch (kind) {
    case PolicyKind::Mom:
        return QStringLiteral("mom");
    case PolicyKind::Proxmox:
        return QStringLiteral("proxmox");
    case PolicyKind::Balloonscope:
        return QStringLiteral("balloonscope");
    }
    return {};
}

std::optional<PolicyKind> policyFromKey(const QString &key) {
    for (PolicyKind k : allPolicies()) {
        if (policyKey(k).compare(key.trimmed(), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

QString policyName(PolicyKind kind) {
    switch (kind) {
    case PolicyKind::Mom:
        return QCoreApplication::translate("bs::Policy", "oVirt MOM (default policy)");
    case PolicyKind::Proxmox:
        return QCoreApplication::translate("bs::Policy", "Proxmox VE auto-ballooning");
    case PolicyKind::Balloonscope:
        return QCoreApplication::translate("bs::Policy", "Balloonscope (need + headroom)");
    }
    return {};
}

QString policyShortName(PolicyKind kind) {
    switch (kind) {
    case PolicyKind::Mom:
        return QCoreApplication::translate("bs::Policy", "MOM");
    case PolicyKind::Proxmox:
        return QCoreApplication::translate("bs::Policy", "Proxmox");
    case PolicyKind::Balloonscope:
        return QCoreApplication::translate("bs::Policy", "Balloonscope");
    }
    return {};
}

QList<PolicyKind> allPolicies() {
    return {PolicyKind::Mom, PolicyKind::Proxmox, PolicyKind::Balloonscope};
}

QString decisionReasonKey(DecisionReason reason) {
    switch (reason) {
    case DecisionReason::Shrink:
        return QStringLiteral("shrink");
    case DecisionReason::Grow:
        return QStringLiteral("grow");
    case DecisionReason::GrowToNeed:
        return QStringLiteral("grow_to_need");
    case DecisionReason::Unchanged:
        return QStringLiteral("unchanged");
    case DecisionReason::Disabled:
        return QStringLiteral("disabled");
    case DecisionReason::NotReporting:
        return QStringLiteral("not_reporting");
    case DecisionReason::Stale:
        return QStringLiteral("stale");
    case DecisionReason::NoMinimum:
        return QStringLiteral("no_minimum");
    case DecisionReason::AtLimit:
        return QStringLiteral("at_limit");
    }
    return {};
}

QString decisionReasonText(DecisionReason reason) {
    switch (reason) {
    case DecisionReason::Shrink:
        return QCoreApplication::translate("bs::Policy",
                                           "The host is short of memory: the balloon inflates.");
    case DecisionReason::Grow:
        return QCoreApplication::translate("bs::Policy",
                                           "The host has room: the balloon deflates.");
    case DecisionReason::GrowToNeed:
        return QCoreApplication::translate(
            "bs::Policy", "The guest needs more than its balloon leaves it: the balloon deflates.");
    case DecisionReason::Unchanged:
        return QCoreApplication::translate("bs::Policy", "No change worth making.");
    case DecisionReason::Disabled:
        return QCoreApplication::translate("bs::Policy", "The guest is not under this policy.");
    case DecisionReason::NotReporting:
        return QCoreApplication::translate("bs::Policy",
                                           "The guest reports no fresh statistics: left alone.");
    case DecisionReason::Stale:
        return QCoreApplication::translate(
            "bs::Policy", "The guest's newest report is older than three evaluation periods: left "
                          "alone.");
    case DecisionReason::NoMinimum:
        return QCoreApplication::translate(
            "bs::Policy", "No minimum is set for the guest: this policy leaves it alone.");
    case DecisionReason::AtLimit:
        return QCoreApplication::translate("bs::Policy",
                                           "The balloon is already at its floor or maximum.");
    }
    return {};
}

std::optional<qint64> needInBalloonKiB(const GuestView &guest) {
    if (!guest.needKiB)
        return std::nullopt;
    return *guest.needKiB + guest.overheadKiB;
}

} // namespace bs
