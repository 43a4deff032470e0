#pragma once

#include "CapabilitiesParser.h"
#include "FigureStatus.h"
#include "KsmFigures.h"
#include "NodeMemory.h"
#include "common/Error.h"

#include <QHash>
#include <QList>
#include <QString>

#include <libvirt/libvirt.h>

#include <optional>
#include <utility>

namespace bs {

// The node calls the host overview makes.
enum class NodeCall {
    MemoryStats,      // virNodeGetMemoryStats
    NodeInfo,         // virNodeGetInfo
    MemoryParameters, // virNodeGetMemoryParameters
    Capabilities,     // virConnectGetCapabilities
    FreePages,        // virNodeGetFreePages
};

// A figure as one call gave it: the value, or why there is none.
template <class T>
struct NodeRead {
    std::optional<T> value;
    FigureStatus status;
};

// Makes the node calls of one host's connection. Blocking: run it on the host's worker thread
// (MonitoredHost::submit), never on the GUI thread.
//
// Remembers the calls a host cannot answer: a call that comes back "unsupported" (the test
// driver, an old libvirt, a kernel without KSM) or "denied" (read-only connection, ACL) is not
// made again on this connection, and its figure keeps saying why (the detail is there for the
// UI; the log gets one debug line). A call that fails otherwise is asked again next time, until
// it has failed MaxFailures times in a row: then it is given up for the connection too. reset()
// (a new connection) forgets all of that: the daemon may have been upgraded meanwhile.
class NodeMemoryReader {
public:
    static constexpr int MaxFailures = 3;

    explicit NodeMemoryReader(QString hostId = {});

    void reset();

    NodeRead<NodeMemory> memoryStats(virConnectPtr conn);
    NodeRead<NodeInfo> nodeInfo(virConnectPtr conn);
    NodeRead<KsmParameters> memoryParameters(virConnectPtr conn);
    NodeRead<HostTopology> capabilities(virConnectPtr conn);
    // Free pages of each size in `sizes` (KiB) on cells [firstCell, firstCell + cellCount), in
    // virNodeGetFreePages' order: cell by cell, sizes within.
    NodeRead<QList<quint64>> freePages(virConnectPtr conn, const QList<quint64> &sizes,
                                       int firstCell, int cellCount);

    // Whether the reader stopped asking this call on this connection.
    bool isGivenUp(NodeCall call) const { return m_givenUp.contains(call); }
    // libvirt calls made since the last takeCalls() (each may be a round trip).
    int takeCalls() { return std::exchange(m_calls, 0); }

private:
    // Classifies the calling thread's libvirt error (read right after the failed call).
    FigureStatus failure(NodeCall call);
    FigureStatus giveUp(NodeCall call, Availability availability, const QString &detail);
    std::optional<FigureStatus> remembered(NodeCall call) const;
    void succeeded(NodeCall call) { m_failures.remove(call); }

    QString m_hostId;
    QHash<NodeCall, FigureStatus> m_givenUp;
    QHash<NodeCall, int> m_failures;
    int m_calls = 0;
    int m_memoryStatsCount = 0; // nparams of virNodeGetMemoryStats, asked once per connection
    int m_memoryParamsCount = 0;
};

// The arrays libvirt fills, copied out so parsing is testable without a connection.
QList<std::pair<QString, quint64>> copyNodeMemoryStats(const virNodeMemoryStats *stats, int count);
NodeInfo nodeInfoFrom(const virNodeInfo &info);

QString nodeCallName(NodeCall call); // "virNodeGetMemoryStats", for logs

} // namespace bs
