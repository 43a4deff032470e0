#include "BalloonPlan.h"

#include "BalloonText.h"
#include "StatsPeriodSetting.h"
#include "common/Units.h"

namespace bs {

QString applyScopeKey(ApplyScope scope) {
    switch (scope) {
    case ApplyScope::Automatic:
        return QStringLiteral("auto");
    case ApplyScope::Live:
        return QStringLiteral("live");
    case ApplyScope::Config:
        return QStringLiteral("config");
    case ApplyScope::LiveAndConfig:
        return QStringLiteral("live+config");
    }
    return QStringLiteral("auto");
}

bool wantsLive(ApplyScope scope, bool active) {
    return scope == ApplyScope::Live || scope == ApplyScope::LiveAndConfig ||
           (scope == ApplyScope::Automatic && active);
}

bool wantsConfig(ApplyScope scope, bool persistent) {
    return scope == ApplyScope::Config || scope == ApplyScope::LiveAndConfig ||
           (scope == ApplyScope::Automatic && persistent);
}

QString BalloonStep::describe() const {
    const auto seconds = [](std::optional<qint64> s) {
        return describePeriod(s ? std::optional<int>(int(*s)) : std::nullopt);
    };
    const auto size = [](std::optional<qint64> kib) {
        return kib ? units::formatKiB(quint64(*kib)) : BalloonText::tr("unknown");
    };
    switch (kind) {
    case Kind::LivePeriod:
        return BalloonText::tr("live stats period: %1 → %2").arg(seconds(before), seconds(period));
    case Kind::PersistentPeriod:
        return BalloonText::tr("persistent stats period: %1 → %2")
            .arg(seconds(before), seconds(period));
    case Kind::PersistentModel:
        return BalloonText::tr("persistent balloon: %1 → virtio with stats period %2 (after the "
                               "next shutdown and start)")
            .arg(beforeModel.isEmpty() ? BalloonText::tr("none") : beforeModel, seconds(period));
    case Kind::PersistentOptions: {
        QStringList parts;
        if (edit.freePageReporting)
            parts << BalloonText::tr("free page reporting %1")
                         .arg(*edit.freePageReporting ? BalloonText::tr("on")
                                                      : BalloonText::tr("off"));
        if (edit.autodeflate)
            parts << BalloonText::tr("autodeflate %1")
                         .arg(*edit.autodeflate ? BalloonText::tr("on") : BalloonText::tr("off"));
        return BalloonText::tr("persistent balloon: %1 (after the next shutdown and start)")
            .arg(parts.join(QStringLiteral(", ")));
    }
    case Kind::LiveTarget:
        return BalloonText::tr("live balloon target: %1 → %2")
            .arg(size(before), units::formatKiB(targetKiB));
    case Kind::PersistentTarget:
        return BalloonText::tr("persistent balloon target (currentMemory): %1 → %2")
            .arg(size(before), units::formatKiB(targetKiB));
    case Kind::PersistentMaximum:
        return BalloonText::tr("persistent maximum memory (memory): %1 → %2")
            .arg(size(before), units::formatKiB(targetKiB));
    }
    return {};
}

QString StepRefusal::describe() const {
    switch (part) {
    case Part::Live:
        return BalloonText::tr("live: %1").arg(reason);
    case Part::Persistent:
        return BalloonText::tr("persistent: %1").arg(reason);
    case Part::Guest:
        break;
    }
    return reason;
}

} // namespace bs
