#include "HistoryWorker.h"

#include "CycleRecorder.h"
#include "DatabaseFile.h"
#include "EventLog.h"
#include "HostSampleWriter.h"
#include "HostSeriesReader.h"
#include "NeedReader.h"
#include "RangeReader.h"
#include "RecorderLease.h"
#include "RollupCompactor.h"
#include "SampleReader.h"
#include "SampleWriter.h"
#include "SpanReader.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QThread>
#include <QTimer>

namespace bs {

using namespace bs::history;

namespace {

constexpr int CompactionSliceMs = 50;
constexpr int HeartbeatMs = 10000;
// A batch is written at once when it holds this many cycles or guest samples (bounded memory
// and transaction size; 50 hosts of 100 guests in one window stay under both).
constexpr std::size_t BatchMaxWrites = 256;
constexpr qsizetype BatchMaxSamples = 20000;
// A batch waits at most this share of its cycles' poll interval (HistoryOptions::batchWindowMs).
constexpr int BatchIntervalShare = 5;

} // namespace

// Everything that holds prepared statements on the connection: rebuilt when it is reopened.
struct HistoryWorker::Parts {
    Parts(sqlite::Database &db, const HistoryOptions &options, const WriterIdentity &me)
        : writer(db, me.label())
        , hostWriter(db)
        , lease(db, me, options.leaseSeconds)
        , compactor(db, options.retention)
        , reader(db)
        , samples(db)
        , needs(db)
        , hostReader(db)
        , spans(db)
        , events(db)
        , recorder(db, writer, hostWriter, lease, events, compactor, options.role) {}
    SampleWriter writer;
    HostSampleWriter hostWriter;
    RecorderLease lease;
    RollupCompactor compactor;
    RangeReader reader;
    SampleReader samples;
    NeedReader needs;
    HostSeriesReader hostReader;
    SpanReader spans;
    EventLog events;
    CycleRecorder recorder;
};

HistoryWorker::HistoryWorker(HistoryOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_compactTimer(new QTimer(this))
    , m_sliceTimer(new QTimer(this))
    , m_heartbeatTimer(new QTimer(this))
    , m_batchTimer(new QTimer(this)) {
    if (m_options.path.isEmpty())
        m_options.path = defaultHistoryPath();
    m_options.retention = m_options.retention.normalized();
    m_status.path = m_options.path;
    m_sliceTimer->setSingleShot(true);
    m_batchTimer->setSingleShot(true);
    connect(m_batchTimer, &QTimer::timeout, this, &HistoryWorker::writePending);
    connect(m_compactTimer, &QTimer::timeout, this, &HistoryWorker::compactSlice);
    connect(m_sliceTimer, &QTimer::timeout, this, &HistoryWorker::compactSlice);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &HistoryWorker::heartbeat);
}

HistoryWorker::~HistoryWorker() {
    closeDatabase();
}

qint64 HistoryWorker::nowMs() const {
    return m_options.clockMs ? m_options.clockMs() : QDateTime::currentMSecsSinceEpoch();
}

bool HistoryWorker::writable() const {
    return m_parts && m_status.canRecord();
}

void HistoryWorker::setStatus(HistoryStatus::State state, const QString &message,
                              const QString &detail) {
    const bool same = m_status.state == state && m_status.message == message;
    if (same && state != HistoryStatus::State::Paused)
        return; // while paused, every dropped poll is news (the count goes up)
    m_status.state = state;
    m_status.message = message;
    m_status.detail = detail;
    if (state == HistoryStatus::State::Ready)
        m_status.droppedCycles = 0;
    Q_EMIT statusChanged(m_status);
}

void HistoryWorker::open() {
    m_mono.start();
    if (!openDatabase())
        return;
    if (m_options.access == HistoryOptions::Access::ReadWrite &&
        m_status.state == HistoryStatus::State::Ready && m_options.backgroundCompaction) {
        m_compactTimer->start(qMax(1, m_options.compactionIntervalSeconds) * 1000);
        m_sliceTimer->start(1000); // catch up on what accumulated while nobody ran
    }
    m_heartbeatTimer->start(HeartbeatMs);
}

bool HistoryWorker::openDatabase() {
    OpenRequest request;
    request.path = m_options.path;
    request.readOnly = m_options.access == HistoryOptions::Access::ReadOnly;
    request.integrityCheckMaxBytes = m_options.integrityCheckMaxBytes;
    request.nowMs = nowMs();
    auto opened = openHistoryDatabase(request);
    if (!opened) {
        setStatus(HistoryStatus::State::Unavailable, opened.error().message,
                  sqlite::isCorrupt(opened.error()) ? opened.error().message : QString());
        Q_EMIT failed(opened.error());
        return false;
    }
    m_db = std::move(opened->db);
    m_status.fileSchemaVersion = opened->fileSchemaVersion;
    m_parts = std::make_unique<Parts>(m_db, m_options, WriterIdentity::current(m_options.role));
    if (!opened->movedAsideTo.isEmpty())
        Q_EMIT databaseReplaced(opened->movedAsideTo, opened->movedAsideReason);
    if (opened->readOnly)
        setStatus(HistoryStatus::State::ReadOnly, opened->notice);
    else
        setStatus(HistoryStatus::State::Ready);
    return true;
}

void HistoryWorker::closeDatabase() {
    m_parts.reset(); // statements first, then the connection
    m_db.close();
}

void HistoryWorker::recordCycle(const PollCycle &cycle) {
    if (!writable())
        return;
    enqueue(PendingWrite{cycle, nowMs(), m_mono.elapsed()}, cycle.samples.size());
}

void HistoryWorker::enqueue(PendingWrite write, qsizetype samples) {
    // The window is a fifth of the shortest poll interval waiting, at most batchWindowMs: a
    // killed process loses the poll in flight and at most that much more.
    int windowMs = m_options.batchWindowMs;
    if (const auto *cycle = std::get_if<PollCycle>(&write.what);
        cycle && cycle->intervalSeconds > 0)
        windowMs = std::min(windowMs, cycle->intervalSeconds * 1000 / BatchIntervalShare);
    m_pending.push_back(std::move(write));
    m_pendingSamples += samples;
    if (windowMs <= 0 || m_pending.size() >= BatchMaxWrites ||
        m_pendingSamples >= BatchMaxSamples) {
        writePending();
        return;
    }
    if (!m_batchTimer->isActive() || m_batchTimer->remainingTime() > windowMs)
        m_batchTimer->start(windowMs);
}

void HistoryWorker::writePending() {
    m_batchTimer->stop();
    if (m_pending.empty())
        return;
    std::vector<PendingWrite> writes;
    writes.swap(m_pending);
    m_pendingSamples = 0;
    if (!writable())
        return;
    if (writes.size() > 1) {
        auto batch = m_parts->recorder.recordBatch(writes);
        if (batch) {
            writtenCycle(*batch);
            if (Status s = m_parts->recorder.moveInboxIfFull(); !s)
                handleWriteError(s.error());
            return;
        }
        // Rolled back as a whole: nothing of the batch is stored. Each again on its own, so
        // that a write that fails costs only itself (and is told as it was before batches).
        qCInfo(lcHistory) << "a batch of" << writes.size()
                          << "writes failed, writing them one by one:" << batch.error().message;
        m_parts->recorder.forget();
    }
    for (const PendingWrite &write : writes)
        writeOne(write);
}

void HistoryWorker::writeOne(const PendingWrite &write) {
    if (!writable())
        return;
    if (const auto *cycle = std::get_if<PollCycle>(&write.what)) {
        auto change = m_parts->recorder.record(*cycle, write.nowMs, write.monoMs);
        if (!change) {
            handleWriteError(change.error());
            return;
        }
        writtenCycle(*change ? QList<HostWriteState>{**change} : QList<HostWriteState>{});
    } else if (const auto *sample = std::get_if<HostSample>(&write.what)) {
        if (m_status.state == HistoryStatus::State::Paused)
            return; // while paused, the next cycle tries the disk: its host sample waits for that
        if (auto written = m_parts->recorder.recordHost(*sample, write.nowMs); !written)
            handleWriteError(written.error(), false);
    } else if (const auto *event = std::get_if<HistoryEvent>(&write.what)) {
        if (Status s = m_parts->recorder.recordEvent(*event, write.nowMs); !s)
            handleWriteError(s.error());
    }
}

void HistoryWorker::writtenCycle(const QList<HostWriteState> &changes) {
    for (const HostWriteState &change : changes)
        Q_EMIT hostWriteStateChanged(change);
    if (m_status.state == HistoryStatus::State::Paused) {
        qCInfo(lcHistory) << "recording resumed";
        setStatus(HistoryStatus::State::Ready);
    }
}

void HistoryWorker::handleWriteError(const Error &error, bool countDropped) {
    if (m_parts)
        m_parts->recorder.forget();
    if (sqlite::isCorrupt(error)) {
        recoverFromCorruption(error);
        return;
    }
    if (countDropped)
        ++m_status.droppedCycles;
    if (sqlite::isDiskFull(error)) {
        if (m_status.state != HistoryStatus::State::Paused)
            qCWarning(lcHistory) << "disk full, recording paused:" << error.message;
        setStatus(HistoryStatus::State::Paused,
                  tr("The disk holding the history is full: recording is paused and resumes by "
                     "itself when space is freed."),
                  error.message);
        return;
    }
    qCWarning(lcHistory) << "could not record a poll:" << error.message;
    Q_EMIT failed(error);
}

void HistoryWorker::handleCompactionError(const Error &error) {
    // Another process's write holds the lock: the next slice tries again.
    if (sqlite::isBusy(error))
        return;
    // Like a failed write: a damaged file is moved aside, a full disk pauses, anything else
    // reaches the user through failed().
    qCWarning(lcHistory) << "compaction:" << error.message;
    Error said = error; // keeps SQLite's code: corrupt and full are told apart by it
    said.message = tr("Could not roll up or trim the history: %1").arg(error.message);
    handleWriteError(said, false);
}

void HistoryWorker::recoverFromCorruption(const Error &error) {
    qCWarning(lcHistory) << "the history database is damaged:" << error.message;
    closeDatabase();
    auto moved = moveAside(m_options.path, nowMs());
    if (!moved) {
        setStatus(HistoryStatus::State::Unavailable, moved.error().message, error.message);
        Q_EMIT failed(moved.error());
        return;
    }
    if (openDatabase())
        Q_EMIT databaseReplaced(*moved, error.message);
}

void HistoryWorker::recordEvent(const HistoryEvent &event) {
    if (!writable())
        return;
    // In the batch, after the polls handed over before it: an event no longer commits the batch
    // early (5,000 guests' alerts came several times a second, each a commit).
    enqueue(PendingWrite{event, nowMs(), m_mono.elapsed()}, 0);
}

void HistoryWorker::recordHostMemory(const QString &hostId, qint64 timeMs, quint64 totalKiB) {
    writePending();
    if (!writable())
        return;
    if (Status s = m_parts->recorder.recordHostMemory(hostId, timeMs, totalKiB); !s)
        handleWriteError(s.error());
}

void HistoryWorker::recordHost(const HostSample &sample) {
    if (!writable() || m_status.state == HistoryStatus::State::Paused)
        return; // while paused, the next cycle tries the disk: its host sample waits for that
    // After its cycle, in the same batch: the lease the cycle checked holds for it.
    enqueue(PendingWrite{sample, nowMs(), m_mono.elapsed()}, 0);
}

void HistoryWorker::setRetention(const RetentionPolicy &policy) {
    m_options.retention = policy.normalized();
    if (m_parts)
        m_parts->compactor.setPolicy(m_options.retention);
}

void HistoryWorker::compactSlice() {
    writePending();
    if (!writable() || m_status.state == HistoryStatus::State::Paused)
        return;
    QElapsedTimer slice;
    slice.start();
    while (slice.elapsed() < CompactionSliceMs) {
        auto more = m_parts->compactor.step(nowMs() / 1000, RollupCompactor::Pace::Batched);
        if (!more) {
            handleCompactionError(more.error());
            return;
        }
        if (!*more) {
            // Caught up: make what was committed since the last time durable. Commits do not
            // fsync (synchronous=NORMAL), so this bounds what a power cut can take to about one
            // compaction interval; a crashed or killed process loses nothing committed.
            if (Status s = m_db.exec("PRAGMA wal_checkpoint(PASSIVE)"); !s)
                qCDebug(lcHistory) << "checkpoint:" << s.error().message;
            return;
        }
    }
    m_sliceTimer->start(0); // more to do: after whatever else is queued
}

void HistoryWorker::compactNow() {
    writePending();
    if (!writable())
        return;
    if (auto moved = m_parts->compactor.flushInbox(); !moved) {
        handleWriteError(moved.error());
        return;
    }
    for (;;) {
        auto more = m_parts->compactor.step(nowMs() / 1000);
        if (!more) {
            handleCompactionError(more.error());
            return;
        }
        if (!*more)
            break;
    }
    m_parts->recorder.inboxEmptied();
}

void HistoryWorker::heartbeat() {
    writePending();
    if (!writable())
        return;
    const QList<qint64> live =
        m_parts->recorder.liveHosts(m_mono.elapsed(), m_options.leaseSeconds);
    if (live.isEmpty())
        return;
    // One transaction for all hosts, not a commit per host.
    sqlite::Transaction tx(m_db);
    Status s = tx.begun();
    if (s)
        s = m_parts->lease.renew(live, nowMs());
    if (s)
        s = tx.commit();
    if (!s)
        qCWarning(lcHistory) << "could not renew leases:" << s.error().message;
}

bool HistoryWorker::ensureReadable(quint64 queryId) {
    writePending(); // every poll handed over before the query is part of its answer
    if (m_parts)
        return true;
    Q_EMIT queryFailed(queryId,
                       Error::database(m_status.message.isEmpty() ? tr("The history is not open.")
                                                                  : m_status.message));
    return false;
}

template <class Value, class Signal>
void HistoryWorker::answer(quint64 id, const Result<Value> &result, Signal signal) {
    if (result) {
        Q_EMIT(this->*signal)(id, *result);
        return;
    }
    Q_EMIT queryFailed(id, result.error());
    if (sqlite::isCorrupt(result.error()) && writable())
        recoverFromCorruption(result.error()); // the next query reads the new, empty history
}

void HistoryWorker::querySeries(quint64 id, const SeriesRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->reader.series(request), &HistoryWorker::seriesReady);
}

void HistoryWorker::querySamples(quint64 id, const SampleRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->samples.samples(request), &HistoryWorker::samplesReady);
}

void HistoryWorker::queryNeeds(quint64 id, const NeedRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->needs.needs(request), &HistoryWorker::needsReady);
}

void HistoryWorker::queryAggregate(quint64 id, const AggregateRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->reader.aggregate(request), &HistoryWorker::aggregateReady);
}

void HistoryWorker::queryHostSeries(quint64 id, const HostSeriesRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->hostReader.series(request), &HistoryWorker::hostSeriesReady);
}

void HistoryWorker::queryEvents(quint64 id, const EventRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->events.query(request), &HistoryWorker::eventsReady);
}

void HistoryWorker::queryGuests(quint64 id, const QString &hostId) {
    if (ensureReadable(id))
        answer(id, m_parts->reader.guests(hostId), &HistoryWorker::guestsReady);
}

void HistoryWorker::queryRecordedSpan(quint64 id, const RecordedSpanRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->spans.span(request), &HistoryWorker::recordedSpanReady);
}

void HistoryWorker::queryLeases(quint64 id) {
    if (ensureReadable(id))
        answer(id, m_parts->lease.list(nowMs()), &HistoryWorker::leasesReady);
}

void HistoryWorker::barrier(quint64 id) {
    writePending();
    Q_EMIT barrierReached(id);
}

void HistoryWorker::shutdown() {
    writePending(); // every poll handed over is committed before the store closes
    m_compactTimer->stop();
    m_sliceTimer->stop();
    m_heartbeatTimer->stop();
    if (writable())
        m_parts->recorder.stop(nowMs());
    closeDatabase();
    setStatus(HistoryStatus::State::Closed);
    if (QThread *thread = QThread::currentThread();
        thread != QCoreApplication::instance()->thread())
        thread->quit();
}

} // namespace bs
