#pragma once

#include "monitor/MonitoredHost.h"

#include <QObject>

#include <map>
#include <memory>

namespace bs::gui {

// The hosts the window watches: one MonitoredHost (worker thread) each, keyed by URI. Forwards
// their signals, so panels connect once instead of per host.
class HostRegistry final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostRegistry)

public:
    explicit HostRegistry(std::shared_ptr<CredentialProvider> credentials,
                          QObject *parent = nullptr);
    ~HostRegistry() override;

    bool contains(const QString &hostId) const;
    QStringList hostIds() const;
    MonitoredHost *host(const QString &hostId) const;

    // Adds and starts; an existing host with the same URI is left as it is.
    void addHost(const MonitorConfig &config);
    void removeHost(const QString &hostId);
    void reconnect(const QString &hostId);
    void disconnectHost(const QString &hostId);
    void refreshAll();
    void setIntervalSeconds(int seconds);
    int intervalSeconds() const { return m_interval; }

Q_SIGNALS:
    void hostAdded(const QString &hostId);
    void hostAboutToBeRemoved(const QString &hostId); // the MonitoredHost still exists
    void hostRemoved(const QString &hostId);
    void statusChanged(const bs::HostStatus &status);
    void cycleReady(const bs::PollCycle &cycle);
    void guestsRemoved(const QString &hostId, const QStringList &uuids);
    void lifecycleEvent(const bs::LifecycleEvent &event);

private:
    std::shared_ptr<CredentialProvider> m_credentials;
    std::map<QString, std::unique_ptr<MonitoredHost>> m_hosts;
    int m_interval = 5;
};

} // namespace bs::gui
