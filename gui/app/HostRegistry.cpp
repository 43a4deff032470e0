#include "HostRegistry.h"

namespace bs::gui {

HostRegistry::HostRegistry(std::shared_ptr<CredentialProvider> credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(std::move(credentials)) {}

HostRegistry::~HostRegistry() = default;

bool HostRegistry::contains(const QString &hostId) const {
    return m_hosts.count(hostId) > 0;
}

QStringList HostRegistry::hostIds() const {
    QStringList ids;
    for (const auto &[id, host] : m_hosts)
        ids.append(id);
    return ids;
}

MonitoredHost *HostRegistry::host(const QString &hostId) const {
    const auto it = m_hosts.find(hostId);
    return it == m_hosts.end() ? nullptr : it->second.get();
}

void HostRegistry::addHost(const MonitorConfig &config) {
    if (contains(config.uri))
        return;
    MonitorConfig c = config;
    c.intervalSeconds = m_interval;
    c.background = true; // the window's GUI thread comes first
    auto host = std::make_unique<MonitoredHost>(c, m_credentials);
    HostMonitor *worker = host->worker();
    connect(worker, &HostMonitor::statusChanged, this, &HostRegistry::statusChanged);
    connect(worker, &HostMonitor::cycleReady, this, &HostRegistry::cycleReady);
    connect(worker, &HostMonitor::guestsRemoved, this, &HostRegistry::guestsRemoved);
    connect(worker, &HostMonitor::lifecycleEvent, this, &HostRegistry::lifecycleEvent);
    host->start();
    m_hosts.emplace(c.uri, std::move(host));
    Q_EMIT hostAdded(c.uri);
}

void HostRegistry::removeHost(const QString &hostId) {
    const auto it = m_hosts.find(hostId);
    if (it == m_hosts.end())
        return;
    Q_EMIT hostAboutToBeRemoved(hostId);
    it->second->worker()->disconnect(this);
    m_hosts.erase(it); // stops the worker; a hung one is left to finish alone
    Q_EMIT hostRemoved(hostId);
}

void HostRegistry::reconnect(const QString &hostId) {
    if (MonitoredHost *h = host(hostId)) {
        h->stop();
        h->start();
    }
}

void HostRegistry::disconnectHost(const QString &hostId) {
    if (MonitoredHost *h = host(hostId))
        h->stop();
}

void HostRegistry::refreshAll() {
    for (const auto &[id, host] : m_hosts)
        host->pollNow();
}

void HostRegistry::setIntervalSeconds(int seconds) {
    m_interval = qBound(HostMonitor::MinInterval, seconds, HostMonitor::MaxInterval);
    for (const auto &[id, host] : m_hosts)
        host->setIntervalSeconds(m_interval);
}

} // namespace bs::gui
