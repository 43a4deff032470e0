#include "ExposedHosts.h"

#include <QMutexLocker>

#include <algorithm>

namespace bs {

void ExposedHosts::addCycle(const PollCycle &cycle) {
    QMutexLocker lock(&m_mutex);
    Entry &e = m_hosts[cycle.hostId];
    e.host.hostId = cycle.hostId;
    e.host.connected = true;
    e.host.pollTimeMs = cycle.timeMs;
    // A guest polled between two of its reports keeps its last report while it reports.
    e.host.guests = e.carry.apply(cycle.samples);
}

void ExposedHosts::setHostSample(const HostSample &sample) {
    QMutexLocker lock(&m_mutex);
    Entry &e = m_hosts[sample.hostId];
    e.host.hostId = sample.hostId;
    e.host.host = sample;
}

void ExposedHosts::setConnected(const QString &hostId, bool connected) {
    QMutexLocker lock(&m_mutex);
    Entry &e = m_hosts[hostId];
    e.host.hostId = hostId;
    e.host.connected = connected;
    if (!connected) { // nothing it said before holds now
        e.host.guests.clear();
        e.host.host.reset();
        e.carry.clear();
    }
}

void ExposedHosts::setSizing(const QString &hostId, const QHash<QString, GuestSizing> &sizing) {
    QMutexLocker lock(&m_mutex);
    Entry &e = m_hosts[hostId];
    e.host.hostId = hostId;
    e.host.sizing = sizing;
}

void ExposedHosts::removeHost(const QString &hostId) {
    QMutexLocker lock(&m_mutex);
    m_hosts.remove(hostId);
}

QList<ExposedHost> ExposedHosts::snapshot() const {
    QList<ExposedHost> out;
    {
        QMutexLocker lock(&m_mutex);
        out.reserve(m_hosts.size());
        for (const Entry &e : m_hosts)
            out.append(e.host);
    }
    std::sort(out.begin(), out.end(),
              [](const ExposedHost &a, const ExposedHost &b) { return a.hostId < b.hostId; });
    return out;
}

QByteArray ExposedHosts::render(ExpositionFormat format) const {
    return renderExposition(snapshot(), format);
}

} // namespace bs
