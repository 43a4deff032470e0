#pragma once

#include "ChartData.h"
#include "SampleStats.h"
#include "history/HistoryEvent.h"
#include "policy/PolicyReplay.h"
#include "readiness/RecordedVerdict.h"
#include "sizing/HostAdvice.h"

#include <QFlags>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

enum class ReportSection {
    Cover = 0x1,       // host, URI, range, generated at, contents
    HostSummary = 0x2, // overcommit, KSM, host memory, every guest in one table
    Guests = 0x4,      // per guest: chart, table, coverage, readiness
    Sizing = 0x8,      // the sizing advice: need, recommendation, reclaimable, host what-if
    Policies = 0x10,   // the balloon policies replayed over the range: squeezes, handed back
};
Q_DECLARE_FLAGS(ReportSections, ReportSection)
Q_DECLARE_OPERATORS_FOR_FLAGS(ReportSections)
inline constexpr ReportSections AllReportSections =
    ReportSections(ReportSection::Cover) | ReportSection::HostSummary | ReportSection::Sizing |
    ReportSection::Policies | ReportSection::Guests;

// What a report covers. Times are ms since the epoch.
struct ReportRequest {
    QString hostId;     // the connection URI the history knows the host by
    QString hostName;   // shown on the cover; empty: the URI's display name
    QStringList guests; // UUIDs or names; empty: every guest with data in the range
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString rangeLabel; // "Last 24 hours" (translated); empty: the dates say it
    ReportSections sections = AllReportSections;
    int chartPoints = 720; // buckets per chart: about two per printed millimetre
};

// Which data a guest's statistics were computed from.
struct StatsBasis {
    enum class Kind { None, RawSamples, Rollup };
    Kind kind = Kind::None;
    int count = 0;         // samples or buckets
    qint64 bucketMs = 0;   // roll-ups: the bucket width (60 s, 3600 s)
    QList<TierSpan> tiers; // roll-ups: which tier answered which span
};

struct GuestReport {
    QString uuid;
    QString name;
    ChartData chart;
    FigureStats used;               // KiB: available − unused
    FigureStats usedPercent;        // % of the guest's own total (available)
    FigureStats usedExclCache;      // KiB: available − usable
    FigureStats actual;             // KiB: the balloon size
    std::optional<quint64> maximum; // KiB, the latest recorded
    StatsBasis basis;
    // Share of the range with fresh reports (0..1), from raw samples; `coverageFromMs` is later
    // than the range's start when older samples were rolled up (then it covers only that part).
    std::optional<double> coverage;
    qint64 coverageFromMs = 0;
    RecordedReadiness readiness;
    int rawSamples = 0;
};

// The host's side. Figures recorded by every version (the guests' sums and the host memory
// size) are always there; host samples (free memory, KSM) only when the history holds them:
// `hostSamplesRecorded` false and `hostSamplesMissing` say why otherwise, and the report shows
// "not recorded" instead of a zero.
struct HostReport {
    std::optional<quint64> totalKiB; // the host's memory (virNodeGetInfo), latest in range
    FigureStats sumMaximum;          // Σ over running guests per bucket, KiB
    FigureStats sumActual;
    FigureStats sumUsed;
    int guestsWithData = 0;
    ChartData guestsChart; // Σ used, Σ actual, Σ maximum and the host total

    bool hostSamplesRecorded = false;
    QString hostSamplesMissing; // one translated sentence
    ChartData freeMemoryChart;
    FigureStats freeKiB;
    FigureStats ksmSavedKiB;
};

// What the Policies section shows: the replay's input (the recorded host free memory for the
// chart, the buckets) and one run per policy.
struct PolicyReport {
    ReplayInput input;        // the recorded history as the replay read it
    QList<PolicyReplay> runs; // one per policy, in allPolicies() order
};

struct ReportData {
    ReportRequest request;
    QString hostName;
    // Where the history came from: empty for this computer's history file, else the
    // Prometheus-compatible server's URL (ReportBuilder fills it from the reader).
    QString historyServer;
    qint64 generatedMs = 0;
    HostReport host;
    QList<GuestReport> guests;
    QStringList guestsWithoutData; // names of guests known to the host with nothing in range
    QStringList notFound;          // requested guests the history does not know
    // The balloon-health markers in the range (source "health": alerts raised, escalated, eased
    // and cleared, readiness verdicts that changed), oldest first, host-wide ones included.
    QList<HistoryEvent> healthEvents;
    // The Sizing section: the Balanced advice over the policy's window (14 days) ending at the
    // report's end, whatever the report's range, for every guest of the host (the host what-if
    // needs them all), as `balloonscope-cli advise` gives it. Set when the section was asked for.
    std::optional<HostAdvice> sizing;
    // The Policies section: the report's own range replayed through every policy with its
    // default settings (ReplaySettings{}), for every guest of the host (the host's free memory
    // depends on them all), as `balloonscope-cli simulate` does it. Set when the section was
    // asked for.
    std::optional<PolicyReport> policies;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::ReportData)
