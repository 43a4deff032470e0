#include "DomainState.h"

#include <QCoreApplication>

#include <libvirt/libvirt.h>

namespace bs {

DomainState domainStateFromLibvirt(int state) {
    switch (state) {
    case VIR_DOMAIN_NOSTATE:
        return DomainState::NoState;
    case VIR_DOMAIN_RUNNING:
        return DomainState::Running;
    case VIR_DOMAIN_BLOCKED:
        return DomainState::Blocked;
    case VIR_DOMAIN_PAUSED:
        return DomainState::Paused;
    case VIR_DOMAIN_SHUTDOWN:
        return DomainState::Shutdown;
    case VIR_DOMAIN_SHUTOFF:
        return DomainState::Shutoff;
    case VIR_DOMAIN_CRASHED:
        return DomainState::Crashed;
    case VIR_DOMAIN_PMSUSPENDED:
        return DomainState::PMSuspended;
    default:
        return DomainState::Unknown;
    }
}

bool isActive(DomainState state) {
    return state == DomainState::Running || state == DomainState::Blocked ||
           state == DomainState::Paused || state == DomainState::Shutdown ||
           state == DomainState::PMSuspended;
}

QString domainStateName(DomainState state) {
    switch (state) {
    case DomainState::Running:
        return QCoreApplication::translate("bs::DomainState", "running");
    case DomainState::Blocked:
        return QCoreApplication::translate("bs::DomainState", "blocked");
    case DomainState::Paused:
        return QCoreApplication::translate("bs::DomainState", "paused");
    case DomainState::Shutdown:
        return QCoreApplication::translate("bs::DomainState", "shutting down");
    case DomainState::Shutoff:
        return QCoreApplication::translate("bs::DomainState", "shut off");
    case DomainState::Crashed:
        return QCoreApplication::translate("bs::DomainState", "crashed");
    case DomainState::PMSuspended:
        return QCoreApplication::translate("bs::DomainState", "suspended");
    case DomainState::NoState:
    case DomainState::Unknown:
        break;
    }
    return QCoreApplication::translate("bs::DomainState", "unknown");
}

QString domainStateKey(DomainState state) {
    switch (state) {
    case DomainState::NoState:
        return QStringLiteral("nostate");
    case DomainState::Running:
        return QStringLiteral("running");
    case DomainState::Blocked:
        return QStringLiteral("blocked");
    case DomainState::Paused:
        return QStringLiteral("paused");
    case DomainState::Shutdown:
        return QStringLiteral("shutdown");
    case DomainState::Shutoff:
        return QStringLiteral("shutoff");
    case DomainState::Crashed:
        return QStringLiteral("crashed");
    case DomainState::PMSuspended:
        return QStringLiteral("pmsuspended");
    case DomainState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool listedBefore(DomainState a, const QString &nameA, DomainState b, const QString &nameB) {
    if (isActive(a) != isActive(b))
        return isActive(a);
    if (const int byName = nameA.compare(nameB, Qt::CaseInsensitive); byName != 0)
        return byName < 0;
    return nameA < nameB;
}

} // namespace bs
