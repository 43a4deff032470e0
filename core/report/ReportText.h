#pragma once

#include "ReportData.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace bs {

// How a report writes its numbers and words, in the UI language (QLocale() and the installed
// translators): one memory unit per table so columns compare at a glance.
class ReportText {
    Q_DECLARE_TR_FUNCTIONS(ReportText)

public:
    // A memory unit for values up to `maxKiB`: GiB with two decimals from 1 GiB, else MiB.
    struct MemoryUnit {
        double divisor = 1024;
        int decimals = 0;
        QString suffix = QStringLiteral("MiB");
    };
    static MemoryUnit memoryUnit(double maxKiB);
    static QString memory(double kib, const MemoryUnit &unit); // "3.42" (no suffix); "–" for NaN
    static QString memoryWithUnit(double kib);                 // "3.42 GiB"
    static QString percent(double value);                      // "97.3 %"
    static QString ratio(double value);                        // "1.50×"
    static QString count(qint64 n);                            // "8,640"
    static QString dash() { return QStringLiteral("–"); }
    static QString duration(qint64 ms); // "24 hours", "7 days"
    static QString dateTime(qint64 ms); // "2025-01-02 08:00 (UTC+01:00)"
    static QColor verdictColour(Verdict verdict);
    static QString basis(const GuestReport &guest); // what the statistics are over
    static QString coverage(const GuestReport &guest, qint64 fromMs);
    static QString balloonRange(const GuestReport &guest);
    static QString readiness(const GuestReport &guest);
    static QString notRecorded() { return tr("not recorded"); }
};

} // namespace bs
