#pragma once

#include "HealthTypes.h"

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace bs {

// A floor under the host's available memory: whichever is larger of a size and a share of the
// host (oVirt's low-memory event is 1 GiB; a share scales to big hosts).
struct HostFloor {
    quint64 kib = 0;
    double percent = 0;
    quint64 resolve(quint64 hostTotalKiB) const;
    bool operator==(const HostFloor &) const = default;
};

// Every rule's thresholds, with the defaults issue 16 asks for. A level left empty does not
// fire. The CLI's --rule and the GUI's alert settings change them with apply().
struct HealthThresholds {
    // Per rule: off, or the severity of findings that have no levels of their own (readiness,
    // free page reporting, signatures). Rules with levels use Warning/Critical from the levels.
    std::array<bool, HealthRuleCount> enabled = [] {
        std::array<bool, HealthRuleCount> all{};
        all.fill(true);
        return all;
    }();

    std::optional<HostFloor> hostWarning = HostFloor{1024 * 1024, 10};
    std::optional<HostFloor> hostCritical = HostFloor{512 * 1024, 5};

    std::optional<double> staleWarningPeriods = 3;
    std::optional<double> staleCriticalPeriods;

    std::optional<double> swapInWarningKiBps = 64; // 16 pages a second
    std::optional<double> swapInCriticalKiBps = 1024;
    int swapInSustainSeconds = 300; // the rate must hold this long

    std::optional<double> needWarningPercent = 90;
    std::optional<double> needCriticalPercent = 98;

    std::optional<double> stuckWarningPeriods = 3;
    std::optional<double> stuckCriticalPeriods;
    double stuckTolerancePercent = 2;

    std::optional<quint64> strandedWarningKiB = 1024 * 1024;
    std::optional<quint64> strandedCriticalKiB;

    Severity readinessSeverity = Severity::Warning;
    Severity freePageReportingSeverity = Severity::Info;
    Severity signatureSeverity = Severity::Warning;

    bool isEnabled(HealthRule rule) const { return enabled[size_t(rule)]; }

    // Applies one "--rule" specification; returns a translated error, empty on success:
    //   RULE=off | RULE=on
    //   RULE=WARN[:CRIT]   levels in the rule's unit; an empty part keeps its default, "-" clears
    //   it swap_in=WARN[:CRIT][@SECONDS]          KiB/s (or 1M = 1 MiB/s), sustained SECONDS
    //   readiness|free_page_reporting|signature=note|warning|critical
    QString apply(const QString &spec);
    // The rule's levels in apply()'s syntax, without the key: "1G/10%:512M/5%", "3:-",
    // "warning"; "off" when the rule is off. apply(key=specValue(rule)) gives these levels back.
    QString specValue(HealthRule rule) const;
    // Every rule as "key=value", for settings; fromSpecs() reads them back onto the defaults
    // (an entry that does not read is left out and named in `errors`).
    QStringList toSpecs() const;
    static HealthThresholds fromSpecs(const QStringList &specs, QStringList *errors = nullptr);
    bool operator==(const HealthThresholds &) const = default;

    // The syntax and every rule's default, one line per rule, translated (for --help and docs).
    static QStringList describeRules();
    // The levels of one rule as text: "warning < 1 GiB or 10 %, critical < 512 MiB or 5 %".
    QString describe(HealthRule rule) const;
};

} // namespace bs
