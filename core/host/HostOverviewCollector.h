#pragma once

#include "GuestBackingReader.h"
#include "HostOverview.h"
#include "NodeMemoryReader.h"
#include "monitor/MemorySample.h"

#include <QElapsedTimer>
#include <QString>

#include <functional>

namespace bs {

class Connection;

// Builds a host's HostOverview on its worker thread, combined with one poll of its guests.
// Keeps what must survive between calls: the calls the host cannot answer, the slow-changing
// figures, KSM's previous counters and the guests' last reports. One per host; every call on
// the same (worker) thread, through MonitoredHost::submit (HostOverviewFeed does that).
//
// Cadence per call (it is meant to run once per guest poll, every 5 s by default):
//  - virNodeGetMemoryStats: every call. Cheap (libvirt reads /proc/meminfo) and charted.
//  - virNodeGetMemoryParameters (KSM): every call. Cheap (eight sysfs files); its counters
//    move while ksmd scans, and "KSM saved" is charted.
//  - virNodeGetFreePages: every call when the host has huge page pools (one call for every
//    size and cell); free pages change whenever a huge-page guest starts or stops.
//  - virNodeGetInfo: once per connection (static).
//  - virConnectGetCapabilities: once per connection, then every capabilitiesRefreshMs (10 min):
//    the pools' totals change only when an admin resizes them (virsh allocpages, sysctl), and
//    the QEMU driver rebuilds the whole document (CPU model, NUMA) on every call.
//  - the guests' XML: see GuestBackingReader (only on a change, or every 5 min).
// Calls the host cannot answer are made once per connection (NodeMemoryReader). A steady host
// thus costs 2–3 calls per poll on top of the guests' one.
class HostOverviewCollector {
public:
    explicit HostOverviewCollector(QString hostId);

    qint64 capabilitiesRefreshMs = 10 * 60 * 1000;

    // Blocking. `connection` may be null (not connected): the overview then says so and has no
    // host figures. `cycle` is the guests' poll the overview goes with: its time becomes the
    // overview's, so host and guest history line up.
    HostOverview collect(Connection *connection, const PollCycle &cycle);

    // The guests of the last collect(), with the last fresh report of each reporting guest
    // carried over a repeated one (ReportCarry): what adviseHost() wants next to the overview.
    const QList<MemorySample> &lastGuests() const { return m_lastGuests; }

    // For tests: a monotonic clock in ms (default: a QElapsedTimer started at construction).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    const NodeMemoryReader &reader() const { return m_reader; }

private:
    void startConnection(quint64 serial);
    void readSlowFigures(virConnectPtr conn, qint64 now, int &calls);
    void readHugePages(virConnectPtr conn, HostOverview &overview, int &calls);
    void choosePageSize(HostOverview &overview) const;

    QString m_hostId;
    NodeMemoryReader m_reader;
    GuestBackingReader m_backing;
    KsmActivityTracker m_ksmActivity;
    ReportCarry m_carry;
    QList<MemorySample> m_lastGuests;
    QElapsedTimer m_elapsed;
    std::function<qint64()> m_clock;

    quint64 m_connectionSerial = 0;
    std::optional<NodeInfo> m_info;
    FigureStatus m_infoStatus;
    std::optional<HostTopology> m_topology;
    FigureStatus m_topologyStatus;
    qint64 m_topologyReadMs = -1;
};

} // namespace bs
