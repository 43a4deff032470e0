#pragma once

#include "HistoryOptions.h"
#include "HistoryReader.h"
#include "HistoryStatus.h"
#include "host/HostOverview.h"
#include "monitor/MemorySample.h"

class QThread;

namespace bs {

class HistoryWorker;

// Balloonscope's history: poll cycles and events go in, decimated series come out. The public
// face of the history database; lives on the thread that created it (the GUI thread) and never
// touches SQLite itself: every call is queued to a HistoryWorker on the store's own thread, and
// every answer comes back as a signal carrying plain values and the id the call returned.
//
//   HistoryStore store;                                   // default path, role App
//   connect(host.worker(), &HostMonitor::cycleReady, &store, &HistoryStore::record);
//   store.open();
//   const quint64 id = store.querySeries({hostUri, {uuid}, {Metric::Used}, from, to, 1920});
//   connect(&store, &HistoryStore::seriesReady, ...);     // (id, SeriesResult)
//
// Several processes may share one database file (the app and a headless recorder): each host's
// samples are written by one of them at a time (RecorderLease.h); hostWriteStateChanged tells
// when this store leaves a host to a recorder and when it takes it back.
class HistoryStore final : public HistoryReader {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    explicit HistoryStore(HistoryOptions options = {}, QObject *parent = nullptr);
    // Finishes everything queued (no poll handed over is lost), moves the inbox, releases this
    // store's leases and closes the database.
    ~HistoryStore() override;

    QString path() const { return m_path; }
    // The last status the worker reported (statusChanged carries every change).
    const HistoryStatus &status() const { return m_status; }

    // Opens (or creates, migrates, replaces a damaged file): statusChanged tells the outcome.
    void open();
    // Shuts down as the destructor does; nothing is recorded afterwards.
    void close();

    // Writing. Ignored while the store cannot record (read-only, unavailable).
    void record(const bs::PollCycle &cycle);
    void recordEvent(const bs::HistoryEvent &event);
    void recordLifecycle(const bs::LifecycleEvent &event);
    // The host's own memory size (virNodeGetInfo), for the aggregate chart's reference line.
    void recordHostMemory(const QString &hostId, qint64 timeMs, quint64 totalKiB);
    // The host's own figures of a poll (HostOverviewFeed::sampleReady), written with the same
    // lease as the host's polls: not while a recorder covers the host.
    void recordHost(const bs::HostSample &sample);
    void setRetention(const bs::RetentionPolicy &policy);
    // Runs every pending roll-up, purge and inbox move now (tests, the benchmark, "tidy up").
    void compactNow();

    // Queries (HistoryReader): each returns an id, and the answer arrives in the matching signal
    // or queryFailed. Samples are every recorded poll, undecimated: only what the raw tier still
    // holds (SampleResult::rawFromMs). Needs come from the finest tier holding each part.
    quint64 querySeries(const bs::SeriesRequest &request) override;
    quint64 querySamples(const bs::SampleRequest &request) override;
    quint64 queryNeeds(const bs::NeedRequest &request) override;
    quint64 queryAggregate(const bs::AggregateRequest &request) override;
    quint64 queryHostSeries(const bs::HostSeriesRequest &request) override;
    quint64 queryEvents(const bs::EventRequest &request) override;
    quint64 queryGuests(const QString &hostId = {}) override;
    quint64 queryRecordedSpan(const bs::RecordedSpanRequest &request) override;
    QString sourceName() const override { return m_path; }
    bool isLocal() const override { return true; }
    quint64 queryLeases();
    // barrierReached(id) once everything queued before this call is done.
    quint64 barrier();
    // Blocks in a local event loop until everything queued so far is done: for the CLI and tests,
    // never for the GUI thread.
    bool waitForIdle(int timeoutMs = 30000);

Q_SIGNALS:
    void statusChanged(const bs::HistoryStatus &status);
    // A damaged file (or one that was not a database) was renamed to `movedTo` and a new,
    // empty history created in its place: tell the user once.
    void databaseReplaced(const QString &movedTo, const QString &reason);
    void hostWriteStateChanged(const bs::HostWriteState &state);
    void leasesReady(quint64 id, const QList<bs::HostLease> &leases);
    // An asynchronous write failed for another reason than a full disk (that is Paused status).
    void failed(const bs::Error &error);
    void barrierReached(quint64 id);

private:
    quint64 nextId() { return ++m_lastId; }

    QString m_path;
    HistoryStatus m_status;
    QThread *m_thread = nullptr;
    HistoryWorker *m_worker = nullptr;
    quint64 m_lastId = 0;
};

} // namespace bs
