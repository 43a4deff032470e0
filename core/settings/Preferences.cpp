#include "Preferences.h"

#include <algorithm>

namespace bs {

Preferences Preferences::load(const QSettings &s) {
    Preferences p;
    p.pollIntervalSeconds =
        s.value(QStringLiteral("monitor/interval"), p.pollIntervalSeconds).toInt();
    p.defaultStatsPeriod =
        s.value(QStringLiteral("balloon/defaultStatsPeriod"), p.defaultStatsPeriod).toInt();
    p.rawRetentionDays = s.value(QStringLiteral("history/rawDays"), p.rawRetentionDays).toInt();
    p.minuteRetentionDays =
        s.value(QStringLiteral("history/minuteDays"), p.minuteRetentionDays).toInt();
    p.hourRetentionDays = s.value(QStringLiteral("history/hourDays"), p.hourRetentionDays).toInt();
    p.unit = units::SizeUnit(s.value(QStringLiteral("ui/unit"), int(p.unit)).toInt());
    p.language = s.value(QStringLiteral("ui/language"), p.language).toString();
    p.agentChecksByDefault =
        s.value(QStringLiteral("readiness/agentByDefault"), p.agentChecksByDefault).toBool();
    p.usedMarginPercent =
        s.value(QStringLiteral("balloon/usedMarginPercent"), p.usedMarginPercent).toDouble();
    return p.clamped();
}

void Preferences::save(QSettings &s) const {
    const Preferences p = clamped();
    s.setValue(QStringLiteral("monitor/interval"), p.pollIntervalSeconds);
    s.setValue(QStringLiteral("balloon/defaultStatsPeriod"), p.defaultStatsPeriod);
    s.setValue(QStringLiteral("history/rawDays"), p.rawRetentionDays);
    s.setValue(QStringLiteral("history/minuteDays"), p.minuteRetentionDays);
    s.setValue(QStringLiteral("history/hourDays"), p.hourRetentionDays);
    s.setValue(QStringLiteral("ui/unit"), int(p.unit));
    s.setValue(QStringLiteral("ui/language"), p.language);
    s.setValue(QStringLiteral("readiness/agentByDefault"), p.agentChecksByDefault);
    s.setValue(QStringLiteral("balloon/usedMarginPercent"), p.usedMarginPercent);
    s.sync();
}

Preferences Preferences::clamped() const {
    Preferences p = *this;
    p.pollIntervalSeconds = std::clamp(p.pollIntervalSeconds, 1, 3600);
    p.defaultStatsPeriod = std::clamp(p.defaultStatsPeriod, 1, 3600);
    p.rawRetentionDays = std::clamp(p.rawRetentionDays, 1, 365);
    // Coarser tiers keep at least as long as the finer ones.
    p.minuteRetentionDays = std::clamp(p.minuteRetentionDays, p.rawRetentionDays, 3650);
    p.hourRetentionDays = std::clamp(p.hourRetentionDays, p.minuteRetentionDays, 36500);
    if (int(p.unit) < int(units::SizeUnit::Auto) || int(p.unit) > int(units::SizeUnit::GiB))
        p.unit = units::SizeUnit::Auto;
    if (p.language != QLatin1String("en") && p.language != QLatin1String("zh_CN"))
        p.language.clear();
    p.usedMarginPercent = std::clamp(p.usedMarginPercent, 0.0, 100.0);
    return p;
}

} // namespace bs
