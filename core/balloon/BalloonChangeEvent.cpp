#include "BalloonChangeEvent.h"

#include "BalloonPlan.h"
#include "BalloonText.h"
#include "StatsPeriodSetting.h"
#include "common/Units.h"

namespace bs {

QString BalloonChangeEvent::kindKey() const {
    switch (kind) {
    case Kind::StatsPeriod:
        return QStringLiteral("stats_period");
    case Kind::BalloonModel:
        return QStringLiteral("balloon_model");
    case Kind::BalloonTarget:
        return QStringLiteral("balloon_target");
    case Kind::MaximumMemory:
        return QStringLiteral("maximum_memory");
    case Kind::BalloonOptions:
        return QStringLiteral("balloon_options");
    }
    return {};
}

QString BalloonChangeEvent::description() const {
    const QString where = live ? BalloonText::tr("live") : BalloonText::tr("persistent");
    const auto period = [](std::optional<qint64> s) {
        return describePeriod(s ? std::optional<int>(int(*s)) : std::nullopt);
    };
    switch (kind) {
    case Kind::StatsPeriod:
        return BalloonText::tr("Stats period (%1): %2 → %3")
            .arg(where, period(before), period(after));
    case Kind::BalloonModel:
        return BalloonText::tr("Balloon device (%1): %2 → %3, stats period %4")
            .arg(where, beforeModel.isEmpty() ? BalloonText::tr("none") : beforeModel, afterModel,
                 period(after));
    case Kind::BalloonTarget:
        return BalloonText::tr("Balloon target (%1): %2 → %3")
            .arg(where, before ? units::formatKiB(quint64(*before)) : BalloonText::tr("unknown"),
                 after ? units::formatKiB(quint64(*after)) : BalloonText::tr("unknown"));
    case Kind::MaximumMemory:
        return BalloonText::tr("Maximum memory (%1, from the next boot): %2 → %3")
            .arg(where, before ? units::formatKiB(quint64(*before)) : BalloonText::tr("unknown"),
                 after ? units::formatKiB(quint64(*after)) : BalloonText::tr("unknown"));
    case Kind::BalloonOptions: {
        QStringList parts;
        if (freePageReporting)
            parts << BalloonText::tr("free page reporting %1")
                         .arg(*freePageReporting ? BalloonText::tr("on") : BalloonText::tr("off"));
        if (autodeflate)
            parts << BalloonText::tr("autodeflate %1")
                         .arg(*autodeflate ? BalloonText::tr("on") : BalloonText::tr("off"));
        return BalloonText::tr("Balloon device (%1, from the next boot): %2")
            .arg(where, parts.join(QStringLiteral(", ")));
    }
    }
    return {};
}

BalloonChangeEvent BalloonChangeEvent::fromStep(const BalloonStep &step, const QString &hostId,
                                                const QString &uuid, const QString &name,
                                                qint64 timeMs) {
    BalloonChangeEvent event;
    event.hostId = hostId;
    event.uuid = uuid;
    event.name = name;
    event.timeMs = timeMs;
    event.live = step.isLive();
    event.before = step.before;
    switch (step.kind) {
    case BalloonStep::Kind::LivePeriod:
    case BalloonStep::Kind::PersistentPeriod:
        event.kind = Kind::StatsPeriod;
        event.after = step.period > 0 ? std::optional<qint64>(step.period) : std::nullopt;
        break;
    case BalloonStep::Kind::PersistentModel:
        event.kind = Kind::BalloonModel;
        event.beforeModel = step.beforeModel;
        event.afterModel = step.edit.model.value_or(QString());
        event.after = step.period > 0 ? std::optional<qint64>(step.period) : std::nullopt;
        event.before.reset();
        break;
    case BalloonStep::Kind::LiveTarget:
    case BalloonStep::Kind::PersistentTarget:
        event.kind = Kind::BalloonTarget;
        event.after = qint64(step.targetKiB);
        break;
    case BalloonStep::Kind::PersistentMaximum:
        event.kind = Kind::MaximumMemory;
        event.after = qint64(step.targetKiB);
        break;
    case BalloonStep::Kind::PersistentOptions:
        event.kind = Kind::BalloonOptions;
        event.freePageReporting = step.edit.freePageReporting;
        event.autodeflate = step.edit.autodeflate;
        event.before.reset();
        break;
    }
    return event;
}

} // namespace bs
