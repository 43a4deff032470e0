#include "GuestRules.h"

#include "common/Units.h"
#include "readiness/RecordedVerdict.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace bs {

namespace {

QString kib(qint64 value) {
    return units::formatKiB(quint64(std::max<qint64>(0, value)));
}

QString num(double value, int decimals = 1) {
    return QLocale().toString(value, 'f', decimals);
}

HealthFinding findingFor(const GuestWindow &guest, HealthRule rule, Severity severity,
                         const QString &conditionSuffix = {}) {
    HealthFinding f;
    f.rule = rule;
    f.severity = severity;
    f.hostId = guest.hostId;
    f.uuid = guest.uuid;
    f.guest = guest.name;
    f.condition = healthRuleKey(rule) + QLatin1Char('\n') + guest.hostId + QLatin1Char('\n') +
                  guest.uuid + conditionSuffix;
    return f;
}

// Above the levels: Critical, Warning or Ok.
Severity levelOf(double value, const std::optional<double> &warning,
                 const std::optional<double> &critical) {
    if (critical && value >= *critical)
        return Severity::Critical;
    if (warning && value >= *warning)
        return Severity::Warning;
    return Severity::Ok;
}

HealthFigure guestFigure(const GuestWindow &guest, const QString &what, double value,
                         const QString &unit, const std::optional<double> &warning,
                         const std::optional<double> &critical) {
    HealthFigure f;
    f.label = guest.name + QLatin1Char(' ') + what;
    f.value = value;
    f.unit = unit;
    f.warning = warning;
    f.critical = critical;
    f.min = 0;
    return f;
}

bool running(const MemorySample *s) {
    return s && isActive(s->state);
}

// The guest's figures are current: its newest poll says "reporting" (a guest with polling off
// may still hold the one report its driver sent when it loaded).
bool reportingNow(const GuestWindow &guest) {
    const MemorySample *s = guest.latest();
    return running(s) && s->statsState == StatsState::Reporting;
}

} // namespace

std::optional<qint64> guestNeedKiB(const BalloonStats &stats) {
    if (!stats.available || !stats.usable || *stats.usable > *stats.available)
        return std::nullopt;
    qint64 need = qint64(*stats.available) - qint64(*stats.usable);
    if (stats.actual && *stats.available > *stats.actual)
        need -= qint64(*stats.available - *stats.actual); // Windows: the balloon counted as used
    return std::max<qint64>(0, need);
}

std::optional<HealthFinding> staleFinding(const GuestWindow &guest,
                                          const HealthThresholds &thresholds, qint64 nowMs,
                                          QList<HealthFigure> *figures) {
    const MemorySample *s = guest.latest();
    if (!thresholds.isEnabled(HealthRule::GuestStale) || !running(s) ||
        !s->balloon.statsEnabled() || !canReport(s->balloon.model) || !s->stats.lastUpdate ||
        *s->stats.lastUpdate <= 0)
        return std::nullopt;
    const int period = *s->balloon.period;
    const double age = std::max(0.0, double(nowMs - *s->stats.lastUpdate * 1000) / 1000.0);
    const double periods = age / period;
    if (figures)
        figures->append(
            guestFigure(guest, QStringLiteral("report_age"), std::round(age), QStringLiteral("s"),
                        thresholds.staleWarningPeriods
                            ? std::optional<double>(*thresholds.staleWarningPeriods * period)
                            : std::nullopt,
                        thresholds.staleCriticalPeriods
                            ? std::optional<double>(*thresholds.staleCriticalPeriods * period)
                            : std::nullopt));
    const Severity severity =
        levelOf(periods, thresholds.staleWarningPeriods, thresholds.staleCriticalPeriods);
    if (severity == Severity::Ok)
        return std::nullopt;
    HealthFinding f = findingFor(guest, HealthRule::GuestStale, severity);
    f.message = QCoreApplication::translate(
                    "bs::Health",
                    "No new report for %1 s (%2 stats periods of %3 s); the last one is from %4.")
                    .arg(qint64(std::round(age)))
                    .arg(num(periods))
                    .arg(period)
                    .arg(QLocale().toString(
                        QDateTime::fromSecsSinceEpoch(*s->stats.lastUpdate).toLocalTime(),
                        QLocale::ShortFormat));
    f.remedy = QCoreApplication::translate(
        "bs::Health", "The balloon driver is loaded but nothing feeds it. Linux: the guest may be "
                      "hung or short of memory. Windows: start BalloonService (sc start "
                      "BalloonService) and check that the WMI service (Winmgmt) runs.");
    return f;
}

qint64 swapInWindowStartMs(const HealthThresholds &thresholds, qint64 nowMs,
                           qint64 watchedSeconds) {
    return nowMs - std::min<qint64>(thresholds.swapInSustainSeconds, watchedSeconds) * 1000;
}

std::optional<HealthFinding> swapInFinding(const GuestWindow &guest,
                                           const QList<PressureRate> &rates,
                                           const HealthThresholds &thresholds, qint64 nowMs,
                                           qint64 watchedSeconds, QList<HealthFigure> *figures) {
    if (!thresholds.isEnabled(HealthRule::SwapIn) || !running(guest.latest()))
        return std::nullopt;
    const qint64 sustain = std::min<qint64>(thresholds.swapInSustainSeconds, watchedSeconds);
    const qint64 from = swapInWindowStartMs(thresholds, nowMs, watchedSeconds);
    std::optional<double> lowest;
    std::optional<double> newest;
    qint64 coveredFromMs = nowMs;
    for (const PressureRate &r : rates) {
        if (!r.swapInKiBps || r.toMs <= from)
            continue;
        lowest = lowest ? std::min(*lowest, *r.swapInKiBps) : *r.swapInKiBps;
        newest = r.swapInKiBps;
        coveredFromMs = std::min(coveredFromMs, r.fromMs);
    }
    if (!newest)
        return std::nullopt;
    if (figures)
        figures->append(guestFigure(guest, QStringLiteral("swap_in"), std::round(*newest * 10) / 10,
                                    QString(), thresholds.swapInWarningKiBps,
                                    thresholds.swapInCriticalKiBps));
    // Sustained: the rates seen cover the window (a report period or so of slack, at most a
    // quarter of the window) and even the lowest of them is above the level.
    const qint64 slackMs = std::min<qint64>(15 * 1000, sustain * 1000 / 4);
    const bool covered = coveredFromMs <= from + slackMs;
    if (!covered || sustain <= 0)
        return std::nullopt;
    const Severity severity =
        levelOf(*lowest, thresholds.swapInWarningKiBps, thresholds.swapInCriticalKiBps);
    if (severity == Severity::Ok)
        return std::nullopt;
    HealthFinding f = findingFor(guest, HealthRule::SwapIn, severity);
    f.message =
        QCoreApplication::translate(
            "bs::Health",
            "Swapping in at %1/s or more for %2 s (now %3/s): the guest is short of memory.")
            .arg(kib(qint64(*lowest)))
            .arg(sustain)
            .arg(kib(qint64(*newest)));
    f.remedy = QCoreApplication::translate(
        "bs::Health", "Give the guest more memory: raise its balloon target (or its floor if the "
                      "autopilot runs it).");
    return f;
}

std::optional<HealthFinding> needRatioFinding(const GuestWindow &guest,
                                              const HealthThresholds &thresholds,
                                              QList<HealthFigure> *figures) {
    const MemorySample *s = guest.latestFresh();
    if (!thresholds.isEnabled(HealthRule::NeedRatio) || !reportingNow(guest) || !s ||
        !s->stats.actual || *s->stats.actual == 0)
        return std::nullopt;
    const std::optional<qint64> need = guestNeedKiB(s->stats);
    if (!need)
        return std::nullopt;
    const qint64 actual = qint64(*s->stats.actual);
    const qint64 overhead = kernelOverheadKiB(
        actual, s->stats.available ? std::optional<qint64>(*s->stats.available) : std::nullopt);
    const double percent = 100.0 * double(*need + overhead) / double(actual);
    if (figures)
        figures->append(guestFigure(guest, QStringLiteral("need_ratio"),
                                    std::round(percent * 10) / 10, QStringLiteral("%"),
                                    thresholds.needWarningPercent, thresholds.needCriticalPercent));
    const Severity severity =
        levelOf(percent, thresholds.needWarningPercent, thresholds.needCriticalPercent);
    if (severity == Severity::Ok)
        return std::nullopt;
    HealthFinding f = findingFor(guest, HealthRule::NeedRatio, severity);
    f.message =
        QCoreApplication::translate("bs::Health",
                                    "Needs %1 (%2 used + %3 kernel) of a %4 balloon: %5 %.")
            .arg(kib(*need + overhead), kib(*need), kib(overhead), kib(actual), num(percent));
    f.remedy = QCoreApplication::translate(
        "bs::Health",
        "Raise the balloon target, or the guest will reclaim its cache and then swap.");
    return f;
}

std::optional<HealthFinding> stuckBalloonFinding(const GuestWindow &guest,
                                                 const HealthThresholds &thresholds, qint64 nowMs) {
    const MemorySample *s = guest.latest();
    if (!thresholds.isEnabled(HealthRule::StuckBalloon) || !running(s) || !guest.target ||
        !s->stats.actual || guest.target->kib <= 0)
        return std::nullopt;
    const qint64 target = guest.target->kib;
    const qint64 actual = qint64(*s->stats.actual);
    const double apartPercent = 100.0 * double(std::abs(actual - target)) / double(target);
    if (apartPercent <= thresholds.stuckTolerancePercent)
        return std::nullopt;
    const int period = std::max(10, s->balloon.period.value_or(0));
    const double periods = double(nowMs - guest.target->setAtMs) / 1000.0 / period;
    const Severity severity =
        levelOf(periods, thresholds.stuckWarningPeriods, thresholds.stuckCriticalPeriods);
    if (severity == Severity::Ok)
        return std::nullopt;
    // Still on its way (moved by more than the tolerance over the last periods): slow, not stuck.
    const double lookMs = thresholds.stuckWarningPeriods.value_or(3) * period * 1000;
    qint64 low = actual;
    qint64 high = actual;
    for (const WindowSample &p : guest.samples) {
        if (p.timeMs >= nowMs - lookMs && p.stats.actual && isActive(p.state)) {
            low = std::min(low, qint64(*p.stats.actual));
            high = std::max(high, qint64(*p.stats.actual));
        }
    }
    if (100.0 * double(high - low) / double(target) > thresholds.stuckTolerancePercent)
        return std::nullopt;
    HealthFinding f = findingFor(guest, HealthRule::StuckBalloon, severity);
    f.message = QCoreApplication::translate(
                    "bs::Health", "The balloon stays at %1, %2 % from its target %3 set %4 s ago.")
                    .arg(kib(actual), num(apartPercent), kib(target))
                    .arg(qint64((nowMs - guest.target->setAtMs) / 1000));
    f.remedy =
        actual > target
            ? QCoreApplication::translate(
                  "bs::Health",
                  "The guest cannot give more: set the target near %1, where the balloon "
                  "stopped, or check that its balloon driver runs.")
                  .arg(kib(actual))
            : QCoreApplication::translate(
                  "bs::Health", "The balloon does not deflate: check the guest's balloon driver.");
    return f;
}

std::optional<HealthFinding> readinessFinding(const GuestWindow &guest,
                                              const HealthThresholds &thresholds) {
    if (!thresholds.isEnabled(HealthRule::ReadinessRegression) || !running(guest.latest()))
        return std::nullopt;
    const Verdict now = verdictForStatsState(guest.latest()->statsState);
    if (now == Verdict::Ready || now == Verdict::Unknown)
        return std::nullopt;
    const WindowSample *ready = nullptr; // the newest ready poll
    for (qsizetype i = guest.samples.size() - 1; i >= 0 && !ready; --i) {
        if (verdictForStatsState(guest.samples.at(i).statsState) == Verdict::Ready)
            ready = &guest.samples.at(i);
    }
    if (!ready)
        return std::nullopt;
    HealthFinding f = findingFor(guest, HealthRule::ReadinessRegression,
                                 thresholds.readinessSeverity, QLatin1Char('\n') + verdictKey(now));
    f.message = QCoreApplication::translate("bs::Health", "Was ready at %1, now: %2. %3")
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(ready->timeMs).time(),
                                            QLocale::ShortFormat),
                         verdictName(now), statsStateExplanation(guest.latest()->statsState));
    f.remedy = QCoreApplication::translate(
        "bs::Health", "Run the readiness inspection on this guest for the fix.");
    return f;
}

std::optional<HealthFinding> strandedFinding(const GuestWindow &guest,
                                             const HealthThresholds &thresholds,
                                             QList<HealthFigure> *figures) {
    const MemorySample *s = guest.latest();
    const MemorySample *fresh = guest.latestFresh();
    if (!thresholds.isEnabled(HealthRule::StrandedMemory) || !reportingNow(guest) || !fresh ||
        !s->stats.rss)
        return std::nullopt;
    const std::optional<qint64> need = guestNeedKiB(fresh->stats);
    if (!need)
        return std::nullopt;
    const qint64 overhead = kernelOverheadKiB(
        fresh->stats.actual ? std::optional<qint64>(*fresh->stats.actual) : std::nullopt,
        fresh->stats.available ? std::optional<qint64>(*fresh->stats.available) : std::nullopt);
    const qint64 stranded = std::max<qint64>(0, qint64(*s->stats.rss) - *need - overhead);
    const auto level = [](const std::optional<quint64> &v) {
        return v ? std::optional<double>(double(*v)) : std::nullopt;
    };
    if (figures)
        figures->append(guestFigure(guest, QStringLiteral("stranded"), double(stranded),
                                    QStringLiteral("KB"), level(thresholds.strandedWarningKiB),
                                    level(thresholds.strandedCriticalKiB)));
    if (s->stats.vmSwap && figures) // what the host paged out of it: not RAM, but not free either
        figures->append(guestFigure(guest, QStringLiteral("vm_swap"), double(*s->stats.vmSwap),
                                    QStringLiteral("KB"), std::nullopt, std::nullopt));
    const Severity severity = levelOf(double(stranded), level(thresholds.strandedWarningKiB),
                                      level(thresholds.strandedCriticalKiB));
    if (severity == Severity::Ok)
        return std::nullopt;
    HealthFinding f = findingFor(guest, HealthRule::StrandedMemory, severity);
    f.freePageReportingFixes = !s->balloon.freePageReporting;
    f.message = QCoreApplication::translate(
                    "bs::Health", "The host holds %1 for it (RSS) and it needs %2: %3 stranded.")
                    .arg(kib(qint64(*s->stats.rss)), kib(*need + overhead), kib(stranded));
    if (s->stats.vmSwap && *s->stats.vmSwap > 0)
        f.message += QLatin1Char(' ') + QCoreApplication::translate(
                                            "bs::Health", "The host has also swapped %1 of it out.")
                                            .arg(kib(qint64(*s->stats.vmSwap)));
    f.remedy = s->balloon.freePageReporting
                   ? QCoreApplication::translate(
                         "bs::Health",
                         "Shrink its balloon toward its need (the Sizing page has a figure).")
                   : QCoreApplication::translate(
                         "bs::Health",
                         "Turn on free page reporting (<memballoon freePageReporting='on'>, takes "
                         "effect at the next boot) so that the guest hands freed memory back, or "
                         "shrink its balloon.");
    return f;
}

std::optional<HealthFinding> freePageReportingFinding(const GuestWindow &guest,
                                                      const HealthThresholds &thresholds) {
    const MemorySample *s = guest.latest();
    if (!thresholds.isEnabled(HealthRule::FreePageReporting) || !running(s) ||
        !canReport(s->balloon.model) || s->balloon.freePageReporting)
        return std::nullopt;
    // The same note every poll while nothing it says changes: a copy of the one built.
    const std::optional<HealthFinding> &kept = guest.freePageReportingNote;
    if (kept && kept->severity == thresholds.freePageReportingSeverity &&
        guest.freePageReportingNoteAutodeflate == s->balloon.autodeflate &&
        kept->guest == guest.name && kept->hostId == guest.hostId && kept->uuid == guest.uuid)
        return kept;
    HealthFinding f =
        findingFor(guest, HealthRule::FreePageReporting, thresholds.freePageReportingSeverity);
    f.freePageReportingFixes = true;
    f.message = s->balloon.autodeflate
                    ? QCoreApplication::translate(
                          "bs::Health",
                          "Free page reporting is off: memory the guest frees stays with it on "
                          "the host. Autodeflate is on.")
                    : QCoreApplication::translate(
                          "bs::Health",
                          "Free page reporting is off: memory the guest frees stays with it on "
                          "the host. Autodeflate is off too: under OOM the guest cannot take "
                          "balloon pages back.");
    f.remedy = QCoreApplication::translate(
        "bs::Health", "Set freePageReporting='on' (and autodeflate='on') on its <memballoon>: the "
                      "balloon dialog writes it to the persistent XML; it takes effect at the next "
                      "boot.");
    guest.freePageReportingNote = f;
    guest.freePageReportingNoteAutodeflate = s->balloon.autodeflate;
    return f;
}

} // namespace bs
