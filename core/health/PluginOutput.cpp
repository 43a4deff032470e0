#include "PluginOutput.h"

#include <cmath>

namespace bs {

namespace {

QString value(double v) {
    // Plain C-locale numbers: monitoring systems parse them.
    if (std::floor(v) == v && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'f', 2);
}

QString label(const QString &text) {
    QString clean = text;
    clean.replace(QLatin1Char('\''), QLatin1Char('_')).replace(QLatin1Char('='), QLatin1Char('_'));
    return clean.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + clean + QLatin1Char('\'') : clean;
}

} // namespace

PluginState pluginStateOf(Severity worst) {
    switch (worst) {
    case Severity::Critical:
        return PluginCritical;
    case Severity::Warning:
        return PluginWarning;
    case Severity::Ok:
    case Severity::Info:
        break;
    }
    return PluginOk;
}

QString pluginStateWord(PluginState state) {
    switch (state) {
    case PluginOk:
        return QStringLiteral("OK");
    case PluginWarning:
        return QStringLiteral("WARNING");
    case PluginCritical:
        return QStringLiteral("CRITICAL");
    case PluginUnknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

QString perfData(const HealthFigure &figure) {
    const bool kib = figure.unit == QLatin1String("KB");
    const double scale = kib ? 1024.0 : 1.0;
    const QString unit = kib ? QStringLiteral("B") : figure.unit;
    const auto level = [&](const std::optional<double> &v) {
        if (!v)
            return QString();
        return value(*v * scale) + (figure.below ? QStringLiteral(":") : QString());
    };
    const auto bound = [&](const std::optional<double> &v) {
        return v ? value(*v * scale) : QString();
    };
    QString out = label(figure.label) + QLatin1Char('=') + value(figure.value * scale) + unit +
                  QLatin1Char(';') + level(figure.warning) + QLatin1Char(';') +
                  level(figure.critical) + QLatin1Char(';') + bound(figure.min) + QLatin1Char(';') +
                  bound(figure.max);
    while (out.endsWith(QLatin1Char(';')))
        out.chop(1);
    return out;
}

QStringList pluginLines(PluginState state, const QString &summary, const HealthResult &result) {
    QStringList perf;
    for (const HealthFigure &f : result.figures)
        perf << perfData(f);
    QString status = QStringLiteral("BALLOONSCOPE %1 - %2").arg(pluginStateWord(state), summary);
    if (!perf.isEmpty())
        status += QStringLiteral(" | ") + perf.join(QLatin1Char(' '));
    QStringList lines{status};
    for (const HealthFinding &f : result.findings) {
        const QString word = f.severity == Severity::Info
                                 ? QStringLiteral("NOTE")
                                 : pluginStateWord(pluginStateOf(f.severity));
        const QString who = f.guest.isEmpty() ? f.hostId : f.guest;
        QString line =
            QStringLiteral("%1: %2: %3: %4").arg(word, who, healthRuleTitle(f.rule), f.message);
        if (!f.remedy.isEmpty())
            line += QLatin1Char(' ') + f.remedy;
        lines << line;
    }
    return lines;
}

} // namespace bs
