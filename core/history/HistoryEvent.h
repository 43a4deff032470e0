#pragma once

#include "monitor/MemorySample.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

struct BalloonChangeEvent;

// A marker on the history charts: a guest's lifecycle event, or something the app or the user
// did (a balloon target, a stats period change), or where recording started and stopped.
struct HistoryEvent {
    enum class Kind {
        Lifecycle,     // code = virDomainEventType, detail = its detail
        BalloonTarget, // value = the new target, KiB; detail 1 = persistent configuration only
        StatsPeriod,   // value = the new period, seconds (0 = off); detail as BalloonTarget
        Recording,     // code: 1 started, 0 stopped
        Note,          // free text
    };

    qint64 id = 0; // assigned by the store
    qint64 timeMs = 0;
    QString hostId;
    QString uuid; // empty for a host-wide event
    QString name; // the guest's name at the time (filled in by queries)
    Kind kind = Kind::Note;
    int code = 0;
    int detail = 0;
    std::optional<qint64> value;
    QString text;   // a note or a description
    QString source; // who wrote it: "monitor", "app", "recorder", "cli", ...

    static HistoryEvent fromLifecycle(const LifecycleEvent &event);
    // A change the balloon controls made (BalloonControls::changeRecorded), as the app's own
    // marker: text = the change's own line ("Balloon target (live): 2 GiB → 1.5 GiB").
    static HistoryEvent fromBalloonChange(const BalloonChangeEvent &change);
    // Translated one-liner for a tooltip; the event's own text when it carries one.
    QString description() const;
};

QString historyEventKindKey(HistoryEvent::Kind kind); // stable: "lifecycle", "balloon_target", ...
std::optional<HistoryEvent::Kind> historyEventKindFromKey(const QString &key);

struct EventRequest {
    QString hostId;
    QStringList uuids; // empty: every event of the host, host-wide ones included
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QList<HistoryEvent::Kind> kinds; // empty: all
};

} // namespace bs

Q_DECLARE_METATYPE(bs::HistoryEvent)
