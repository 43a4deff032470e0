#include "ReportText.h"

#include "AxisTicks.h"
#include "common/Units.h"

#include <QDateTime>

#include <cmath>

namespace bs {

ReportText::MemoryUnit ReportText::memoryUnit(double maxKiB) {
    MemoryUnit u;
    if (maxKiB >= double(units::KiBPerGiB)) {
        u.divisor = double(units::KiBPerGiB);
        u.decimals = 2;
        u.suffix = units::unitSuffix(units::SizeUnit::GiB);
    } else if (maxKiB < 10.0 * double(units::KiBPerMiB)) {
        u.decimals = 1;
    }
    return u;
}

QString ReportText::memory(double kib, const MemoryUnit &unit) {
    if (std::isnan(kib))
        return dash();
    return QLocale().toString(kib / unit.divisor, 'f', unit.decimals);
}

QString ReportText::memoryWithUnit(double kib) {
    if (std::isnan(kib))
        return dash();
    const MemoryUnit unit = memoryUnit(kib);
    return tr("%1 %2").arg(memory(kib, unit), unit.suffix);
}

QString ReportText::percent(double value) {
    if (std::isnan(value))
        return dash();
    //: A share in a report: "97.3 %".
    return tr("%1 %").arg(QLocale().toString(value, 'f', 1));
}

QString ReportText::ratio(double value) {
    if (!std::isfinite(value))
        return dash();
    //: A ratio such as overcommit: "1.50×".
    return tr("%1×").arg(QLocale().toString(value, 'f', 2));
}

QString ReportText::count(qint64 n) {
    return QLocale().toString(n);
}

QString ReportText::duration(qint64 ms) {
    // Abbreviated units: no plural forms to get wrong in any language.
    const qint64 minutes = (ms + 30000) / 60000;
    if (minutes % (24 * 60) == 0 && minutes >= 24 * 60)
        return tr("%1 d").arg(count(minutes / (24 * 60)));
    if (minutes % 60 == 0 && minutes >= 60)
        return tr("%1 h").arg(count(minutes / 60));
    return tr("%1 min").arg(count(minutes));
}

QString ReportText::dateTime(qint64 ms) {
    return tr("%1 (%2)").arg(
        QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
        utcOffsetLabel(ms));
}

QColor ReportText::verdictColour(Verdict verdict) {
    switch (verdict) {
    case Verdict::Ready:
        return QColor(0x2e, 0x7d, 0x32);
    case Verdict::PollingOff:
        return QColor(0xe6, 0x51, 0x00);
    case Verdict::NoBalloonDevice:
    case Verdict::NoBalloonDriver:
    case Verdict::NotDelivering:
        return QColor(0xc6, 0x28, 0x28);
    case Verdict::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QString ReportText::basis(const GuestReport &g) {
    switch (g.basis.kind) {
    case StatsBasis::Kind::RawSamples:
        if (g.basis.count == 0)
            return tr("No fresh guest report in the range: only host-side figures.");
        return tr("Over %1 raw polls with a fresh guest report.").arg(count(g.basis.count));
    case StatsBasis::Kind::Rollup: {
        bool hours = false;
        for (const TierSpan &t : g.basis.tiers)
            hours = hours || t.tier == Tier::Hour;
        return hours ? tr("Over %1 one-minute and one-hour averages: raw polls are no longer kept "
                          "for the start of the range (min and max are the true extremes).")
                           .arg(count(g.basis.count))
                     : tr("Over %1 one-minute averages: raw polls are no longer kept for the "
                          "start of the range (min and max are the true extremes).")
                           .arg(count(g.basis.count));
    }
    case StatsBasis::Kind::None:
        break;
    }
    return tr("No values in the range.");
}

QString ReportText::coverage(const GuestReport &g, qint64 fromMs) {
    if (!g.coverage)
        return tr("not known: no raw polls in the range");
    if (g.coverageFromMs > fromMs)
        return tr("%1 of the time since %2 (older polls are rolled up)")
            .arg(percent(*g.coverage * 100.0), dateTime(g.coverageFromMs));
    return tr("%1 of the range").arg(percent(*g.coverage * 100.0));
}

QString ReportText::balloonRange(const GuestReport &g) {
    if (!g.actual.valid())
        return notRecorded();
    const MemoryUnit unit = memoryUnit(std::max(g.actual.max, double(g.maximum.value_or(0))));
    QString text =
        g.actual.min == g.actual.max
            ? tr("%1 %2 throughout").arg(memory(g.actual.max, unit), unit.suffix)
            : tr("%1 – %2 %3")
                  .arg(memory(g.actual.min, unit), memory(g.actual.max, unit), unit.suffix);
    if (g.maximum)
        text += QLatin1String("  ") +
                tr("(maximum %1 %2)").arg(memory(double(*g.maximum), unit), unit.suffix);
    return text;
}

QString ReportText::readiness(const GuestReport &g) {
    return tr("%1 — %2").arg(verdictName(g.readiness.verdict), g.readiness.reason);
}

} // namespace bs
