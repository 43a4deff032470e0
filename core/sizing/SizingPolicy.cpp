#include "SizingPolicy.h"

#include "balloon/BalloonTargetPlanner.h"
#include "common/Units.h"

#include <QCoreApplication>
#include <QLocale>

namespace bs {

SizingPolicy SizingPolicy::fromPreset(SizingPreset preset) {
    SizingPolicy p;
    p.preset = preset;
    switch (preset) {
    case SizingPreset::Conservative:
        p.percentile = 99;
        p.headroom = 0.20;
        p.windowSeconds = 30 * 86400;
        break;
    case SizingPreset::Aggressive:
        p.percentile = 90;
        p.headroom = 0.10;
        p.windowSeconds = 7 * 86400;
        break;
    case SizingPreset::Balanced:
    case SizingPreset::Custom:
        p.percentile = 95;
        p.headroom = 0.15;
        p.windowSeconds = 14 * 86400;
        break;
    }
    return p;
}

QList<SizingPreset> SizingPolicy::presets() {
    return {SizingPreset::Conservative, SizingPreset::Balanced, SizingPreset::Aggressive};
}

qint64 SizingPolicy::floorFor(const QString &uuid) const {
    return qMax(floorKiB, guestFloorsKiB.value(uuid, 0));
}

QString SizingPolicy::validationError() const {
    if (!(percentile >= 50 && percentile <= 100)) {
        return QCoreApplication::translate("bs::Sizing",
                                           "The percentile must be 50 to 100, not %1.")
            .arg(percentile);
    }
    if (!(headroom >= 0 && headroom <= 1)) {
        return QCoreApplication::translate("bs::Sizing",
                                           "The headroom must be 0 to 100 %, not %1 %.")
            .arg(headroom * 100);
    }
    const qint64 minimum = qint64(BalloonTargetPolicy{}.minimumKiB);
    if (floorKiB < minimum) {
        return QCoreApplication::translate("bs::Sizing", "The floor must be at least %1: no "
                                                         "guest is ballooned below that.")
            .arg(units::formatKiB(quint64(minimum)));
    }
    if (windowSeconds < 60 || windowSeconds > 3 * 365 * 86400LL) {
        return QCoreApplication::translate("bs::Sizing",
                                           "The window must be one minute to three years.");
    }
    return {};
}

QString sizingPresetKey(SizingPreset preset) {
    switch (preset) {
    case SizingPreset::Conservative:
        return QStringLiteral("conservative");
    case SizingPreset::Balanced:
        return QStringLiteral("balanced");
    case SizingPreset::Aggressive:
        return QStringLiteral("aggressive");
    case SizingPreset::Custom:
        break;
    }
    return QStringLiteral("custom");
}

std::optional<SizingPreset> sizingPresetFromKey(const QString &key) {
    for (SizingPreset p : {SizingPreset::Conservative, SizingPreset::Balanced,
                           SizingPreset::Aggressive, SizingPreset::Custom}) {
        if (sizingPresetKey(p) == key.trimmed().toLower())
            return p;
    }
    return std::nullopt;
}

QString sizingPresetName(SizingPreset preset) {
    switch (preset) {
    case SizingPreset::Conservative:
        return QCoreApplication::translate("bs::Sizing", "Conservative");
    case SizingPreset::Balanced:
        return QCoreApplication::translate("bs::Sizing", "Balanced");
    case SizingPreset::Aggressive:
        return QCoreApplication::translate("bs::Sizing", "Aggressive");
    case SizingPreset::Custom:
        break;
    }
    return QCoreApplication::translate("bs::Sizing", "Custom");
}

QString sizingPolicySummary(const SizingPolicy &policy) {
    const QLocale locale;
    const qint64 w = policy.windowSeconds;
    QString window;
    if (w % 86400 == 0) {
        window = w == 86400 ? QCoreApplication::translate("bs::Sizing", "1 day")
                            : QCoreApplication::translate("bs::Sizing", "%1 days")
                                  .arg(locale.toString(w / 86400));
    } else if (w % 3600 == 0) {
        window = w == 3600 ? QCoreApplication::translate("bs::Sizing", "1 hour")
                           : QCoreApplication::translate("bs::Sizing", "%1 hours")
                                 .arg(locale.toString(w / 3600));
    } else {
        window =
            QCoreApplication::translate("bs::Sizing", "%1 minutes").arg(locale.toString(w / 60));
    }
    return QCoreApplication::translate("bs::Sizing", "P%1 + %2 % over %3")
        .arg(locale.toString(policy.percentile, 'g', 4),
             locale.toString(policy.headroom * 100, 'g', 4), window);
}

} // namespace bs
