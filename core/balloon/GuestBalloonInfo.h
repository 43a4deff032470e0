#pragma once

#include "common/Error.h"
#include "model/BalloonConfig.h"
#include "model/BalloonStats.h"
#include "model/DomainState.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

// Which guests a dialog or a command works on.
struct GuestSelection {
    QStringList guests; // names or UUIDs, as the user gave them
    bool all = false;   // every guest of the host (then `guests` is ignored)
};

// One guest as the balloon controls see it, read on the host's worker thread. A plain value:
// the dialogs show it (model, live and persistent period, persistent or transient, state) and
// the planners decide from it, without calling libvirt.
struct GuestBalloonInfo {
    QString hostId;
    QString uuid;
    QString name;
    DomainState state = DomainState::Unknown;
    bool persistent = false;
    bool readOnly = false; // the connection is read-only: nothing can change
    QString domainType;    // <domain type=...>: kvm, qemu, xen, test, ...

    BalloonConfig liveBalloon;       // from the live XML; model Unknown when not running
    BalloonConfig persistentBalloon; // from the inactive XML; model Unknown when transient
    QString persistentXml;           // the inactive XML as read (no secrets): base of the preview

    // KiB. Live figures only for a running guest, persistent ones only for a persistent guest.
    std::optional<quint64> liveMaximumKiB;
    std::optional<quint64> liveCurrentKiB; // the balloon's size now ("actual")
    std::optional<quint64> persistentMaximumKiB;
    std::optional<quint64> persistentCurrentKiB;

    BalloonStats stats;      // as read at inspection (running guests)
    bool statsFresh = false; // the guest reported within about two periods: trust its figures

    std::optional<Error> error; // the guest could not be read (gone, no such name)

    bool isActive() const { return bs::isActive(state); }
};

// Whether a report is recent enough to base a decision on: period on, the guest filled its
// fields, and last_update (host clock, seconds) no older than two periods plus some slack.
bool statsLookFresh(const BalloonStats &stats, std::optional<int> livePeriod, qint64 nowMs);

} // namespace bs

Q_DECLARE_METATYPE(bs::GuestSelection)
Q_DECLARE_METATYPE(bs::GuestBalloonInfo)
