#include "HealthThresholds.h"

#include "common/Units.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace bs {

namespace {

QString number(double value) {
    return QLocale().toString(value, 'g', 6);
}

// One level's text → value; `error` set when it does not read. Empty text: unchanged.
template <class T, class Parse>
bool parseLevel(const QString &text, std::optional<T> &level, Parse parse, QString &error) {
    if (text.isEmpty())
        return true;
    if (text == QLatin1String("-")) {
        level.reset();
        return true;
    }
    std::optional<T> value = parse(text);
    if (!value) {
        error = QCoreApplication::translate("bs::HealthThresholds", "\"%1\" is not a valid level.")
                    .arg(text);
        return false;
    }
    level = value;
    return true;
}

std::optional<double> parseNumber(QString text, bool percent) {
    if (percent && text.endsWith(QLatin1Char('%')))
        text.chop(1);
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || (percent && value > 1000))
        return std::nullopt;
    return value;
}

std::optional<quint64> parseKiB(const QString &text) {
    const Result<quint64> size = units::parseSize(text);
    if (!size)
        return std::nullopt;
    return *size;
}

// "1G", "10%", "1G/10%" or "10%/1G".
std::optional<HostFloor> parseFloor(const QString &text) {
    HostFloor floor;
    for (const QString &part : text.split(QLatin1Char('/'))) {
        if (part.endsWith(QLatin1Char('%'))) {
            const auto p = parseNumber(part, true);
            if (!p || *p > 100)
                return std::nullopt;
            floor.percent = *p;
        } else {
            const auto kib = parseKiB(part);
            if (!kib)
                return std::nullopt;
            floor.kib = *kib;
        }
    }
    return floor;
}

std::optional<Severity> parseSeverity(const QString &text) {
    if (text == QLatin1String("note") || text == QLatin1String("info"))
        return Severity::Info;
    if (text == QLatin1String("warning"))
        return Severity::Warning;
    if (text == QLatin1String("critical"))
        return Severity::Critical;
    return std::nullopt;
}

QString floorText(const std::optional<HostFloor> &floor) {
    if (!floor)
        return QCoreApplication::translate("bs::HealthThresholds", "none");
    if (floor->percent <= 0)
        return units::formatKiB(floor->kib);
    if (floor->kib == 0)
        return QCoreApplication::translate("bs::HealthThresholds", "%1 %")
            .arg(number(floor->percent));
    return QCoreApplication::translate("bs::HealthThresholds", "the larger of %1 and %2 %")
        .arg(units::formatKiB(floor->kib), number(floor->percent));
}

template <class T, class Format>
QString levels(const std::optional<T> &warning, const std::optional<T> &critical, Format format) {
    return QCoreApplication::translate("bs::HealthThresholds", "warning %1, critical %2")
        .arg(warning ? format(*warning)
                     : QCoreApplication::translate("bs::HealthThresholds", "none"),
             critical ? format(*critical)
                      : QCoreApplication::translate("bs::HealthThresholds", "none"));
}

QString sizeSpec(quint64 kib) {
    if (kib > 0 && kib % (1024 * 1024) == 0)
        return QString::number(kib / (1024 * 1024)) + QLatin1Char('G');
    if (kib > 0 && kib % 1024 == 0)
        return QString::number(kib / 1024) + QLatin1Char('M');
    return QString::number(kib); // KiB
}

QString numberSpec(double v) {
    return QString::number(v, 'g', 10);
}

QString floorSpec(const std::optional<HostFloor> &floor) {
    if (!floor)
        return QStringLiteral("-");
    QStringList parts;
    if (floor->kib > 0 || floor->percent <= 0)
        parts << sizeSpec(floor->kib);
    if (floor->percent > 0)
        parts << numberSpec(floor->percent) + QLatin1Char('%');
    return parts.join(QLatin1Char('/'));
}

template <class T, class Format>
QString levelsSpec(const std::optional<T> &warning, const std::optional<T> &critical,
                   Format format) {
    return (warning ? format(*warning) : QStringLiteral("-")) + QLatin1Char(':') +
           (critical ? format(*critical) : QStringLiteral("-"));
}

QString severitySpec(Severity severity) {
    return severity == Severity::Info ? QStringLiteral("note") : severityKey(severity);
}

} // namespace

quint64 HostFloor::resolve(quint64 hostTotalKiB) const {
    const auto share = quint64(std::llround(double(hostTotalKiB) * percent / 100.0));
    return std::max(kib, share);
}

QString HealthThresholds::apply(const QString &spec) {
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    const QString key = (eq < 0 ? spec : spec.left(eq)).trimmed();
    const std::optional<HealthRule> rule = healthRuleFromKey(key);
    if (!rule) {
        return QCoreApplication::translate(
                   "bs::HealthThresholds",
                   "Unknown rule \"%1\". Rules: host_available, stale, swap_in, need_ratio, "
                   "stuck_balloon, readiness, stranded, free_page_reporting, signature.")
            .arg(key);
    }
    if (eq < 0)
        return QCoreApplication::translate("bs::HealthThresholds",
                                           "--rule %1 needs a value: %1=off, %1=on or %1=LEVELS.")
            .arg(key);
    QString value = spec.mid(eq + 1).trimmed();
    if (value == QLatin1String("off") || value == QLatin1String("on")) {
        enabled[size_t(*rule)] = value == QLatin1String("on");
        return {};
    }
    enabled[size_t(*rule)] = true;

    QString error;
    switch (*rule) {
    case HealthRule::ReadinessRegression:
    case HealthRule::FreePageReporting:
    case HealthRule::Signature: {
        const std::optional<Severity> severity = parseSeverity(value);
        if (!severity)
            return QCoreApplication::translate(
                       "bs::HealthThresholds",
                       "--rule %1 takes off, on, note, warning or critical, not \"%2\".")
                .arg(key, value);
        Severity &target = *rule == HealthRule::ReadinessRegression ? readinessSeverity
                           : *rule == HealthRule::FreePageReporting ? freePageReportingSeverity
                                                                    : signatureSeverity;
        target = *severity;
        return {};
    }
    default:
        break;
    }

    if (*rule == HealthRule::SwapIn) {
        const qsizetype at = value.indexOf(QLatin1Char('@'));
        if (at >= 0) {
            bool ok = false;
            const int seconds = value.mid(at + 1).toInt(&ok);
            if (!ok || seconds < 0 || seconds > 86400)
                return QCoreApplication::translate(
                           "bs::HealthThresholds",
                           "--rule swap_in: \"%1\" is not a number of seconds (0-86400).")
                    .arg(value.mid(at + 1));
            swapInSustainSeconds = seconds;
            value = value.left(at);
        }
    }
    const QStringList parts = value.split(QLatin1Char(':'));
    if (parts.size() > 2)
        return QCoreApplication::translate("bs::HealthThresholds",
                                           "--rule %1: use WARN or WARN:CRIT, not \"%2\".")
            .arg(key, value);
    const QString warn = parts.value(0).trimmed();
    const QString crit = parts.value(1).trimmed();
    const auto percent = [](const QString &t) {
        return parseNumber(t, true);
    };
    const auto count = [](const QString &t) -> std::optional<double> {
        const auto n = parseNumber(t, false);
        return n && *n >= 1 ? n : std::nullopt;
    };
    const auto rate = [](const QString &t) -> std::optional<double> {
        const auto kib = parseKiB(t);
        return kib ? std::optional<double>(double(*kib)) : std::nullopt;
    };
    bool ok = true;
    switch (*rule) {
    case HealthRule::HostAvailable:
        ok = parseLevel(warn, hostWarning, parseFloor, error) &&
             parseLevel(crit, hostCritical, parseFloor, error);
        break;
    case HealthRule::GuestStale:
        ok = parseLevel(warn, staleWarningPeriods, count, error) &&
             parseLevel(crit, staleCriticalPeriods, count, error);
        break;
    case HealthRule::SwapIn:
        ok = parseLevel(warn, swapInWarningKiBps, rate, error) &&
             parseLevel(crit, swapInCriticalKiBps, rate, error);
        break;
    case HealthRule::NeedRatio:
        ok = parseLevel(warn, needWarningPercent, percent, error) &&
             parseLevel(crit, needCriticalPercent, percent, error);
        break;
    case HealthRule::StuckBalloon:
        ok = parseLevel(warn, stuckWarningPeriods, count, error) &&
             parseLevel(crit, stuckCriticalPeriods, count, error);
        break;
    case HealthRule::StrandedMemory:
        ok = parseLevel(warn, strandedWarningKiB, parseKiB, error) &&
             parseLevel(crit, strandedCriticalKiB, parseKiB, error);
        break;
    default:
        break;
    }
    if (!ok)
        return QCoreApplication::translate("bs::HealthThresholds", "--rule %1: %2").arg(key, error);
    return {};
}

QString HealthThresholds::describe(HealthRule rule) const {
    if (!isEnabled(rule))
        return QCoreApplication::translate("bs::HealthThresholds", "off");
    const auto kib = [](quint64 v) {
        return units::formatKiB(v);
    };
    const auto periods = [](double v) {
        return QCoreApplication::translate("bs::HealthThresholds", "%1 periods").arg(number(v));
    };
    const auto pct = [](double v) {
        return QCoreApplication::translate("bs::HealthThresholds", "%1 %").arg(number(v));
    };
    const auto kibps = [](double v) {
        return QCoreApplication::translate("bs::HealthThresholds", "%1/s")
            .arg(units::formatKiB(quint64(v)));
    };
    switch (rule) {
    case HealthRule::HostAvailable:
        return QCoreApplication::translate("bs::HealthThresholds",
                                           "warning below %1, critical below %2")
            .arg(floorText(hostWarning), floorText(hostCritical));
    case HealthRule::GuestStale:
        return levels(staleWarningPeriods, staleCriticalPeriods, periods);
    case HealthRule::SwapIn:
        return QCoreApplication::translate("bs::HealthThresholds", "%1, sustained %2 s")
            .arg(levels(swapInWarningKiBps, swapInCriticalKiBps, kibps))
            .arg(swapInSustainSeconds);
    case HealthRule::NeedRatio:
        return levels(needWarningPercent, needCriticalPercent, pct);
    case HealthRule::StuckBalloon:
        return QCoreApplication::translate("bs::HealthThresholds", "%1, apart by more than %2 %")
            .arg(levels(stuckWarningPeriods, stuckCriticalPeriods, periods),
                 number(stuckTolerancePercent));
    case HealthRule::StrandedMemory:
        return levels(strandedWarningKiB, strandedCriticalKiB, kib);
    case HealthRule::ReadinessRegression:
        return severityName(readinessSeverity);
    case HealthRule::FreePageReporting:
        return severityName(freePageReportingSeverity);
    case HealthRule::Signature:
        return severityName(signatureSeverity);
    }
    return {};
}

QString HealthThresholds::specValue(HealthRule rule) const {
    if (!isEnabled(rule))
        return QStringLiteral("off");
    switch (rule) {
    case HealthRule::HostAvailable:
        return floorSpec(hostWarning) + QLatin1Char(':') + floorSpec(hostCritical);
    case HealthRule::GuestStale:
        return levelsSpec(staleWarningPeriods, staleCriticalPeriods, numberSpec);
    case HealthRule::SwapIn:
        return levelsSpec(swapInWarningKiBps, swapInCriticalKiBps, numberSpec) + QLatin1Char('@') +
               QString::number(swapInSustainSeconds);
    case HealthRule::NeedRatio:
        return levelsSpec(needWarningPercent, needCriticalPercent,
                          [](double v) { return numberSpec(v) + QLatin1Char('%'); });
    case HealthRule::StuckBalloon:
        return levelsSpec(stuckWarningPeriods, stuckCriticalPeriods, numberSpec);
    case HealthRule::StrandedMemory:
        return levelsSpec(strandedWarningKiB, strandedCriticalKiB, sizeSpec);
    case HealthRule::ReadinessRegression:
        return severitySpec(readinessSeverity);
    case HealthRule::FreePageReporting:
        return severitySpec(freePageReportingSeverity);
    case HealthRule::Signature:
        return severitySpec(signatureSeverity);
    }
    return {};
}

QStringList HealthThresholds::toSpecs() const {
    QStringList specs;
    for (int i = 0; i < HealthRuleCount; ++i)
        specs << healthRuleKey(HealthRule(i)) + QLatin1Char('=') + specValue(HealthRule(i));
    return specs;
}

HealthThresholds HealthThresholds::fromSpecs(const QStringList &specs, QStringList *errors) {
    HealthThresholds t;
    for (const QString &spec : specs) {
        HealthThresholds attempt = t;
        const QString error = attempt.apply(spec);
        if (error.isEmpty())
            t = attempt;
        else if (errors)
            errors->append(error);
    }
    return t;
}

QStringList HealthThresholds::describeRules() {
    const HealthThresholds defaults;
    QStringList lines;
    for (int i = 0; i < HealthRuleCount; ++i) {
        const auto rule = HealthRule(i);
        lines << QStringLiteral("%1: %2 (%3)")
                     .arg(healthRuleKey(rule), healthRuleTitle(rule), defaults.describe(rule));
    }
    return lines;
}

} // namespace bs
