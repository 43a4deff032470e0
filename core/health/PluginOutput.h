#pragma once

#include "HealthTypes.h"

#include <QString>
#include <QStringList>

namespace bs {

// The monitoring-plugins output convention (Nagios, Icinga, Naemon): exit codes, one status
// line "BALLOONSCOPE WARNING - summary | perfdata", then one line per finding.
enum PluginState { PluginOk = 0, PluginWarning = 1, PluginCritical = 2, PluginUnknown = 3 };

PluginState pluginStateOf(Severity worst);
QString pluginStateWord(PluginState state); // "OK", "WARNING", ...: never translated

// 'label'=value[UOM];[warn];[crit];[min];[max], sizes in bytes ("B"); a figure that alerts
// below its levels gets the range form "N:" (alert outside N..∞).
QString perfData(const HealthFigure &figure);

// The whole output: status line with `summary` and every figure's perfdata, then the findings.
QStringList pluginLines(PluginState state, const QString &summary, const HealthResult &result);

} // namespace bs
