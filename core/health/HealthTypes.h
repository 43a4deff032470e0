#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// How bad a finding is. Info is a note (a guest without free page reporting): listed, never
// raising the overall state. The order is the escalation order.
enum class Severity { Ok, Info, Warning, Critical };

// Every rule the health evaluator runs, in the order findings are listed.
enum class HealthRule {
    HostAvailable,       // host memory the kernel can hand out, below a floor
    GuestStale,          // no fresh report for N stats periods
    SwapIn,              // the guest swaps in above a rate, sustained
    NeedRatio,           // need + kernel overhead above a share of the balloon
    StuckBalloon,        // actual apart from the target set for longer than N periods
    ReadinessRegression, // was ready, reports no longer
    StrandedMemory,      // host RSS − what the guest needs, above a size
    FreePageReporting,   // the guest cannot hand freed memory back (note)
    Signature,           // a Windows failure signature (SIZING.md §5)
};
inline constexpr int HealthRuleCount = int(HealthRule::Signature) + 1;

QString severityKey(Severity severity);  // "ok", "info", "warning", "critical"
QString severityName(Severity severity); // translated
QString healthRuleKey(HealthRule rule);  // stable: "host_available", "swap_in", ...
std::optional<HealthRule> healthRuleFromKey(const QString &key);
QString healthRuleTitle(HealthRule rule); // translated: "Host available memory"

// One thing a rule found. `condition` names it stably (rule, host, guest and, for signatures,
// which one), so an alert can be raised once and cleared when the condition is gone.
struct HealthFinding {
    HealthRule rule = HealthRule::HostAvailable;
    Severity severity = Severity::Warning;
    QString hostId;
    QString uuid; // empty for host findings
    QString guest;
    QString condition;
    QString message; // one translated sentence with the figures
    QString remedy;  // what to do, translated; empty when nothing
    // Turning free page reporting on (the persistent <memballoon>) is the fix: a button away.
    bool freePageReportingFixes = false;
    bool operator==(const HealthFinding &) const = default;
};

// A figure the evaluation measured, for monitoring systems' performance data. Thresholds in the
// figure's own unit; `below`: the figure alerts when it falls under them (host available).
struct HealthFigure {
    QString label; // "host_available", "bstest-steady need_ratio"
    double value = 0;
    QString
        unit; // "KB", "%", "" (a rate or count), as the monitoring-plugins guidelines spell them
    std::optional<double> warning;
    std::optional<double> critical;
    bool below = false;
    std::optional<double> min;
    std::optional<double> max;
    bool operator==(const HealthFigure &) const = default;
};

struct HealthResult {
    QList<HealthFinding> findings; // worst first, then by rule and guest
    QList<HealthFigure> figures;
    int guestsJudged = 0;
    Severity worst() const;
    int count(Severity severity) const;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::HealthFinding)
Q_DECLARE_METATYPE(bs::HealthResult)
