#pragma once

#include "MetricsExposition.h"
#include "host/OvercommitFigures.h"

#include <QHash>
#include <QMutex>

namespace bs {

// The hosts' latest figures, kept for the endpoint: fed from the recorder's thread (every poll
// cycle, host sample and connection state), read by the HTTP server's thread at each scrape.
// Thread-safe; a scrape copies what it needs under the lock and renders outside it.
class ExposedHosts {
public:
    void addCycle(const PollCycle &cycle);
    void setHostSample(const HostSample &sample);
    void setConnected(const QString &hostId, bool connected);
    void removeHost(const QString &hostId);
    // The sizing advisor's newest recommendations for the host's guests (replaces the last).
    void setSizing(const QString &hostId, const QHash<QString, GuestSizing> &sizing);

    QList<ExposedHost> snapshot() const;
    QByteArray render(ExpositionFormat format) const;

private:
    struct Entry {
        ExposedHost host;
        ReportCarry carry;
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_hosts;
};

} // namespace bs
