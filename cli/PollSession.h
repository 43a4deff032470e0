#pragma once

#include "monitor/MonitoredHost.h"

#include <QObject>

#include <functional>

namespace bs::cli {

// Runs one host's monitor until `count` poll cycles arrived (0 = until stopped), handing each to
// `onCycle`. Fails fast: the first connection failure ends the session with that error.
class PollSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PollSession)

public:
    PollSession(MonitorConfig config, std::shared_ptr<CredentialProvider> credentials);

    // Blocks in an event loop. Returns an error message when the connection failed.
    std::optional<QString> run(int count, const std::function<void(const PollCycle &)> &onCycle);

private:
    MonitoredHost m_host;
};

} // namespace bs::cli
