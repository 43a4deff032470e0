#include "HostRules.h"

#include "common/Units.h"

#include <QCoreApplication>

namespace bs {

QList<HealthFinding> hostAvailableFindings(const QString &hostId, const NodeMemory &memory,
                                           const HealthThresholds &thresholds,
                                           QList<HealthFigure> &figures) {
    const std::optional<quint64> available = memory.freeWithCaches();
    if (!thresholds.isEnabled(HealthRule::HostAvailable) || !available || !memory.total ||
        *memory.total == 0)
        return {};
    const quint64 total = *memory.total;
    HealthFigure figure;
    figure.label = QStringLiteral("host_available");
    figure.value = double(*available);
    figure.unit = QStringLiteral("KB");
    figure.below = true;
    figure.min = 0;
    figure.max = double(total);
    if (thresholds.hostWarning)
        figure.warning = double(thresholds.hostWarning->resolve(total));
    if (thresholds.hostCritical)
        figure.critical = double(thresholds.hostCritical->resolve(total));
    figures.append(figure);

    Severity severity = Severity::Ok;
    if (figure.critical && figure.value < *figure.critical)
        severity = Severity::Critical;
    else if (figure.warning && figure.value < *figure.warning)
        severity = Severity::Warning;
    if (severity == Severity::Ok)
        return {};
    HealthFinding f;
    f.rule = HealthRule::HostAvailable;
    f.severity = severity;
    f.hostId = hostId;
    f.condition = QStringLiteral("host_available\n") + hostId;
    const double floor = severity == Severity::Critical ? *figure.critical : *figure.warning;
    f.message = QCoreApplication::translate("bs::Health",
                                            "The host has %1 available (%2 % of %3), below %4.")
                    .arg(units::formatKiB(*available))
                    .arg(QLocale().toString(100.0 * double(*available) / double(total), 'f', 1))
                    .arg(units::formatKiB(total), units::formatKiB(quint64(floor)));
    f.remedy = QCoreApplication::translate(
        "bs::Health", "Shrink the balloons of guests with room to spare (the Sizing page shows "
                      "which), turn on KSM, or stop a guest.");
    return {f};
}

} // namespace bs
