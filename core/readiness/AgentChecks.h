#pragma once

#include "AgentInspector.h"
#include "DomainXmlFacts.h"
#include "HostSideInspector.h"
#include "ReadinessTypes.h"

#include <QCoreApplication>

namespace bs {

// Turns what the agent said into checklist entries. The host's evidence is passed in because it
// is the ground truth: a stopped BalloonService on a guest whose reports advance (some driver
// builds report by themselves) is a warning, not a failure.
class AgentChecks {
    Q_DECLARE_TR_FUNCTIONS(AgentChecks)

public:
    struct Input {
        const HostEvidence &host;
        const HostAssessment &assessment;
        bool requested = false;                  // the user opted in for this guest
        const AgentFindings *findings = nullptr; // null: not run (see notRunReason)
        QString notRunReason;                    // why the agent was not asked, translated
        int commandTimeoutSeconds = 5;
    };

    static QList<ReadinessCheck> build(const Input &input);
    // The family the agent reported, or Unknown.
    static OsFamily agentFamily(const AgentFindings *findings);

private:
    static ReadinessCheck channel(const Input &in);
    static ReadinessCheck info(const Input &in);
    static ReadinessCheck osInfo(const Input &in);
    static ReadinessCheck windowsDriver(const Input &in);
    static ReadinessCheck windowsService(const Input &in);
    static ReadinessCheck linuxDriver(const Input &in);
    // Evidence for a step that did not answer: timeout, refused, not found...
    static void describeFailure(ReadinessCheck &check, const AgentStep &step, int timeout);
};

} // namespace bs
