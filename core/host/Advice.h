#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace bs {

enum class AdviceSeverity { Info, Warn };

// A number an advice rests on, machine-readable: the UI can show it, the JSON carries it.
struct AdviceFigure {
    QString key; // stable: "saved", "host_total", "maximum_ratio"
    double value = 0;
    QString unit; // stable: "KiB", "ratio", "percent", "pages", "pages/s", "count"
    bool operator==(const AdviceFigure &) const = default;
};

// One line of advice about a host: what the numbers say and what an admin could do.
struct Advice {
    QString ruleId; // stable: "ksm.low-yield"; the UI may key icons or links on it
    AdviceSeverity severity = AdviceSeverity::Info;
    QString text; // translated, one or two sentences with the figures in them
    QList<AdviceFigure> figures;
    // The guests it is about (rule "balloon.no-stats": open their readiness), by uuid.
    QStringList guestUuids;

    double figure(const QString &key, double fallback = -1) const;
    bool operator==(const Advice &) const = default;
};

QString adviceSeverityKey(AdviceSeverity severity);  // "info", "warn"
QString adviceSeverityName(AdviceSeverity severity); // translated

} // namespace bs

Q_DECLARE_METATYPE(bs::Advice)
