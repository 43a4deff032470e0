#include "HostOverviewCollector.h"

#include "common/Logging.h"
#include "libvirt/Connection.h"

namespace bs {

HostOverviewCollector::HostOverviewCollector(QString hostId)
    : m_hostId(hostId)
    , m_reader(std::move(hostId)) {
    m_elapsed.start();
    m_clock = [this] {
        return m_elapsed.elapsed();
    };
}

void HostOverviewCollector::startConnection(quint64 serial) {
    m_connectionSerial = serial;
    m_reader.reset();
    m_backing.reset();
    m_ksmActivity.reset();
    m_info.reset();
    m_infoStatus = {};
    m_topology.reset();
    m_topologyStatus = {};
    m_topologyReadMs = -1;
}

void HostOverviewCollector::readSlowFigures(virConnectPtr conn, qint64 now, int &calls) {
    if (m_infoStatus.availability == Availability::NotRead ||
        m_infoStatus.availability == Availability::Failed) {
        auto info = m_reader.nodeInfo(conn);
        m_info = info.value;
        m_infoStatus = info.status;
    }
    const bool topologyDue = m_topologyReadMs < 0 ||
                             now - m_topologyReadMs >= capabilitiesRefreshMs ||
                             m_topologyStatus.availability == Availability::Failed;
    if (topologyDue) {
        // A call given up on comes back at once with its remembered status, without a call.
        auto topology = m_reader.capabilities(conn);
        if (topology.value) {
            m_topology = std::move(topology.value);
            m_topologyStatus = topology.status;
        } else if (!m_topology) {
            m_topologyStatus = topology.status;
        } // else: a failed refresh keeps the topology read before, which changes rarely
        m_topologyReadMs = now;
    }
    calls += m_reader.takeCalls();
}

void HostOverviewCollector::choosePageSize(HostOverview &o) const {
    if (m_topology && !m_topology->pageSizes.isEmpty()) {
        o.pageSize = m_topology->basePageSize();
        o.pageSizeSource = PageSizeSource::Capabilities;
        return;
    }
    const QString arch = m_topology && !m_topology->arch.isEmpty() ? m_topology->arch
                         : m_info                                  ? m_info->model
                                                                   : QString();
    if (const auto size = fixedBasePageSize(arch)) {
        o.pageSize = size;
        o.pageSizeSource = PageSizeSource::Architecture;
    }
}

void HostOverviewCollector::readHugePages(virConnectPtr conn, HostOverview &o, int &calls) {
    if (!m_topology) {
        o.setStatus(HostFigure::FreeHugePages, {Availability::NotRead, {}});
        return;
    }
    o.hugePagePools = hugePagePools(*m_topology);
    const QList<quint64> sizes = m_topology->hugePageSizes();
    if (sizes.isEmpty() || m_topology->cells.isEmpty()) {
        // No pool to ask about: nothing is missing.
        o.setStatus(HostFigure::FreeHugePages, {Availability::Available, {}});
        return;
    }
    // Cells are numbered 0..n-1 in libvirt's topology; ask for all of them in one call.
    int lastCell = 0;
    for (const NumaCell &cell : m_topology->cells)
        lastCell = qMax(lastCell, cell.id);
    auto free = m_reader.freePages(conn, sizes, 0, lastCell + 1);
    calls += m_reader.takeCalls();
    o.setStatus(HostFigure::FreeHugePages, free.status);
    if (free.value)
        applyFreePages(o.hugePagePools, sizes, 0, lastCell + 1, *free.value);
}

HostOverview HostOverviewCollector::collect(Connection *connection, const PollCycle &cycle) {
    HostOverview o;
    o.hostId = cycle.hostId.isEmpty() ? m_hostId : cycle.hostId;
    o.timeMs = cycle.timeMs;
    m_lastGuests = m_carry.apply(cycle.samples);
    const QList<MemorySample> &guests = m_lastGuests;
    if (!connection) {
        o.overcommit = overcommitFigures(guests, std::nullopt);
        return o;
    }
    if (connection->serial() != m_connectionSerial)
        startConnection(connection->serial());
    o.connected = true;
    virConnectPtr conn = connection->get();
    const qint64 now = m_clock();
    int calls = 0;

    auto memory = m_reader.memoryStats(conn);
    if (memory.value)
        o.memory = *memory.value;
    o.setStatus(HostFigure::NodeMemory, memory.status);

    readSlowFigures(conn, now, calls);
    o.info = m_info;
    o.setStatus(HostFigure::NodeInfo, m_infoStatus);
    if (m_topology)
        o.topology = *m_topology;
    o.setStatus(HostFigure::Topology, m_topologyStatus);
    choosePageSize(o);

    auto ksm = m_reader.memoryParameters(conn);
    o.setStatus(HostFigure::Ksm, ksm.status);
    if (ksm.value) {
        o.ksm = *ksm.value;
        const KsmActivity activity = m_ksmActivity.observe(o.ksm, now);
        o.ksmFigures = deriveKsmFigures(o.ksm, o.pageSize, activity);
    } else {
        m_ksmActivity.reset();
    }
    calls += m_reader.takeCalls();

    readHugePages(conn, o, calls);
    o.hugePageSizes = hugePagesBySize(o.hugePagePools);

    auto backing = m_backing.read(conn, cycle.samples, now);
    calls += m_backing.takeCalls();
    o.setStatus(HostFigure::GuestBacking, backing.status);
    if (backing.value)
        o.guestBacking = *backing.value;

    o.overcommit = overcommitFigures(guests, o.hostTotal());
    o.libvirtCalls = calls;
    return o;
}

} // namespace bs
