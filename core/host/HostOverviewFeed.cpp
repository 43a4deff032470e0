#include "HostOverviewFeed.h"

#include "AdviceRules.h"
#include "HostOverviewCollector.h"

#include <mutex>

namespace bs {

// The worker's way back to the feed. The feed may be destroyed while a collection runs on the
// worker thread: the job posts its result under this lock, and the destructor clears the pointer
// under it, so the job never touches a dead feed. (An event already posted to the feed is
// dropped by Qt when the feed is destroyed.)
struct HostOverviewFeed::Link {
    std::mutex mutex;
    HostOverviewFeed *feed = nullptr;
};

HostOverviewFeed::HostOverviewFeed(MonitoredHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_collector(std::make_shared<HostOverviewCollector>(host->hostId()))
    , m_link(std::make_shared<Link>()) {
    m_link->feed = this;
    connect(host->worker(), &HostMonitor::cycleReady, this, &HostOverviewFeed::onCycle);
}

HostOverviewFeed::~HostOverviewFeed() {
    std::lock_guard lock(m_link->mutex);
    m_link->feed = nullptr;
}

void HostOverviewFeed::setEnabled(bool enabled) {
    m_enabled = enabled;
    if (!enabled)
        m_pending.reset();
}

void HostOverviewFeed::onCycle(const PollCycle &cycle) {
    if (!m_enabled)
        return;
    m_pending = cycle;
    if (!m_busy)
        submitPending();
}

void HostOverviewFeed::submitPending() {
    if (!m_pending)
        return;
    m_busy = true;
    PollCycle cycle = std::move(*m_pending);
    m_pending.reset();
    m_host->submit([collector = m_collector, link = m_link,
                    cycle = std::move(cycle)](Connection *connection) {
        const HostOverview overview = collector->collect(connection, cycle);
        const QList<Advice> advice =
            overview.connected ? adviseHost(overview, collector->lastGuests()) : QList<Advice>();
        std::lock_guard lock(link->mutex);
        if (HostOverviewFeed *feed = link->feed) {
            QMetaObject::invokeMethod(
                feed, [feed, overview, advice] { feed->deliver(overview, advice); },
                Qt::QueuedConnection);
        }
    });
}

void HostOverviewFeed::deliver(const HostOverview &overview, const QList<Advice> &advice) {
    m_busy = false;
    if (overview.connected && m_enabled) {
        m_last = overview;
        Q_EMIT overviewReady(overview, advice);
        Q_EMIT sampleReady(hostSampleFrom(overview));
    }
    submitPending();
}

} // namespace bs
