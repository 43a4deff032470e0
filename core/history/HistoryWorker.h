#pragma once

#include "HistoryEvent.h"
#include "HistoryOptions.h"
#include "HistoryStatus.h"
#include "NeedQuery.h"
#include "SampleQuery.h"
#include "SeriesTypes.h"
#include "Sqlite.h"
#include "common/Error.h"
#include "common/Result.h"
#include "host/HostOverview.h"
#include "monitor/MemorySample.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <vector>

class QTimer;

namespace bs {

namespace history {
struct PendingWrite;
}

// The history database's worker: lives on the store's own thread (HistoryStore) and owns the
// only SQLite connection of this store. Every slot runs on that thread; every signal carries plain
// values. It opens (and, if need be, replaces) the file, hands writes to CycleRecorder and
// queries to RangeReader/EventLog, runs the compactor in short slices between them, and turns
// errors into one status: paused on a full disk, a new file for a damaged one.
class HistoryWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryWorker)

public:
    explicit HistoryWorker(HistoryOptions options, QObject *parent = nullptr);
    ~HistoryWorker() override;

    void open();
    void recordCycle(const PollCycle &cycle);
    void recordEvent(const HistoryEvent &event);
    void recordHostMemory(const QString &hostId, qint64 timeMs, quint64 totalKiB);
    void recordHost(const HostSample &sample);
    void setRetention(const RetentionPolicy &policy);
    void compactNow();
    void querySeries(quint64 id, const SeriesRequest &request);
    void querySamples(quint64 id, const SampleRequest &request);
    void queryNeeds(quint64 id, const NeedRequest &request);
    void queryAggregate(quint64 id, const AggregateRequest &request);
    void queryHostSeries(quint64 id, const HostSeriesRequest &request);
    void queryEvents(quint64 id, const EventRequest &request);
    void queryGuests(quint64 id, const QString &hostId);
    void queryRecordedSpan(quint64 id, const RecordedSpanRequest &request);
    void queryLeases(quint64 id);
    void barrier(quint64 id);
    // Moves the inbox, marks recording stopped, releases leases, closes; then ends the thread.
    void shutdown();

Q_SIGNALS:
    void statusChanged(const bs::HistoryStatus &status);
    void databaseReplaced(const QString &movedTo, const QString &reason);
    void hostWriteStateChanged(const bs::HostWriteState &state);
    void seriesReady(quint64 id, const bs::SeriesResult &result);
    void samplesReady(quint64 id, const bs::SampleResult &result);
    void needsReady(quint64 id, const bs::NeedResult &result);
    void aggregateReady(quint64 id, const bs::AggregateResult &result);
    void hostSeriesReady(quint64 id, const bs::HostSeriesResult &result);
    void eventsReady(quint64 id, const QList<bs::HistoryEvent> &events);
    void guestsReady(quint64 id, const QList<bs::GuestInfo> &guests);
    void recordedSpanReady(quint64 id, const bs::RecordedSpan &span);
    void leasesReady(quint64 id, const QList<bs::HostLease> &leases);
    void queryFailed(quint64 id, const bs::Error &error);
    void failed(const bs::Error &error);
    void barrierReached(quint64 id);

private:
    struct Parts;

    qint64 nowMs() const;
    bool openDatabase();
    void closeDatabase();
    bool writable() const;
    void setStatus(HistoryStatus::State state, const QString &message = {},
                   const QString &detail = {});
    // countDropped: a lost poll (a cycle), as opposed to a host sample or event that goes with one.
    void handleWriteError(const Error &error, bool countDropped = true);
    void recoverFromCorruption(const Error &error);
    // Every compaction failure ends here, from the background slices and from compactNow().
    void handleCompactionError(const Error &error);
    void compactSlice();
    void heartbeat();
    bool ensureReadable(quint64 queryId);
    // Poll cycles and host samples wait up to batchWindowMs, then go in one transaction.
    void enqueue(history::PendingWrite write, qsizetype samples);
    void writePending();
    void writeOne(const history::PendingWrite &write);
    void writtenCycle(const QList<HostWriteState> &changes);
    template <class Value, class Signal>
    void answer(quint64 id, const Result<Value> &result, Signal signal);

    HistoryOptions m_options;
    sqlite::Database m_db;
    std::unique_ptr<Parts> m_parts;
    HistoryStatus m_status;
    QTimer *m_compactTimer;
    QTimer *m_sliceTimer;
    QTimer *m_heartbeatTimer;
    QTimer *m_batchTimer;
    std::vector<history::PendingWrite> m_pending;
    qsizetype m_pendingSamples = 0;
    QElapsedTimer m_mono;
};

} // namespace bs
