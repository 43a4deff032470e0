#pragma once

#include "monitor/MemorySample.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace bs {

// A balloon target someone set through Balloonscope (the dialog, set-balloon, the autopilot).
// libvirt does not keep it: its current memory follows the balloon as it moves.
struct BalloonTarget {
    qint64 kib = 0;
    qint64 setAtMs = 0; // ms since the epoch
    bool operator==(const BalloonTarget &) const = default;
};

// One guest over the window the health rules judge: its polls, oldest first, and the target
// last set, when known.
struct GuestWindow {
    QString hostId;
    QString uuid;
    QString name;
    QList<MemorySample> samples;
    std::optional<BalloonTarget> target;

    const MemorySample *latest() const;
    const MemorySample *latestFresh() const; // the newest poll with a fresh report
};

// Keeps each guest's polls of the last `keepMs`, from PollCycles as they arrive, plus the
// targets set: the watchdog's and `check`'s memory of what they watched. A guest that no poll
// mentions any more (undefined, or the host lost) is dropped with its host's next cycle.
class GuestWindows {
public:
    explicit GuestWindows(qint64 keepMs = 15 * 60 * 1000)
        : m_keepMs(keepMs) {}

    void add(const PollCycle &cycle);
    void setTarget(const QString &hostId, const QString &uuid, BalloonTarget target);
    QList<GuestWindow> windows(const QString &hostId) const; // by guest name
    const GuestWindow *window(const QString &hostId, const QString &uuid) const;
    // How long polls of this host have been kept (the newest minus the oldest), ms.
    qint64 spanMs(const QString &hostId) const;
    void removeHost(const QString &hostId);
    qint64 keepMs() const { return m_keepMs; }

private:
    QHash<QString, GuestWindow> m_guests; // key: hostId + '\n' + uuid
    qint64 m_keepMs;
};

} // namespace bs
