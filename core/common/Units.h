#pragma once

#include "Result.h"

#include <QLocale>
#include <QString>
#include <QtGlobal>

namespace bs::units {

// Every memory figure in this project is KiB, as libvirt reports it.
inline constexpr quint64 KiBPerMiB = 1024;
inline constexpr quint64 KiBPerGiB = 1024 * 1024;

enum class SizeUnit { Auto, KiB, MiB, GiB };

// The unit that keeps a value of this size readable (Auto picks MiB below 10 GiB, then GiB).
SizeUnit pickUnit(quint64 kib);
double inUnit(quint64 kib, SizeUnit unit);
QString unitSuffix(SizeUnit unit);

// "1.5 GiB", "512 MiB" with the locale's decimal point.
QString formatKiB(quint64 kib, const QLocale &locale = QLocale(), SizeUnit unit = SizeUnit::Auto);

// Parses "512MiB", "2 GiB", "1.5G", "1048576KiB", "1048576" (KiB) into KiB. Decimal units
// (MB, GB) are accepted as their binary meaning is what libvirt uses: the error says so.
Result<quint64> parseSize(const QString &text);

} // namespace bs::units
