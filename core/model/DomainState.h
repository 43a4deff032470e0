#pragma once

#include <QMetaType>
#include <QString>

namespace bs {

// virDomainState, as our own enum so that value types do not need libvirt's headers.
enum class DomainState {
    NoState,
    Running,
    Blocked,
    Paused,
    Shutdown,
    Shutoff,
    Crashed,
    PMSuspended,
    Unknown
};

DomainState domainStateFromLibvirt(int state);
// Whether the guest's kernel runs (so its balloon driver could report).
bool isActive(DomainState state);
QString domainStateName(DomainState state); // translated, for the UI
QString domainStateKey(DomainState state);  // stable English key, for JSON/CSV

// The order guests are listed in, as `virsh list --all` users expect: the running ones (any
// active state) first, then by name (case-insensitive, then exact, so the order is total).
bool listedBefore(DomainState a, const QString &nameA, DomainState b, const QString &nameB);

} // namespace bs

Q_DECLARE_METATYPE(bs::DomainState)
