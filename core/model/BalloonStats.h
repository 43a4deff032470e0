#pragma once

#include <QMetaType>
#include <QtGlobal>

#include <optional>

namespace bs {

// One guest's balloon statistics, all in KiB (counts for faults, seconds for lastUpdate).
// A field the guest or host did not report is empty: absent is not zero.
struct BalloonStats {
    // Host side: known whenever the guest runs with a balloon device.
    std::optional<quint64> actual;  // balloon size = current allocation
    std::optional<quint64> maximum; // maximum memory
    std::optional<quint64> rss;     // QEMU process resident set on the host

    // Guest side: only when the guest's balloon driver reported.
    std::optional<quint64> unused;    // Linux MemFree; Windows available incl. standby
    std::optional<quint64> available; // Linux MemTotal
    std::optional<quint64> usable;    // Linux MemAvailable
    std::optional<quint64> diskCaches;
    std::optional<quint64> swapIn;
    std::optional<quint64> swapOut;
    std::optional<quint64> majorFault;
    std::optional<quint64> minorFault;
    std::optional<quint64> hugetlbPgAlloc;
    std::optional<quint64> hugetlbPgFail;
    std::optional<qint64> lastUpdate; // seconds since the epoch, host clock, of the guest's report

    bool hasGuestFields() const {
        return unused || available || usable || diskCaches || swapIn || swapOut || majorFault ||
               minorFault || hugetlbPgAlloc || hugetlbPgFail;
    }
    // Drops what the guest reported, keeping the host-side figures and lastUpdate.
    void clearGuestFields() {
        unused.reset();
        available.reset();
        usable.reset();
        diskCaches.reset();
        swapIn.reset();
        swapOut.reset();
        majorFault.reset();
        minorFault.reset();
        hugetlbPgAlloc.reset();
        hugetlbPgFail.reset();
    }
    bool operator==(const BalloonStats &) const = default;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::BalloonStats)
