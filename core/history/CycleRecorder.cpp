#include "CycleRecorder.h"

#include "EventLog.h"
#include "HostSampleWriter.h"
#include "RecorderLease.h"
#include "RollupCompactor.h"
#include "SampleWriter.h"
#include "common/Logging.h"

namespace bs::history {

namespace {

// A burst of polls (catching up, many hosts) moves the inbox before it grows past this.
constexpr qint64 InboxFlushSpanSeconds = 300;
constexpr qint64 InboxFlushRows = 50000;

} // namespace

CycleRecorder::CycleRecorder(sqlite::Database &db, SampleWriter &writer,
                             HostSampleWriter &hostWriter, RecorderLease &lease, EventLog &events,
                             RollupCompactor &compactor, WriterRole role)
    : m_db(db)
    , m_writer(writer)
    , m_hostWriter(hostWriter)
    , m_lease(lease)
    , m_events(events)
    , m_compactor(compactor)
    , m_role(role) {}

Result<std::optional<HostWriteState>> CycleRecorder::record(const PollCycle &cycle, qint64 nowMs,
                                                            qint64 monoMs) {
    std::optional<HostWriteState> change;
    {
        sqlite::Transaction tx(m_db);
        if (!tx.begun())
            return tx.begun().error();
        auto written = writeCycle(cycle, nowMs, monoMs);
        if (!written)
            return written.error();
        change = *written;
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    if (Status s = moveInboxIfFull(); !s)
        return s.error();
    return change;
}

Result<QList<HostWriteState>> CycleRecorder::recordBatch(const std::vector<PendingWrite> &writes) {
    QList<HostWriteState> changes;
    sqlite::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    for (const PendingWrite &write : writes) {
        if (const auto *cycle = std::get_if<PollCycle>(&write.what)) {
            auto change = writeCycle(*cycle, write.nowMs, write.monoMs);
            if (!change)
                return change.error();
            if (*change)
                changes.append(**change);
        } else if (const auto *sample = std::get_if<HostSample>(&write.what)) {
            if (auto written = writeHost(*sample, write.nowMs); !written)
                return written.error();
        } else if (const auto *event = std::get_if<HistoryEvent>(&write.what)) {
            if (Status s = writeEvent(*event, write.nowMs); !s)
                return s.error();
        }
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return changes;
}

Status CycleRecorder::moveInboxIfFull() {
    if (m_writer.inboxSpanSeconds() < InboxFlushSpanSeconds &&
        m_writer.inboxRows() < InboxFlushRows)
        return Status::success();
    auto moved = m_compactor.flushInbox();
    if (!moved)
        return moved.error();
    m_writer.inboxEmptied();
    return Status::success();
}

Result<std::optional<HostWriteState>> CycleRecorder::writeCycle(const PollCycle &cycle,
                                                                qint64 nowMs, qint64 monoMs) {
    // The host's state changes before the commit: every failure ends in forget(), which makes
    // the next cycle tell the host's state again.
    HostState &host = m_hosts[cycle.hostId];
    std::optional<HostWriteState> change;
    auto hostDbId = m_writer.hostId(cycle.hostId);
    if (!hostDbId)
        return hostDbId.error();
    host.dbId = *hostDbId;
    auto lease = m_lease.claim(*hostDbId, cycle.hostId, nowMs);
    if (!lease)
        return lease.error();
    if (lease->mine) {
        if (auto written = m_writer.write(*hostDbId, cycle); !written)
            return written.error();
    }
    if (!host.known || host.recording != lease->mine) {
        if (lease->mine) {
            if (Status s = markRecording(cycle.hostId, host.dbId, true, nowMs); !s)
                return s.error();
        } else {
            qCInfo(lcHistory) << cycle.hostId << "is recorded by" << lease->describe()
                              << "- not writing it";
        }
        change = HostWriteState{cycle.hostId, lease->mine, *lease};
    }
    host.known = true;
    host.recording = lease->mine;
    host.lastCycleMono = monoMs;
    host.interval = cycle.intervalSeconds;
    return change;
}

Status CycleRecorder::markRecording(const QString &uri, qint64 hostDbId, bool started,
                                    qint64 nowMs) {
    HistoryEvent event;
    event.timeMs = nowMs;
    event.hostId = uri;
    event.kind = HistoryEvent::Kind::Recording;
    event.code = started ? 1 : 0;
    event.source = writerRoleKey(m_role);
    auto added = m_events.add(event, hostDbId, std::nullopt);
    return added ? Status::success() : Status(added.error());
}

Status CycleRecorder::recordEvent(const HistoryEvent &event, qint64 nowMs) {
    sqlite::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (Status s = writeEvent(event, nowMs); !s)
        return s;
    return tx.commit();
}

Status CycleRecorder::writeEvent(const HistoryEvent &event, qint64 nowMs) {
    auto hostDbId = m_writer.hostId(event.hostId);
    if (!hostDbId)
        return hostDbId.error();
    if (event.kind == HistoryEvent::Kind::Lifecycle) {
        auto other = m_lease.coveredBy(*hostDbId, event.hostId, nowMs);
        if (!other)
            return other.error();
        if (*other)
            return Status::success(); // the writer that covers the host records it, once
    }
    std::optional<qint64> guestDbId;
    if (!event.uuid.isEmpty()) {
        auto id = m_writer.guestId(*hostDbId, event.uuid, event.name, event.timeMs / 1000, false);
        if (!id)
            return id.error();
        guestDbId = *id;
    }
    if (auto added = m_events.add(event, *hostDbId, guestDbId); !added)
        return added.error();
    return Status::success();
}

Status CycleRecorder::recordHostMemory(const QString &hostId, qint64 timeMs, quint64 totalKiB) {
    sqlite::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto hostDbId = m_writer.hostId(hostId);
    if (!hostDbId)
        return hostDbId.error();
    if (Status s = m_writer.writeHostMemory(*hostDbId, timeMs / 1000, totalKiB); !s)
        return s;
    return tx.commit();
}

Result<bool> CycleRecorder::recordHost(const HostSample &sample, qint64 nowMs) {
    const auto host = m_hosts.constFind(sample.hostId);
    if (host == m_hosts.cend() || !host->known || !host->recording)
        return false; // no poll of ours yet, or another writer covers the host
    sqlite::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto written = writeHost(sample, nowMs);
    if (!written || !*written)
        return written;
    if (Status s = tx.commit(); !s)
        return s.error();
    return true;
}

Result<bool> CycleRecorder::writeHost(const HostSample &sample, qint64 nowMs) {
    const auto host = m_hosts.constFind(sample.hostId);
    if (host == m_hosts.cend() || !host->known || !host->recording)
        return false; // no poll of ours yet, or another writer covers the host
    // Taken over since its cycle (a recorder started in between): the new holder writes it.
    auto other = m_lease.coveredBy(host->dbId, sample.hostId, nowMs);
    if (!other)
        return other.error();
    if (*other)
        return false;
    if (Status s = m_hostWriter.write(host->dbId, sample); !s)
        return s.error();
    if (Status s = m_compactor.rerollHost(host->dbId, sample.timeMs / 1000); !s)
        return s.error();
    return true;
}

QList<qint64> CycleRecorder::liveHosts(qint64 monoMs, int leaseSeconds) const {
    QList<qint64> live;
    for (const HostState &host : m_hosts) {
        const qint64 quiet = monoMs - host.lastCycleMono;
        if (host.recording && quiet < (leaseSeconds + 2LL * host.interval) * 1000)
            live.append(host.dbId);
    }
    return live;
}

void CycleRecorder::stop(qint64 nowMs) {
    if (Status s = m_writer.flushSessions(); !s)
        qCWarning(lcHistory) << "could not close the sessions:" << s.error().message;
    if (auto moved = m_compactor.flushInbox(); !moved)
        qCWarning(lcHistory) << "could not move the inbox:" << moved.error().message;
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it) {
        if (!it->recording)
            continue;
        if (Status s = markRecording(it.key(), it->dbId, false, nowMs); !s)
            qCWarning(lcHistory) << "could not mark recording stopped:" << s.error().message;
    }
    if (Status s = m_lease.releaseAll(); !s)
        qCWarning(lcHistory) << "could not release leases:" << s.error().message;
    m_hosts.clear();
}

void CycleRecorder::forget() {
    m_writer.forget();
    for (HostState &host : m_hosts)
        host.known = false; // told again after the next successful cycle
}

void CycleRecorder::inboxEmptied() {
    m_writer.inboxEmptied();
}

} // namespace bs::history
