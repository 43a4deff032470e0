#pragma once

#include "ballooncontrol/BalloonControls.h"
#include "ballooncontrol/StatsFlowWatch.h"
#include "cmdline/CommandLineDoc.h"
#include "monitor/MonitoredHost.h"

#include <QCommandLineParser>

#include <functional>
#include <optional>

namespace bs::cli {

// A connected host and its balloon controls, driven synchronously for the balloon commands:
// each call runs an event loop until the answer arrives.
class BalloonSession final {
    Q_DECLARE_TR_FUNCTIONS(BalloonSession)

public:
    BalloonSession(MonitorConfig config, std::shared_ptr<CredentialProvider> credentials);

    // Starts the monitor and waits for the connection; the reason when it fails (at once: a
    // script wants an answer, not a retry loop).
    std::optional<QString> connect();
    Result<QList<GuestBalloonInfo>> inspect(const GuestSelection &selection);
    // Applies; `onResult` sees each guest's result as it arrives.
    ApplySummary apply(const QList<GuestPlan> &plans,
                       const std::function<void(const GuestApplyResult &)> &onResult);
    // Watches the guests whose live period was set until each has a verdict; `onVerdict` gets
    // the final ones. True when every watched guest's stats flow.
    bool watch(const QList<GuestApplyResult> &results,
               const std::function<void(const StatsFlowVerdict &)> &onVerdict);

    MonitoredHost &host() { return m_host; }

private:
    MonitoredHost m_host;
    BalloonControls m_controls;
};

// --live / --config as a scope: neither = automatic (live for running guests, config for
// persistent ones), both = both.
ApplyScope scopeFromOptions(const QCommandLineParser &parser);
QList<CommandOption> scopeOptions();

// The per-guest table of a plan: name, state, persistence, balloon model, live and persistent
// period, then what will happen.
void printGuests(const QList<GuestBalloonInfo> &guests);
void printPlan(const GuestPlan &plan, bool withPreview);
void printResult(const GuestApplyResult &result);
void printSummary(const ApplySummary &summary);

} // namespace bs::cli
