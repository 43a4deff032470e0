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

    // Host side, read from the QEMU process and the guest's cgroup where Balloonscope can see
    // them (a local host, or an SSH host that opted in: ProcessFigures.h); empty elsewhere.
    std::optional<quint64> vmSwap;  // the QEMU process's memory the host swapped out (VmSwap)
    std::optional<quint64> psiSome; // cgroup memory.pressure "some" avg10, hundredths of a %
    std::optional<quint64> psiFull; // cgroup memory.pressure "full" avg10, hundredths of a %

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

// A PSI figure as carried (hundredths of a percent) in percent.
inline std::optional<double> psiPercent(std::optional<quint64> hundredths) {
    if (!hundredths)
        return std::nullopt;
    return double(*hundredths) / 100.0;
}

// What a guest's kernel holds outside the MemTotal it reports (its code, the page map, reserved
// ranges): the balloon (actual) minus available. A need is a share of MemTotal, a balloon or a
// memory size one of the whole guest, so whatever is sized from a need adds this on top. About
// 50 MiB of a 192 MiB guest, 1-3 % of a large one. 0 when either figure is unknown, or when the
// guest reports more than its balloon (Windows counts an inflated balloon as in use).
inline qint64 kernelOverheadKiB(std::optional<qint64> actualKiB,
                                std::optional<qint64> availableKiB) {
    if (!actualKiB || !availableKiB || *availableKiB <= 0)
        return 0;
    return qMax<qint64>(0, *actualKiB - *availableKiB);
}

} // namespace bs

Q_DECLARE_METATYPE(bs::BalloonStats)
