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

// The unit that keeps a value of this size readable in text (a table cell, a tooltip): MiB below
// 10 GiB (whole MiB stay exact), then GiB; KiB below 10 MiB.
SizeUnit pickUnit(quint64 kib);

// The unit of a chart's memory axis whose values reach `maxKiB`: `choice` when the user chose
// MiB or GiB (the preferences, the chart's unit box); for Auto (or KiB), GiB from 4 GiB up and
// MiB below. The live chart, the History page, every exported file and the PDF report use it,
// so a chart and its export always agree.
SizeUnit axisUnit(double maxKiB, SizeUnit choice = SizeUnit::Auto);
inline constexpr quint64 AxisGiBFromKiB = 4 * KiBPerGiB;
double inUnit(quint64 kib, SizeUnit unit);
QString unitSuffix(SizeUnit unit);

// "1.5 GiB", "512 MiB" with the locale's decimal point.
QString formatKiB(quint64 kib, const QLocale &locale = QLocale(), SizeUnit unit = SizeUnit::Auto);

// Parses "512MiB", "2 GiB", "1.5G", "1048576KiB", "1048576" (KiB) into KiB. Decimal units
// (MB, GB) are accepted as their binary meaning is what libvirt uses: the error says so.
Result<quint64> parseSize(const QString &text);

} // namespace bs::units
