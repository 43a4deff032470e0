#pragma once

#include "history/HistoryStore.h"
#include "monitor/MemorySample.h"

#include <QString>

#include <atomic>
#include <memory>

namespace bs::test {

// A guest's poll with a consistent set of figures (KiB): 4 GiB allocated of 8 GiB maximum,
// `used` = available − unused. A repeated report (fresh = false) carries host figures only, as
// the monitor hands it over.
MemorySample guestPoll(const QString &uuid, const QString &name, qint64 timeMs, quint64 used,
                       bool fresh = true, StatsState stats = StatsState::Reporting);
MemorySample guestOff(const QString &uuid, const QString &name, qint64 timeMs);
PollCycle pollCycle(const QString &hostId, qint64 timeMs, const QList<MemorySample> &samples,
                    int intervalSeconds = 5);

// A settable clock for HistoryOptions::clockMs, shared with the history thread.
struct FakeClock {
    std::shared_ptr<std::atomic<qint64>> ms = std::make_shared<std::atomic<qint64>>(0);
    void set(qint64 value) { ms->store(value); }
    std::function<qint64()> function() const {
        return [ms = ms] {
            return ms->load();
        };
    }
};

// A history file at `path` on `clock`, without background compaction (tests compact when they
// say so).
inline HistoryOptions testHistoryOptions(const QString &path, const FakeClock &clock) {
    HistoryOptions o;
    o.path = path;
    o.backgroundCompaction = false;
    o.clockMs = clock.function();
    return o;
}

// Blocking helpers over the store's signals (tests only: they spin a local event loop).
bool openAndWait(HistoryStore &store);
SeriesResult querySeries(HistoryStore &store, const SeriesRequest &request);
SampleResult querySamples(HistoryStore &store, const SampleRequest &request);
NeedResult queryNeeds(HistoryStore &store, const NeedRequest &request);
AggregateResult queryAggregate(HistoryStore &store, const AggregateRequest &request);
HostSeriesResult queryHostSeries(HistoryStore &store, const HostSeriesRequest &request);
QList<HistoryEvent> queryEvents(HistoryStore &store, const EventRequest &request);
QList<GuestInfo> queryGuests(HistoryStore &store, const QString &hostId = {});
QList<HostLease> queryLeases(HistoryStore &store);

// Points that are not gaps / are gaps.
int valueCount(const QList<EnvelopePoint> &points);
int gapCount(const QList<EnvelopePoint> &points);

// One integer from an SQL query on the file, through a separate read-only connection.
qint64 sqlInt(const QString &path, const char *sql);
QString sqlText(const QString &path, const char *sql);

} // namespace bs::test
