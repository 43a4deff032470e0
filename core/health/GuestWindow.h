#pragma once

#include "monitor/MemorySample.h"

#include <QHash>
#include <QList>
#include <QString>

#include <iterator>
#include <limits>
#include <optional>

namespace bs {

// An optional figure stored in the bytes of the figure itself: `None` (a value the figure never
// takes) means empty. Reads like std::optional, half its size.
template <typename T, T None>
class PackedOptional {
public:
    PackedOptional() = default;
    PackedOptional(const std::optional<T> &v) // NOLINT(google-explicit-constructor)
        : m_v(v ? *v : None) {}
    explicit operator bool() const { return m_v != None; }
    bool has_value() const { return m_v != None; }
    T operator*() const { return m_v; }
    T value_or(T fallback) const { return m_v != None ? m_v : fallback; }
    operator std::optional<T>() const { // NOLINT(google-explicit-constructor)
        return m_v != None ? std::optional<T>(m_v) : std::nullopt;
    }

private:
    T m_v = None;
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
// window (the newest poll and the newest fresh one are kept whole, GuestWindow::latest()). 72
// bytes against about 600 for a MemorySample with its strings (15 minutes at 5 s of 5,000 guests:
// 65 MB, not 540). The counters are cumulative and never reach the all-ones value; PSI is in
// hundredths of a percent (at most 10,000) and is clamped to 65,534.
struct WindowSample {
    struct Stats {
        PackedOptional<quint64, std::numeric_limits<quint64>::max()> actual;
        PackedOptional<quint64, std::numeric_limits<quint64>::max()> swapIn;
        PackedOptional<quint64, std::numeric_limits<quint64>::max()> swapOut;
        PackedOptional<quint64, std::numeric_limits<quint64>::max()> majorFault;
        PackedOptional<quint64, std::numeric_limits<quint64>::max()> minorFault;
        PackedOptional<qint64, std::numeric_limits<qint64>::min()> lastUpdate;
        PackedOptional<quint16, std::numeric_limits<quint16>::max()> psiSome;
        PackedOptional<quint16, std::numeric_limits<quint16>::max()> psiFull;
        bool guestFields = false;
        bool hasGuestFields() const { return guestFields; }
    };

    qint64 timeMs = 0;
    Stats stats;
    PackedEnum<DomainState> state = DomainState::Unknown;
    PackedEnum<StatsState> statsState = StatsState::Unknown;
    bool freshReport = false;

    static WindowSample of(const MemorySample &sample);
};

// A guest's window: a ring of WindowSamples, oldest first. A QList that drops from its front and
// appends at its end keeps growing its block (up to twice what it holds, and reallocates as it
// slides); the ring holds at most a quarter more than it ever held at once. Copies share the
// buffer until one changes (implicitly shared, as QList).
class WindowSamples {
public:
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = WindowSample;
        using difference_type = qsizetype;
        using pointer = const WindowSample *;
        using reference = const WindowSample &;
        const_iterator(const WindowSamples *owner, qsizetype i)
            : m_owner(owner)
            , m_i(i) {}
        reference operator*() const { return m_owner->at(m_i); }
        pointer operator->() const { return &m_owner->at(m_i); }
        const_iterator &operator++() {
            ++m_i;
            return *this;
        }
        bool operator==(const const_iterator &other) const { return m_i == other.m_i; }

    private:
        const WindowSamples *m_owner;
        qsizetype m_i;
    };

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    const WindowSample &at(qsizetype i) const { return m_buf.at((m_head + i) % m_buf.size()); }
    const WindowSample &first() const { return at(0); }
    const WindowSample &last() const { return at(m_size - 1); }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }
    // The slots the ring holds (what it costs).
    qsizetype capacity() const { return m_buf.size(); }

    void append(const WindowSample &sample);
    void removeFirst(qsizetype n);

private:
    QList<WindowSample> m_buf; // a ring: m_size samples from m_head on
    qsizetype m_head = 0;
    qsizetype m_size = 0;
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

    const MemorySample *latest() const { return samples.isEmpty() ? nullptr : &m_latest; }
    // The newest poll with a fresh report, while the window still holds it.
    const MemorySample *latestFresh() const;

    void append(const MemorySample &sample);
    // Drops the polls before `oldestMs` (from the front).
    void dropBefore(qint64 oldestMs);
    // A window of these polls, oldest first (tests, `check`).
    static GuestWindow of(const QList<MemorySample> &samples);

private:
    MemorySample m_latest;
    MemorySample m_latestFresh;
    qsizetype m_afterFresh = -1; // polls appended after m_latestFresh; -1: none fresh
};

// Keeps each guest's polls of the last `keepMs`, from PollCycles as they arrive, plus the
// targets set: the watchdog's and `check`'s memory of what they watched. Bounded by time and
// count: per guest the polls of the last `keepMs`, and at most maxSamplesPerGuest() of them
// (one a second, the shortest interval, plus a minute of extra polls that events ask for). A guest
// that no poll mentions any more (undefined, or the host lost) is dropped with its host's next
// cycle.
class GuestWindows {
public:
    explicit GuestWindows(qint64 keepMs = 15 * 60 * 1000)
        : m_keepMs(keepMs) {}

    void add(const PollCycle &cycle);
    void setTarget(const QString &hostId, const QString &uuid, BalloonTarget target);
    QList<GuestWindow> windows(const QString &hostId) const; // by guest name
    const GuestWindow *window(const QString &hostId, const QString &uuid) const;
    // How long polls of this host have been kept (the newest minus the oldest), ms.
    qint64 spanMs(const QString &hostId) const;
    void removeHost(const QString &hostId);
    qint64 keepMs() const { return m_keepMs; }
    qsizetype maxSamplesPerGuest() const { return m_keepMs / 1000 + 60; }
    // Polls held over every guest (tests, benches).
    qsizetype sampleCount() const;

private:
    QHash<QString, GuestWindow> m_guests; // key: hostId + '\n' + uuid
    qint64 m_keepMs;
};

} // namespace bs
