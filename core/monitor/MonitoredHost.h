#pragma once

#include "HostMonitor.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace bs {

// Owns one host's worker and the thread it runs on. Lives on the thread that created it (the
// GUI thread); every call is posted to the worker. Destruction stops the worker and waits a
// moment; a worker stuck in a call to a hung host is left to finish on its own and deletes
// itself, so closing a window never waits for a dead link.
class MonitoredHost final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoredHost)

public:
    MonitoredHost(MonitorConfig config, std::shared_ptr<CredentialProvider> credentials,
                  QObject *parent = nullptr);
    ~MonitoredHost() override;

    const MonitorConfig &config() const { return m_config; }
    QString hostId() const { return m_config.uri; }

    // The worker, to connect to its signals (they arrive queued on this thread).
    HostMonitor *worker() const { return m_worker; }

    void start();
    void stop();
    void pollNow();
    void setIntervalSeconds(int seconds);
    void invalidateGuest(const QString &uuid);
    // Runs `job` on the host's thread with its connection.
    void submit(ConnectionJob job);

private:
    MonitorConfig m_config;
    QThread *m_thread;
    HostMonitor *m_worker;
};

} // namespace bs
