#pragma once

#include "HealthTypes.h"
#include "monitor/MemorySample.h"
#include "monitor/PointRing.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QtEndian>

#include <algorithm>
#include <iterator>
#include <optional>
#include <type_traits>
#include <unordered_map>

namespace bs {

namespace packed {

// The low `Bytes` bytes (2, 4 or 6) of an unsigned integer, little-endian: alignment 1, so that
// a struct of them has no padding. Read and written in whole 16- and 32-bit words (a partial
// copy into a 64-bit word would stall on store forwarding).
template <int Bytes>
struct Le {
    static_assert(Bytes == 2 || Bytes == 4 || Bytes == 6);
    quint8 b[Bytes];
    quint64 load() const {
        if constexpr (Bytes == 2)
            return qFromLittleEndian<quint16>(b);
        else if constexpr (Bytes == 4)
            return qFromLittleEndian<quint32>(b);
        else
            return qFromLittleEndian<quint32>(b) | quint64(qFromLittleEndian<quint16>(b + 4)) << 32;
    }
    void store(quint64 v) {
        if constexpr (Bytes == 2) {
            qToLittleEndian<quint16>(quint16(v), b);
        } else if constexpr (Bytes == 4) {
            qToLittleEndian<quint32>(quint32(v), b);
        } else {
            qToLittleEndian<quint32>(quint32(v), b);
            qToLittleEndian<quint16>(quint16(v >> 32), b + 4);
        }
    }
};

} // namespace packed

// An optional figure in `Bytes` bytes: all ones (a value it never takes) means empty, values
// are clamped to [0, all ones − 1]. Reads like std::optional<T>.
template <typename T, int Bytes>
class PackedOptional {
public:
    static constexpr quint64 None = (quint64(1) << (8 * Bytes)) - 1;
    static constexpr quint64 Max = None - 1;

    PackedOptional() { m_v.store(None); }
    PackedOptional(const std::optional<T> &v) // NOLINT(google-explicit-constructor)
    {
        m_v.store(v ? clamp(*v) : None);
    }
    explicit operator bool() const { return has_value(); }
    bool has_value() const { return m_v.load() != None; }
    T operator*() const { return T(m_v.load()); }
    T value_or(T fallback) const { return has_value() ? T(m_v.load()) : fallback; }
    operator std::optional<T>() const { // NOLINT(google-explicit-constructor)
        return has_value() ? std::optional<T>(T(m_v.load())) : std::nullopt;
    }

private:
    static quint64 clamp(T v) {
        if constexpr (std::is_signed_v<T>) {
            if (v < 0)
                return 0;
        }
        return std::min<quint64>(quint64(v), Max);
    }
    packed::Le<Bytes> m_v;
};

// Ms since the epoch in six bytes, signed: ±2^47 ms, 4,000 years either side of 1970.
class PackedTimeMs {
public:
    PackedTimeMs() { m_v.store(0); }
    explicit PackedTimeMs(qint64 ms) { m_v.store(quint64(ms)); }
    operator qint64() const { // NOLINT(google-explicit-constructor)
        return qint64(m_v.load() << 16) >> 16;
    }

private:
    packed::Le<6> m_v;
};

// An enum in one byte (every enum it holds has fewer than 256 values).
template <typename E>
class PackedEnum {
public:
    PackedEnum(E e = E{}) // NOLINT(google-explicit-constructor)
        : m_v(quint8(e)) {}
    operator E() const { return E(m_v); } // NOLINT(google-explicit-constructor)

private:
    quint8 m_v;
};

// One poll of a guest as the health window keeps it: only the figures the rules read over the
// window (the newest poll and the newest fresh one are kept whole, GuestWindow::latest()). 48
// bytes, byte-aligned, against about 600 for a MemorySample with its strings (15 minutes at 5 s
// of 5,000 guests: 43 MB, not 540). Bounds, beyond which a figure is clamped (none is reached by
// a real guest):
//  - the poll time: ms since the epoch in 48 bits, signed (±4,000 years);
//  - actual (KiB) and the cumulative counters (swap in/out KiB, faults): 48 bits, up to
//    2^48 − 2 (256 PiB of balloon or swap traffic; 2.8·10^14 faults, 9 years at a million a
//    second). A clamped counter stands still: no rate, never "went back";
//  - last_update: seconds since the epoch in 32 bits, 0 to 2^32 − 2 (the year 2106); libvirt
//    reports it unsigned, so no negative one is lost;
//  - PSI: hundredths of a percent (at most 10,000) in 16 bits, clamped to 65,534.
struct WindowSample {
    struct Stats {
        PackedOptional<qint64, 4> lastUpdate;
        PackedOptional<quint64, 6> actual;
        PackedOptional<quint64, 6> swapIn;
        PackedOptional<quint64, 6> swapOut;
        PackedOptional<quint64, 6> majorFault;
        PackedOptional<quint64, 6> minorFault;
        PackedOptional<quint64, 2> psiSome;
        PackedOptional<quint64, 2> psiFull;
        bool guestFields = false;
        bool hasGuestFields() const { return guestFields; }
    };

    PackedTimeMs timeMs;
    Stats stats;
    PackedEnum<DomainState> state = DomainState::Unknown;
    PackedEnum<StatsState> statsState = StatsState::Unknown;
    bool freshReport = false;

    static WindowSample of(const MemorySample &sample);
};

// A guest's window: a ring of WindowSamples, oldest first (PointRing, growing by a quarter: it
// holds at most a quarter more than it ever held at once; a QList that drops from its front and
// appends at its end grows to twice what it holds). Each poll appended has a sequence number (0
// for the first ever appended), which stays with it while the ring holds it.
class WindowSamples {
public:
    using const_iterator = PointRing<WindowSample>::const_iterator;

    qsizetype size() const { return m_ring.size(); }
    bool isEmpty() const { return m_ring.empty(); }
    const WindowSample &at(qsizetype i) const { return m_ring.at(i); }
    const WindowSample &first() const { return m_ring.front(); }
    const WindowSample &last() const { return m_ring.back(); }
    const_iterator begin() const { return m_ring.begin(); }
    const_iterator end() const { return m_ring.end(); }
    // The slots the ring holds (what it costs).
    qsizetype capacity() const { return m_ring.allocated(); }
    // The sequence number of at(0) (of the next poll when empty).
    qint64 firstSeq() const { return m_appended - m_ring.size(); }
    // Every poll held is at least as late as the one before it (the clock never went back).
    bool inTimeOrder() const { return m_disorderSeq < firstSeq(); }

    void append(const WindowSample &sample);
    void removeFirst(qsizetype n) { m_ring.dropFront(n); }

private:
    PointRing<WindowSample> m_ring;
    qint64 m_appended = 0;     // polls ever appended
    qint64 m_disorderSeq = -1; // the newest poll earlier than the one before it
};

// A balloon target someone set through Balloonscope (the dialog, set-balloon, the autopilot).
// libvirt does not keep it: its current memory follows the balloon as it moves.
struct BalloonTarget {
    qint64 kib = 0;
    qint64 setAtMs = 0; // ms since the epoch
    bool operator==(const BalloonTarget &) const = default;
};

// One guest over the window the health rules judge: its polls, oldest first (compact), the
// newest poll and the newest fresh one whole, and the target last set, when known. The guest's
// strings are held here once, not per poll.
struct GuestWindow {
    QString hostId;
    QString uuid;
    QString name;
    WindowSamples samples;
    std::optional<BalloonTarget> target;
    // The free page reporting note as the rule last built it for this guest, with the
    // autodeflate it says: the same every poll while the setting stays off, so the rule hands out
    // a copy rather than translating it again (freePageReportingFinding).
    mutable std::optional<HealthFinding> freePageReportingNote;
    mutable bool freePageReportingNoteAutodeflate = false;

    const MemorySample *latest() const { return samples.isEmpty() ? nullptr : &m_latest; }
    // The newest poll with a fresh report, while the window still holds it.
    const MemorySample *latestFresh() const;
    // The rates over the window whose counters went back: pressureRates(samples) counted on
    // countersWentBack, kept up to date as polls arrive and leave.
    int countersWentBack() const;
    // The time of the newest poll held that carried a swap-in counter; none when no poll held
    // did. No swap-in rate ends later than it: the swap-in rule skips a guest whose swap-in
    // counter stopped before the rule's span, or that never had one.
    std::optional<qint64> newestSwapInMs() const;

    void append(const MemorySample &sample);
    // Drops the polls before `oldestMs` (from the front).
    void dropBefore(qint64 oldestMs);
    // A window of these polls, oldest first (tests, `check`).
    static GuestWindow of(const QList<MemorySample> &samples);

private:
    MemorySample m_latest;
    MemorySample m_latestFresh;
    qsizetype m_afterFresh = -1; // polls appended after m_latestFresh; -1: none fresh
    // The newest running poll with a fresh report and no stopped poll after it: where the next
    // rate starts (a sequence number of `samples`; -1, or out of the window: none).
    qint64 m_rateFromSeq = -1;
    QList<qint64> m_backFromSeqs; // where each rate that went back starts, oldest first
    qint64 m_swapInSeq = -1;      // the newest poll with a swap-in counter (sequence number)
};

// Keeps each guest's polls of the last `keepMs`, from PollCycles as they arrive, plus the
// targets set: the watchdog's and `check`'s memory of what they watched. Bounded by time and
// count: per guest the polls of the last `keepMs`, and at most maxSamplesPerGuest() of them
// (one a second, the shortest interval, plus a minute of extra polls that events ask for). A guest
// that no poll mentions any more (undefined, or the host lost) is dropped with its host's next
// cycle. Indexed by host, then by uuid: a cycle touches its own host's guests only, and each
// host keeps its guests in name order, sorted again only when a guest comes, goes or is renamed.
// Not copyable: the order points into the windows.
class GuestWindows {
public:
    explicit GuestWindows(qint64 keepMs = 15 * 60 * 1000)
        : m_keepMs(keepMs) {}
    GuestWindows(const GuestWindows &) = delete;
    GuestWindows &operator=(const GuestWindows &) = delete;

    void add(const PollCycle &cycle);
    void setTarget(const QString &hostId, const QString &uuid, BalloonTarget target);
    // The host's windows by guest name (locale-aware, then uuid), without a copy: valid until the
    // next add() or removeHost().
    const QList<const GuestWindow *> &windows(const QString &hostId) const;
    const GuestWindow *window(const QString &hostId, const QString &uuid) const;
    // How long polls of this host have been kept (the newest minus the oldest), ms.
    qint64 spanMs(const QString &hostId) const;
    void removeHost(const QString &hostId);
    qint64 keepMs() const { return m_keepMs; }
    qsizetype maxSamplesPerGuest() const { return m_keepMs / 1000 + 60; }
    // Polls held over every guest (tests, benches).
    qsizetype sampleCount() const;

private:
    struct Guest {
        GuestWindow window;
        quint64 seenInCycle = 0; // the host's cycle that last polled it
    };
    struct Host {
        std::unordered_map<QString, Guest> guests; // by uuid; nodes stay where they are
        QList<const GuestWindow *> byName;
        quint64 cycles = 0;
    };
    std::unordered_map<QString, Host> m_hosts;
    qint64 m_keepMs;
};

} // namespace bs
