#include "Units.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace bs::units {

SizeUnit pickUnit(quint64 kib) {
    if (kib >= 10 * KiBPerGiB)
        return SizeUnit::GiB;
    if (kib >= 10 * KiBPerMiB)
        return SizeUnit::MiB;
    return SizeUnit::KiB;
}

SizeUnit axisUnit(double maxKiB, SizeUnit choice) {
    if (choice == SizeUnit::MiB || choice == SizeUnit::GiB)
        return choice;
    return maxKiB >= double(AxisGiBFromKiB) ? SizeUnit::GiB : SizeUnit::MiB;
}

double inUnit(quint64 kib, SizeUnit unit) {
    switch (unit) {
    case SizeUnit::KiB:
        return double(kib);
    case SizeUnit::MiB:
        return double(kib) / double(KiBPerMiB);
    case SizeUnit::GiB:
        return double(kib) / double(KiBPerGiB);
    case SizeUnit::Auto:
        return inUnit(kib, pickUnit(kib));
    }
    return double(kib);
}

QString unitSuffix(SizeUnit unit) {
    switch (unit) {
    case SizeUnit::KiB:
        return QStringLiteral("KiB");
    case SizeUnit::MiB:
        return QStringLiteral("MiB");
    case SizeUnit::GiB:
        return QStringLiteral("GiB");
    case SizeUnit::Auto:
        break;
    }
    return {};
}

QString formatKiB(quint64 kib, const QLocale &locale, SizeUnit unit) {
    if (unit == SizeUnit::Auto)
        unit = pickUnit(kib);
    const double value = inUnit(kib, unit);
    const int decimals = (unit == SizeUnit::KiB || value >= 100.0) ? 0 : 1;
    return QStringLiteral("%1 %2").arg(locale.toString(value, 'f', decimals), unitSuffix(unit));
}

Result<quint64> parseSize(const QString &text) {
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)(i?B?)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(text);
    if (!match.hasMatch()) {
        return Error::invalidArgument(
            QCoreApplication::translate("bs::units",
                                        "\"%1\" is not a size: use a number with KiB, MiB or GiB, "
                                        "for example 512MiB or 2GiB.")
                .arg(text));
    }
    const double number = match.captured(1).toDouble();
    const QString prefix = match.captured(2).toUpper();
    double kib = number;
    if (prefix == QLatin1String("M"))
        kib = number * double(KiBPerMiB);
    else if (prefix == QLatin1String("G"))
        kib = number * double(KiBPerGiB);
    else if (prefix == QLatin1String("T"))
        kib = number * double(KiBPerGiB) * 1024.0;
    if (!std::isfinite(kib) || kib > 1.0e15) {
        return Error::invalidArgument(
            QCoreApplication::translate("bs::units", "The size \"%1\" is too large.").arg(text));
    }
    return quint64(std::llround(kib));
}

} // namespace bs::units
