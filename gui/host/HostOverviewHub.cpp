#include "HostOverviewHub.h"

#include "app/HostRegistry.h"
#include "host/HostOverviewFeed.h"

namespace bs::gui {

HostOverviewHub::HostOverviewHub(HostRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry) {
    connect(registry, &HostRegistry::hostAdded, this, &HostOverviewHub::attach);
    connect(registry, &HostRegistry::hostAboutToBeRemoved, this, &HostOverviewHub::detach);
    for (const QString &hostId : registry->hostIds())
        attach(hostId);
}

HostOverviewHub::~HostOverviewHub() {
    for (const Entry &entry : std::as_const(m_entries))
        delete entry.feed; // before the hosts they read from
}

void HostOverviewHub::attach(const QString &hostId) {
    MonitoredHost *host = m_registry->host(hostId);
    if (!host || m_entries.contains(hostId))
        return;
    auto *feed = new HostOverviewFeed(host);
    connect(feed, &HostOverviewFeed::overviewReady, this,
            [this, hostId](const HostOverview &overview, const QList<Advice> &advice) {
                Entry &entry = m_entries[hostId];
                entry.overview = overview;
                entry.advice = advice;
                Q_EMIT overviewChanged(hostId);
            });
    connect(feed, &HostOverviewFeed::sampleReady, this, &HostOverviewHub::sampleReady);
    m_entries[hostId].feed = feed;
}

void HostOverviewHub::detach(const QString &hostId) {
    const auto it = m_entries.find(hostId);
    if (it == m_entries.end())
        return;
    delete it->feed;
    m_entries.erase(it);
    Q_EMIT overviewChanged(hostId);
}

HostOverviewFeed *HostOverviewHub::feed(const QString &hostId) const {
    const auto it = m_entries.constFind(hostId);
    return it == m_entries.cend() ? nullptr : it->feed;
}

const HostOverview *HostOverviewHub::overview(const QString &hostId) const {
    const auto it = m_entries.constFind(hostId);
    return it != m_entries.constEnd() && it->overview ? &*it->overview : nullptr;
}

QList<Advice> HostOverviewHub::advice(const QString &hostId) const {
    return m_entries.value(hostId).advice;
}

} // namespace bs::gui
