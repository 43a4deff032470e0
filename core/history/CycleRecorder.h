#pragma once

#include "HistoryEvent.h"
#include "HistoryStatus.h"
#include "Sqlite.h"
#include "host/HostOverview.h"
#include "monitor/MemorySample.h"

#include <QHash>

#include <optional>
#include <variant>
#include <vector>

namespace bs::history {

class SampleWriter;
class HostSampleWriter;
class RecorderLease;
class EventLog;
class RollupCompactor;

// A poll cycle, a host sample or an event as it was handed over, with the clocks of its arrival:
// what the worker gathers into one batch (recordBatch).
struct PendingWrite {
    std::variant<PollCycle, HostSample, HistoryEvent> what;
    qint64 nowMs = 0;  // wall clock, ms since the epoch
    qint64 monoMs = 0; // the worker's monotonic clock
};

// The history worker's write side: each poll cycle, event or host size in one transaction (or a
// batch of cycles and host samples in one: recordBatch), and a host's samples only while this
// store holds its lease (RecorderLease.h). Errors come back as values; the worker decides what
// they mean (pause on a full disk, replace a damaged file).
class CycleRecorder {
public:
    CycleRecorder(sqlite::Database &db, SampleWriter &writer, HostSampleWriter &hostWriter,
                  RecorderLease &lease, EventLog &events, RollupCompactor &compactor,
                  WriterRole role);

    // Writes the cycle if this store may write the host. Returns the host's write state when it
    // changed with this cycle (the store started writing it, or another writer covers it now).
    Result<std::optional<HostWriteState>> record(const PollCycle &cycle, qint64 nowMs,
                                                 qint64 monoMs);
    // Lifecycle events are written by whoever records the host; the app's own actions always.
    Status recordEvent(const HistoryEvent &event, qint64 nowMs);
    Status recordHostMemory(const QString &hostId, qint64 timeMs, quint64 totalKiB);
    // The host's figures of a poll, written only while this store writes the host's polls (the
    // sample follows its cycle) and no other writer covers it: never twice. Returns whether it
    // was written.
    Result<bool> recordHost(const HostSample &sample, qint64 nowMs);
    // Cycles, host samples and events in one transaction, in their order, each as record(),
    // recordHost() or recordEvent() would write it alone. All or nothing: after a failure nothing
    // of the batch is stored (call forget(), then write them one by one to keep what can be kept).
    // Returns the hosts' write-state changes. Does not move the inbox: call moveInboxIfFull()
    // afterwards.
    Result<QList<HostWriteState>> recordBatch(const std::vector<PendingWrite> &writes);
    // Moves the inbox when it grew past its bounds (a burst of polls, many hosts).
    Status moveInboxIfFull();

    // Our leases to keep while we poll those hosts; a host not heard from lapses on its own.
    QList<qint64> liveHosts(qint64 monoMs, int leaseSeconds) const;
    // A clean stop: sessions closed, inbox moved, "recording stopped" markers, leases released.
    void stop(qint64 nowMs);
    // After a rollback: caches may name rows that are gone.
    void forget();
    // The inbox was moved by someone else (the compactor).
    void inboxEmptied();

private:
    struct HostState {
        qint64 dbId = 0;
        bool recording = false;
        bool known = false;
        qint64 lastCycleMono = 0;
        int interval = 0;
    };
    Status markRecording(const QString &uri, qint64 hostDbId, bool started, qint64 nowMs);
    // The parts of record(), recordHost() and recordEvent() inside the caller's transaction.
    Result<std::optional<HostWriteState>> writeCycle(const PollCycle &cycle, qint64 nowMs,
                                                     qint64 monoMs);
    Result<bool> writeHost(const HostSample &sample, qint64 nowMs);
    Status writeEvent(const HistoryEvent &event, qint64 nowMs);

    sqlite::Database &m_db;
    SampleWriter &m_writer;
    HostSampleWriter &m_hostWriter;
    RecorderLease &m_lease;
    EventLog &m_events;
    RollupCompactor &m_compactor;
    WriterRole m_role;
    QHash<QString, HostState> m_hosts;
};

} // namespace bs::history
