#pragma once

#include "model/BalloonConfig.h"
#include "model/BalloonStats.h"
#include "model/DomainState.h"
#include "model/StatsState.h"
#include "process/ProcessFigures.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace bs {

// One guest at one poll. A plain value: this is what crosses from a host's worker thread to the
// GUI, the history store and the CLI.
struct MemorySample {
    QString hostId; // the connection URI
    QString uuid;
    QString name;
    qint64 timeMs = 0; // when we polled, ms since the epoch (local clock)
    DomainState state = DomainState::Unknown;
    BalloonStats stats; // guest fields only when freshReport
    // The guest fields are a new report (last_update advanced). A repeated report is dropped:
    // its guest fields are cleared, the host-side figures (actual, rss) stay.
    bool freshReport = false;
    StatsState statsState = StatsState::Unknown;
    BalloonConfig balloon; // live <memballoon> as last read
    bool persistent = true;
};

// Everything one poll of one host produced.
struct PollCycle {
    QString hostId;
    qint64 timeMs = 0;
    // The polling interval this cycle was taken at: the history store tells a gap ("nothing was
    // recorded") from the normal spacing between polls with it.
    int intervalSeconds = 0;
    QList<MemorySample> samples;
    int libvirtCalls = 0;      // calls that may cost a round trip on a remote link
    bool usedFallback = false; // per-guest virDomainMemoryStats instead of the bulk call
    // Where the guests' VmSwap and memory pressure came from, and what is missing and why.
    ProcessFiguresStatus processFigures;
};

// A domain lifecycle event (started, stopped, ...), for markers and logs.
struct LifecycleEvent {
    QString hostId;
    QString uuid;
    QString name;
    int event = 0; // virDomainEventType
    int detail = 0;
    qint64 timeMs = 0;
    QString description() const;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::MemorySample)
Q_DECLARE_METATYPE(bs::PollCycle)
Q_DECLARE_METATYPE(bs::LifecycleEvent)
