#pragma once

#include "AgentInspector.h"
#include "HostSideInspector.h"
#include "ReadinessTypes.h"
#include "Remedies.h"

#include <QCoreApplication>

#include <optional>

namespace bs {

// All evidence about one guest.
struct GuestEvidence {
    QString hostId;
    QString uuid;
    QString name;
    HostEvidence host;
    bool agentRequested = false;        // the user opted in for agent checks
    std::optional<AgentFindings> agent; // what the agent said, when it was asked
    QString agentNotRunReason;          // translated, when requested but not asked
    int agentTimeoutSeconds = 5;
    qint64 timeMs = 0; // report time, ms since the epoch
};

// Combines host and agent evidence into the checklist and one verdict with the single next
// step. Pure: the same evidence always gives the same report.
class ReadinessInspector {
    Q_DECLARE_TR_FUNCTIONS(ReadinessInspector)

public:
    static ReadinessReport inspect(const GuestEvidence &evidence);

private:
    struct Decision;
    static Decision decide(const GuestEvidence &e, const HostAssessment &a, OsFamily family);
    static Remedy nothingDelivering(OsFamily family, const AgentFindings *agent);
    static bool agentSeesDriver(const AgentFindings *agent);
};

} // namespace bs
