#include "PollSession.h"

#include <QEventLoop>

namespace bs::cli {

PollSession::PollSession(MonitorConfig config, std::shared_ptr<CredentialProvider> credentials)
    : m_host(std::move(config), std::move(credentials)) {}

std::optional<QString> PollSession::run(int count,
                                        const std::function<void(const PollCycle &)> &onCycle) {
    QEventLoop loop;
    std::optional<QString> failure;
    int received = 0;
    connect(m_host.worker(), &HostMonitor::statusChanged, &loop, [&](const HostStatus &status) {
        if (status.state == HostStatus::State::Disconnected ||
            status.state == HostStatus::State::AuthFailed) {
            failure = status.detail.isEmpty() ? status.reason : status.detail;
            loop.quit();
        }
    });
    connect(m_host.worker(), &HostMonitor::cycleReady, &loop, [&](const PollCycle &cycle) {
        onCycle(cycle);
        if (count > 0 && ++received >= count)
            loop.quit();
    });
    m_host.start();
    loop.exec();
    m_host.stop();
    return failure;
}

} // namespace bs::cli
