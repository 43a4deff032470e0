#pragma once

#include "Advice.h"
#include "HostOverview.h"
#include "monitor/MonitoredHost.h"

#include <QObject>

#include <memory>
#include <optional>

namespace bs {

class HostOverviewCollector;

// Brings a host's overview to the thread that owns it (the GUI thread), once per guest poll:
// each PollCycle of the host's monitor triggers one HostOverviewCollector::collect on the host's
// worker thread (MonitoredHost::submit), whose result comes back through the queued signals
// below. At most one collection is in flight: cycles that arrive meanwhile are merged into the
// latest, so a slow remote host never piles up work.
class HostOverviewFeed final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostOverviewFeed)

public:
    // `host` must outlive the feed.
    explicit HostOverviewFeed(MonitoredHost *host, QObject *parent = nullptr);
    ~HostOverviewFeed() override;

    // On by default. Off: no host call is made (a panel nobody looks at, if no history records).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // The last overview delivered, if any.
    const std::optional<HostOverview> &last() const { return m_last; }

Q_SIGNALS:
    // The overview of a connected host with the advice for it (HostOverview.connected is true).
    void overviewReady(const bs::HostOverview &overview, const QList<bs::Advice> &advice);
    // The same as one row of history, with the time of the guests' poll.
    void sampleReady(const bs::HostSample &sample);

private:
    struct Link;
    void onCycle(const PollCycle &cycle);
    void submitPending();
    void deliver(const HostOverview &overview, const QList<Advice> &advice);

    MonitoredHost *m_host;
    std::shared_ptr<HostOverviewCollector> m_collector;
    std::shared_ptr<Link> m_link;
    std::optional<PollCycle> m_pending;
    std::optional<HostOverview> m_last;
    bool m_busy = false;
    bool m_enabled = true;
};

} // namespace bs
