#include "HistoryEvent.h"

#include "balloon/BalloonChangeEvent.h"
#include "common/Units.h"

#include <QCoreApplication>

namespace bs {

HistoryEvent HistoryEvent::fromLifecycle(const LifecycleEvent &event) {
    HistoryEvent out;
    out.timeMs = event.timeMs;
    out.hostId = event.hostId;
    out.uuid = event.uuid;
    out.name = event.name;
    out.kind = Kind::Lifecycle;
    out.code = event.event;
    out.detail = event.detail;
    out.text = event.description();
    out.source = QStringLiteral("monitor");
    return out;
}

HistoryEvent HistoryEvent::fromBalloonChange(const BalloonChangeEvent &change) {
    HistoryEvent out;
    out.timeMs = change.timeMs;
    out.hostId = change.hostId;
    out.uuid = change.uuid;
    out.name = change.name;
    switch (change.kind) {
    case BalloonChangeEvent::Kind::BalloonTarget:
    case BalloonChangeEvent::Kind::MaximumMemory: // a memory size too; its text says which
        out.kind = Kind::BalloonTarget;
        out.value = change.after;
        break;
    case BalloonChangeEvent::Kind::StatsPeriod:
    case BalloonChangeEvent::Kind::BalloonModel: // adds the device with a period: a period change
        out.kind = Kind::StatsPeriod;
        out.value = change.after.value_or(0);
        break;
    case BalloonChangeEvent::Kind::BalloonOptions: // no figure to chart: a note with its text
        out.kind = Kind::Note;
        break;
    }
    out.detail = change.live ? 0 : 1;
    out.text = change.description();
    out.source = QStringLiteral("app");
    return out;
}

QString HistoryEvent::description() const {
    if (!text.isEmpty())
        return text;
    switch (kind) {
    case Kind::Lifecycle:
        return text;
    case Kind::BalloonTarget:
        return value ? QCoreApplication::translate("bs::HistoryEvent", "Balloon target set to %1")
                           .arg(units::formatKiB(quint64(qMax<qint64>(0, *value))))
                     : QCoreApplication::translate("bs::HistoryEvent", "Balloon target set");
    case Kind::StatsPeriod:
        if (value && *value > 0)
            return QCoreApplication::translate("bs::HistoryEvent", "Stats period set to %1 s")
                .arg(*value);
        return QCoreApplication::translate("bs::HistoryEvent", "Stats period turned off");
    case Kind::Recording:
        return code ? QCoreApplication::translate("bs::HistoryEvent", "Recording started")
                    : QCoreApplication::translate("bs::HistoryEvent", "Recording stopped");
    case Kind::Note:
        return text;
    }
    return text;
}

namespace {
struct KindKey {
    HistoryEvent::Kind kind;
    const char *key;
};
constexpr KindKey Keys[] = {
    {HistoryEvent::Kind::Lifecycle, "lifecycle"},
    {HistoryEvent::Kind::BalloonTarget, "balloon_target"},
    {HistoryEvent::Kind::StatsPeriod, "stats_period"},
    {HistoryEvent::Kind::Recording, "recording"},
    {HistoryEvent::Kind::Note, "note"},
};
} // namespace

QString historyEventKindKey(HistoryEvent::Kind kind) {
    for (const KindKey &k : Keys) {
        if (k.kind == kind)
            return QString::fromLatin1(k.key);
    }
    return QStringLiteral("note");
}

std::optional<HistoryEvent::Kind> historyEventKindFromKey(const QString &key) {
    for (const KindKey &k : Keys) {
        if (key == QLatin1String(k.key))
            return k.kind;
    }
    return std::nullopt;
}

} // namespace bs
