#include "HistoryWorker.h"

#include "DatabaseFile.h"
#include "EventLog.h"
#include "RangeReader.h"
#include "RecorderLease.h"
#include "RollupCompactor.h"
#include "SampleWriter.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QThread>
#include <QTimer>

namespace bs {

using namespace bs::history;

namespace {

// A burst of polls (catching up, many hosts) moves the inbox before it grows past this.
constexpr qint64 InboxFlushSpanSeconds = 300;
constexpr qint64 InboxFlushRows = 50000;
constexpr int CompactionSliceMs = 50;
constexpr int HeartbeatMs = 10000;

} // namespace

// Everything that holds prepared statements on the connection: rebuilt when it is reopened.
struct HistoryWorker::Parts {
    Parts(sqlite::Database &db, const HistoryOptions &options, const WriterIdentity &me)
        : writer(db, me.label())
        , lease(db, me, options.leaseSeconds)
        , compactor(db, options.retention)
        , reader(db)
        , events(db) {}
    SampleWriter writer;
    RecorderLease lease;
    RollupCompactor compactor;
    RangeReader reader;
    EventLog events;
};

HistoryWorker::HistoryWorker(HistoryOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_compactTimer(new QTimer(this))
    , m_sliceTimer(new QTimer(this))
    , m_heartbeatTimer(new QTimer(this)) {
    if (m_options.path.isEmpty())
        m_options.path = defaultHistoryPath();
    m_options.retention = m_options.retention.normalized();
    m_status.path = m_options.path;
    m_sliceTimer->setSingleShot(true);
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
    m_hosts.clear();
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
    HostState &host = m_hosts[cycle.hostId];
    sqlite::Transaction tx(m_db);
    if (!tx.begun()) {
        handleWriteError(tx.begun().error());
        return;
    }
    auto hostDbId = m_parts->writer.hostId(cycle.hostId);
    if (!hostDbId) {
        handleWriteError(hostDbId.error());
        return;
    }
    host.dbId = *hostDbId;
    auto lease = m_parts->lease.claim(*hostDbId, cycle.hostId, nowMs());
    if (!lease) {
        handleWriteError(lease.error());
        return;
    }
    if (lease->mine) {
        if (auto written = m_parts->writer.write(*hostDbId, cycle); !written) {
            handleWriteError(written.error());
            return;
        }
    }
    if (Status s = tx.commit(); !s) {
        handleWriteError(s.error());
        return;
    }
    host.lastCycleMono = m_mono.elapsed();
    host.interval = cycle.intervalSeconds;
    noteWriteState(cycle.hostId, host, *lease);
    if (m_status.state == HistoryStatus::State::Paused) {
        qCInfo(lcHistory) << "recording resumed";
        setStatus(HistoryStatus::State::Ready);
    }
    SampleWriter &writer = m_parts->writer;
    if (writer.inboxSpanSeconds() >= InboxFlushSpanSeconds ||
        writer.inboxRows() >= InboxFlushRows) {
        if (auto moved = m_parts->compactor.flushInbox(); moved)
            writer.inboxEmptied();
        else
            handleWriteError(moved.error());
    }
}

void HistoryWorker::noteWriteState(const QString &uri, HostState &host, const HostLease &lease) {
    if (host.known && host.recording == lease.mine)
        return;
    host.known = true;
    host.recording = lease.mine;
    if (lease.mine)
        writeRecordingEvent(uri, host.dbId, true);
    else
        qCInfo(lcHistory) << uri << "is recorded by" << lease.describe() << "- not writing it";
    HostWriteState state;
    state.hostId = uri;
    state.recording = lease.mine;
    state.holder = lease;
    Q_EMIT hostWriteStateChanged(state);
}

void HistoryWorker::writeRecordingEvent(const QString &uri, qint64 hostDbId, bool started) {
    HistoryEvent event;
    event.timeMs = nowMs();
    event.hostId = uri;
    event.kind = HistoryEvent::Kind::Recording;
    event.code = started ? 1 : 0;
    event.source = writerRoleKey(m_options.role);
    if (auto added = m_parts->events.add(event, hostDbId, std::nullopt); !added)
        qCWarning(lcHistory) << "could not mark recording:" << added.error().message;
}

void HistoryWorker::handleWriteError(const Error &error) {
    if (m_parts) {
        m_parts->writer.forget(); // the rollback may have taken rows the caches name
        m_parts->lease.forget();
    }
    if (sqlite::isCorrupt(error)) {
        recoverFromCorruption(error);
        return;
    }
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
    sqlite::Transaction tx(m_db);
    if (!tx.begun()) {
        handleWriteError(tx.begun().error());
        return;
    }
    auto hostDbId = m_parts->writer.hostId(event.hostId);
    if (!hostDbId) {
        handleWriteError(hostDbId.error());
        return;
    }
    if (event.kind == HistoryEvent::Kind::Lifecycle) {
        // The monitor's own events: written by whoever records the host, once.
        auto other = m_parts->lease.coveredBy(*hostDbId, event.hostId, nowMs());
        if (!other) {
            handleWriteError(other.error());
            return;
        }
        if (*other)
            return;
    }
    std::optional<qint64> guestDbId;
    if (!event.uuid.isEmpty()) {
        auto id =
            m_parts->writer.guestId(*hostDbId, event.uuid, event.name, event.timeMs / 1000, false);
        if (!id) {
            handleWriteError(id.error());
            return;
        }
        guestDbId = *id;
    }
    if (auto added = m_parts->events.add(event, *hostDbId, guestDbId); !added) {
        handleWriteError(added.error());
        return;
    }
    if (Status s = tx.commit(); !s)
        handleWriteError(s.error());
}

void HistoryWorker::recordHostMemory(const QString &hostId, qint64 timeMs, quint64 totalKiB) {
    if (!writable())
        return;
    sqlite::Transaction tx(m_db);
    if (!tx.begun()) {
        handleWriteError(tx.begun().error());
        return;
    }
    auto hostDbId = m_parts->writer.hostId(hostId);
    if (!hostDbId) {
        handleWriteError(hostDbId.error());
        return;
    }
    if (Status s = m_parts->writer.writeHostMemory(*hostDbId, timeMs / 1000, totalKiB); !s) {
        handleWriteError(s.error());
        return;
    }
    if (Status s = tx.commit(); !s)
        handleWriteError(s.error());
}

void HistoryWorker::setRetention(const RetentionPolicy &policy) {
    m_options.retention = policy.normalized();
    if (m_parts)
        m_parts->compactor.setPolicy(m_options.retention);
}

void HistoryWorker::compactSlice() {
    if (!writable() || m_status.state == HistoryStatus::State::Paused)
        return;
    QElapsedTimer slice;
    slice.start();
    while (slice.elapsed() < CompactionSliceMs) {
        auto more = m_parts->compactor.step(nowMs() / 1000);
        if (!more) {
            if (sqlite::isCorrupt(more.error()))
                recoverFromCorruption(more.error());
            else if (!sqlite::isBusy(more.error()))
                qCWarning(lcHistory) << "compaction:" << more.error().message;
            return;
        }
        if (!*more)
            return;
    }
    m_sliceTimer->start(0); // more to do: after whatever else is queued
}

void HistoryWorker::compactNow() {
    if (!writable())
        return;
    if (auto moved = m_parts->compactor.flushInbox(); !moved) {
        handleWriteError(moved.error());
        return;
    }
    for (;;) {
        auto more = m_parts->compactor.step(nowMs() / 1000);
        if (!more) {
            qCWarning(lcHistory) << "compaction:" << more.error().message;
            return;
        }
        if (!*more)
            break;
    }
    m_parts->writer.inboxEmptied();
}

void HistoryWorker::heartbeat() {
    if (!writable())
        return;
    // Keep our leases while we poll; a host we stopped hearing from lapses on its own.
    QList<qint64> live;
    for (const HostState &host : std::as_const(m_hosts)) {
        const qint64 quiet = m_mono.elapsed() - host.lastCycleMono;
        if (host.recording && quiet < (m_options.leaseSeconds + 2LL * host.interval) * 1000)
            live.append(host.dbId);
    }
    if (live.isEmpty())
        return;
    if (Status s = m_parts->lease.renew(live, nowMs()); !s)
        qCWarning(lcHistory) << "could not renew leases:" << s.error().message;
}

bool HistoryWorker::ensureReadable(quint64 queryId) {
    if (m_parts)
        return true;
    Q_EMIT queryFailed(queryId,
                       Error::database(m_status.message.isEmpty() ? tr("The history is not open.")
                                                                  : m_status.message));
    return false;
}

template <class Value, class Signal>
void HistoryWorker::answer(quint64 id, const Result<Value> &result, Signal signal) {
    if (result)
        Q_EMIT(this->*signal)(id, *result);
    else
        Q_EMIT queryFailed(id, result.error());
}

void HistoryWorker::querySeries(quint64 id, const SeriesRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->reader.series(request), &HistoryWorker::seriesReady);
}

void HistoryWorker::queryAggregate(quint64 id, const AggregateRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->reader.aggregate(request), &HistoryWorker::aggregateReady);
}

void HistoryWorker::queryEvents(quint64 id, const EventRequest &request) {
    if (ensureReadable(id))
        answer(id, m_parts->events.query(request), &HistoryWorker::eventsReady);
}

void HistoryWorker::queryGuests(quint64 id, const QString &hostId) {
    if (ensureReadable(id))
        answer(id, m_parts->reader.guests(hostId), &HistoryWorker::guestsReady);
}

void HistoryWorker::queryLeases(quint64 id) {
    if (ensureReadable(id))
        answer(id, m_parts->lease.list(nowMs()), &HistoryWorker::leasesReady);
}

void HistoryWorker::barrier(quint64 id) {
    Q_EMIT barrierReached(id);
}

void HistoryWorker::shutdown() {
    m_compactTimer->stop();
    m_sliceTimer->stop();
    m_heartbeatTimer->stop();
    if (writable()) {
        if (Status s = m_parts->writer.flushSessions(); !s)
            qCWarning(lcHistory) << "could not close the sessions:" << s.error().message;
        if (auto moved = m_parts->compactor.flushInbox(); !moved)
            qCWarning(lcHistory) << "could not move the inbox:" << moved.error().message;
        for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it) {
            if (it->recording)
                writeRecordingEvent(it.key(), it->dbId, false);
        }
        if (Status s = m_parts->lease.releaseAll(); !s)
            qCWarning(lcHistory) << "could not release leases:" << s.error().message;
    }
    closeDatabase();
    setStatus(HistoryStatus::State::Closed);
    if (QThread *thread = QThread::currentThread();
        thread != QCoreApplication::instance()->thread())
        thread->quit();
}

} // namespace bs
