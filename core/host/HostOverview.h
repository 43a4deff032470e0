#pragma once

#include "CapabilitiesParser.h"
#include "FigureStatus.h"
#include "HugePages.h"
#include "HugepageBacking.h"
#include "KsmFigures.h"
#include "NodeMemory.h"
#include "OvercommitFigures.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <optional>

namespace bs {

// Where the page size used for KSM's figures came from.
enum class PageSizeSource {
    Unknown,
    Capabilities, // the smallest <host><cpu><pages> of the capabilities: the system page size
    Architecture, // x86 (from nodeinfo's model or the capabilities' arch): fixed 4 KiB
};

// Everything the host panel shows, at one time: the host's memory, KSM, huge pages and the
// guests against them. A plain value: made on the host's worker thread (HostOverviewCollector),
// handed to the GUI through a queued signal (HostOverviewFeed). Memory in KiB; absent = unknown.
struct HostOverview {
    QString hostId;    // the connection URI
    qint64 timeMs = 0; // the guests' poll it goes with, ms since the epoch
    bool connected = false;

    NodeMemory memory;
    std::optional<NodeInfo> info;
    KsmParameters ksm;
    KsmFigures ksmFigures;
    HostTopology topology;           // cells and page sizes (empty when unavailable)
    std::optional<quint64> pageSize; // KiB, the host's base page size
    PageSizeSource pageSizeSource = PageSizeSource::Unknown;
    QList<HugePagePool> hugePagePools; // per cell and size
    QList<HugePageSize> hugePageSizes; // per size over all cells
    QList<GuestBacking> guestBacking;  // every guest whose XML was read
    OvercommitFigures overcommit;
    int libvirtCalls = 0; // calls this overview made (each may cost a round trip)

    const FigureStatus &status(HostFigure figure) const { return m_status[int(figure)]; }
    void setStatus(HostFigure figure, FigureStatus status) {
        m_status[int(figure)] = std::move(status);
    }

    // The host memory the ratios are taken against: virNodeGetMemoryStats' total (MemTotal),
    // else virNodeGetInfo's memory (the NUMA cells' sum).
    std::optional<quint64> hostTotal() const;
    // The guests backed by static huge pages.
    QList<GuestBacking> hugePageGuests() const;

    bool operator==(const HostOverview &) const = default;

private:
    std::array<FigureStatus, HostFigureCount> m_status{};
};

// One row of host history, recorded with the guests' samples of the same poll (same timeMs):
// the figures the host charts show over any range. Memory KiB; absent = not available then,
// never 0 for "unknown". The history store persists it as it is.
struct HostSample {
    QString hostId;
    qint64 timeMs = 0; // ms since the epoch

    std::optional<quint64> total; // host MemTotal
    std::optional<quint64> free;  // MemFree
    std::optional<quint64> buffers;
    std::optional<quint64> cached;

    std::optional<quint64> guestsMaximum; // Σ maximum of the active guests
    std::optional<quint64> guestsActual;  // Σ actual (balloon size) of the active guests
    std::optional<quint64> guestsUsed;    // Σ (available − unused) of the reporting guests
    int guestsActive = 0;
    int guestsReporting = 0; // how many guests guestsUsed covers

    std::optional<quint64> ksmSaved; // pages_sharing × page size
    std::optional<quint64> ksmPagesShared;
    std::optional<quint64> ksmPagesSharing;
    std::optional<quint64> ksmPagesUnshared;
    std::optional<quint64> ksmPagesVolatile;
    std::optional<quint64> ksmFullScans;

    std::optional<quint64> hugePagesTotal; // Σ over sizes and cells
    std::optional<quint64> hugePagesFree;

    bool operator==(const HostSample &) const = default;
};

HostSample hostSampleFrom(const HostOverview &overview);

QString pageSizeSourceKey(PageSizeSource source); // "capabilities", "architecture", "unknown"

} // namespace bs

Q_DECLARE_METATYPE(bs::HostOverview)
Q_DECLARE_METATYPE(bs::HostSample)
