#pragma once

#include "DomainXmlFacts.h"
#include "ReadinessTypes.h"
#include "model/BalloonStats.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace bs {

struct MemorySample;

// One reading of a guest's balloon stats: what the monitor polled (a MemorySample) or what the
// inspector read itself (virDomainMemoryStats). KiB; lastUpdate in seconds since the epoch.
struct StatsObservation {
    qint64 timeMs = 0; // when it was read, ms since the epoch (this machine's clock)
    BalloonStats stats;

    static StatsObservation fromSample(const MemorySample &sample);
};

// Everything the host can tell without the guest's cooperation.
struct HostEvidence {
    QString uri;  // for the virsh commands in remedies
    QString name; // the domain name
    DomainState state = DomainState::Unknown;
    // The live XML of a running guest, the inactive XML of one that does not run.
    DomainXmlFacts live;
    // The inactive (persistent) XML; empty for a transient guest or when it was not read.
    std::optional<DomainXmlFacts> persistentConfig;
    bool persistent = true;
    // Readings over time, any order. Two periods of them decide frozen/never; one increase of
    // last_update proves the reports advance.
    QList<StatsObservation> observations;
    qint64 nowMs = 0; // for the age of the last report in the evidence text
    // How often the readings come (the monitor's poll interval; 1 when the inspector reads
    // itself): part of how long a verdict waits (ReportTiming::graceSeconds).
    int pollIntervalSeconds = 1;
};

// What last_update did while we watched.
enum class ReportingState {
    NotApplicable, // not running, no balloon device or no period: nothing is asked
    Advancing,     // last_update increased between two readings
    Frozen,        // > 0 but unchanged for two periods
    NeverReported, // 0 (or absent) for two periods
    Undecided,     // not watched long enough yet
};

struct HostAssessment {
    QList<ReadinessCheck> checks;
    ReportingState reporting = ReportingState::NotApplicable;
    bool guestFields = false;   // the latest report carried the guest's own fields
    double observedSeconds = 0; // the span of the readings
    double neededSeconds = 0;   // the span that decides Frozen / NeverReported
};

// Host-side readiness checks: a pure function of the evidence, so the CLI (watching ≈2
// periods) and the GUI (recent samples, at once) get the same answer from the same rules.
class HostSideInspector {
    Q_DECLARE_TR_FUNCTIONS(HostSideInspector)

public:
    static HostAssessment inspect(const HostEvidence &evidence);

    // How long the readings must span before "frozen" or "never reported": the table's rule
    // (ReportTiming::graceSeconds), so a verdict here and the stats state there agree.
    static double secondsNeeded(int periodSeconds, int pollIntervalSeconds);

    // Whether more readings could still change the outcome (the CLI keeps watching).
    static bool needsMoreObservation(const HostEvidence &evidence);

    // The note on what unused/usable mean on Windows (also added when only the agent knows).
    static ReadinessCheck windowsFieldMeaning();

private:
    struct Context;
    static ReadinessCheck guestRunning(const Context &c);
    static ReadinessCheck balloonDevice(const Context &c);
    static ReadinessCheck osFamily(const Context &c);
    static ReadinessCheck periodLive(const Context &c);
    static ReadinessCheck periodPersistent(const Context &c);
    static ReadinessCheck lastUpdateReported(const Context &c);
    static ReadinessCheck lastUpdateAdvancing(const Context &c);
    static ReadinessCheck guestFields(const Context &c);
    static ReadinessCheck hugePages();
    static QString describeLastUpdate(qint64 lastUpdate, qint64 readAtMs);
};

} // namespace bs
