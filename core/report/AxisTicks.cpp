#include "AxisTicks.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

namespace bs {

namespace {

// Steps that divide a day, then whole days: every tick lands on a round local time.
constexpr qint64 TimeSteps[] = {1,     2,     5,      10,     15,      30,      60,     120,
                                300,   600,   900,    1800,   3600,    7200,    10800,  21600,
                                43200, 86400, 172800, 604800, 1209600, 2419200, 7257600};
constexpr qint64 Day = 86400;

int decimalsFor(double step) {
    for (int d = 0; d < 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6)
            return d;
    }
    return 6;
}

double niceStep(double span, int maxTicks) {
    const double raw = span / std::max(1, maxTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (f * magnitude >= raw * (1 - 1e-9))
            return f * magnitude;
    }
    return 10 * magnitude;
}

QString dayLabel(const QDate &date, const QLocale &locale) {
    //: QDate format of a day on a chart's time axis ("Jan 2").
    return locale.toString(date, QCoreApplication::translate("bs::AxisTicks", "MMM d"));
}

} // namespace

ValueAxis valueAxis(ValueUnit unit, double maxValue, int maxTicks, const QLocale &locale,
                    units::SizeUnit sizeUnit) {
    ValueAxis axis;
    if (!std::isfinite(maxValue) || maxValue < 0)
        maxValue = 0;
    switch (unit) {
    case ValueUnit::KiB: {
        // The screen's rule (units::axisUnit), so a file shows what the chart showed.
        const units::SizeUnit shown = units::axisUnit(maxValue, sizeUnit);
        axis.divisor =
            shown == units::SizeUnit::GiB ? double(units::KiBPerGiB) : double(units::KiBPerMiB);
        axis.unit = units::unitSuffix(shown);
        break;
    }
    case ValueUnit::Percent:
        axis.unit = QStringLiteral("%");
        maxValue = std::max(maxValue, 100.0 / 1.04); // a share reads best against its whole
        break;
    case ValueUnit::Count:
        break;
    }
    // A little headroom so the highest line does not run along the frame.
    const double top = maxValue > 0 ? maxValue / axis.divisor * 1.04 : 1.0;
    const double step = niceStep(top, std::max(2, maxTicks));
    axis.max = std::ceil(top / step - 1e-9) * step;
    const int decimals = decimalsFor(step);
    for (int i = 0; i * step <= axis.max * (1 + 1e-9); ++i) {
        const double v = i * step;
        axis.ticks.append(AxisTick{v, locale.toString(v, 'f', decimals), false});
    }
    return axis;
}

QList<AxisTick> timeTicks(qint64 fromMs, qint64 toMs, int maxTicks, const QLocale &locale) {
    QList<AxisTick> ticks;
    if (toMs <= fromMs)
        return ticks;
    const double spanSeconds = double(toMs - fromMs) / 1000.0;
    qint64 step = TimeSteps[std::size(TimeSteps) - 1];
    for (qint64 s : TimeSteps) {
        if (spanSeconds / double(s) <= std::max(1, maxTicks)) {
            step = s;
            break;
        }
    }
    const QString timeFormat = step < 60 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    const QDate first = QDateTime::fromMSecsSinceEpoch(fromMs).date();
    const QDate last = QDateTime::fromMSecsSinceEpoch(toMs).date();
    if (step >= Day) {
        const qint64 days = step / Day;
        for (QDate d = first; d <= last; d = d.addDays(1)) {
            if (d.toJulianDay() % days != 0)
                continue;
            const QDateTime t = d.startOfDay();
            if (t.toMSecsSinceEpoch() >= fromMs && t.toMSecsSinceEpoch() <= toMs)
                ticks.append(AxisTick{double(t.toMSecsSinceEpoch()), dayLabel(d, locale), true});
        }
        return ticks;
    }
    // Steps below a day divide it: count them from each local midnight (addSecs keeps the
    // labels true across a daylight-saving change).
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        const QDateTime midnight = d.startOfDay();
        const qint64 startMs = midnight.toMSecsSinceEpoch();
        const qint64 k0 = std::max<qint64>(0, (fromMs - startMs + step * 1000 - 1) / (step * 1000));
        for (qint64 k = k0; k * step < Day; ++k) {
            const QDateTime t = midnight.addSecs(k * step);
            const qint64 ms = t.toMSecsSinceEpoch();
            if (ms > toMs || t.date() != d)
                break;
            if (ms < fromMs)
                continue;
            const bool major = t.time() == QTime(0, 0);
            ticks.append(AxisTick{
                double(ms), major ? dayLabel(d, locale) : locale.toString(t.time(), timeFormat),
                major});
        }
    }
    return ticks;
}

QString utcOffsetLabel(qint64 atMs) {
    const int offset = QDateTime::fromMSecsSinceEpoch(atMs).offsetFromUtc();
    if (offset == 0)
        return QStringLiteral("UTC");
    const int minutes = std::abs(offset) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace bs
