#include "HistoryStore.h"

#include "HistoryWorker.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>

namespace bs {

HistoryStore::HistoryStore(HistoryOptions options, QObject *parent)
    : HistoryReader(parent)
    , m_path(options.path.isEmpty() ? defaultHistoryPath() : options.path) {
    options.path = m_path;
    m_status.path = m_path;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("history"));
    m_worker = new HistoryWorker(std::move(options));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &HistoryWorker::statusChanged, this, [this](const HistoryStatus &status) {
        m_status = status;
        Q_EMIT statusChanged(status);
    });
    connect(m_worker, &HistoryWorker::databaseReplaced, this, &HistoryStore::databaseReplaced);
    connect(m_worker, &HistoryWorker::hostWriteStateChanged, this,
            &HistoryStore::hostWriteStateChanged);
    connect(m_worker, &HistoryWorker::seriesReady, this, &HistoryStore::seriesReady);
    connect(m_worker, &HistoryWorker::samplesReady, this, &HistoryStore::samplesReady);
    connect(m_worker, &HistoryWorker::needsReady, this, &HistoryStore::needsReady);
    connect(m_worker, &HistoryWorker::aggregateReady, this, &HistoryStore::aggregateReady);
    connect(m_worker, &HistoryWorker::hostSeriesReady, this, &HistoryStore::hostSeriesReady);
    connect(m_worker, &HistoryWorker::eventsReady, this, &HistoryStore::eventsReady);
    connect(m_worker, &HistoryWorker::guestsReady, this, &HistoryStore::guestsReady);
    connect(m_worker, &HistoryWorker::recordedSpanReady, this, &HistoryStore::recordedSpanReady);
    connect(m_worker, &HistoryWorker::leasesReady, this, &HistoryStore::leasesReady);
    connect(m_worker, &HistoryWorker::queryFailed, this, &HistoryStore::queryFailed);
    connect(m_worker, &HistoryWorker::failed, this, &HistoryStore::failed);
    connect(m_worker, &HistoryWorker::barrierReached, this, &HistoryStore::barrierReached);
    m_thread->start();
}

HistoryStore::~HistoryStore() {
    close();
}

void HistoryStore::close() {
    if (!m_thread)
        return;
    // Queued behind every write handed over so far: those are committed before it runs.
    QMetaObject::invokeMethod(m_worker, &HistoryWorker::shutdown, Qt::QueuedConnection);
    m_thread->wait(); // local disk work only: each step is one short transaction
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    m_status.state = HistoryStatus::State::Closed;
}

void HistoryStore::open() {
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &HistoryWorker::open, Qt::QueuedConnection);
}

void HistoryStore::record(const PollCycle &cycle) {
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, cycle] { w->recordCycle(cycle); }, Qt::QueuedConnection);
}

void HistoryStore::recordEvent(const HistoryEvent &event) {
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, event] { w->recordEvent(event); }, Qt::QueuedConnection);
}

void HistoryStore::recordLifecycle(const LifecycleEvent &event) {
    recordEvent(HistoryEvent::fromLifecycle(event));
}

void HistoryStore::recordHostMemory(const QString &hostId, qint64 timeMs, quint64 totalKiB) {
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker,
            [w = m_worker, hostId, timeMs, totalKiB] {
                w->recordHostMemory(hostId, timeMs, totalKiB);
            },
            Qt::QueuedConnection);
}

void HistoryStore::recordHost(const HostSample &sample) {
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, sample] { w->recordHost(sample); }, Qt::QueuedConnection);
}

void HistoryStore::setRetention(const RetentionPolicy &policy) {
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, policy] { w->setRetention(policy); }, Qt::QueuedConnection);
}

void HistoryStore::compactNow() {
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &HistoryWorker::compactNow, Qt::QueuedConnection);
}

quint64 HistoryStore::querySeries(const SeriesRequest &request) {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id, request] { w->querySeries(id, request); },
            Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::querySamples(const SampleRequest &request) {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id, request] { w->querySamples(id, request); },
            Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::queryNeeds(const NeedRequest &request) {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id, request] { w->queryNeeds(id, request); },
            Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::queryAggregate(const AggregateRequest &request) {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id, request] { w->queryAggregate(id, request); },
            Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::queryHostSeries(const HostSeriesRequest &request) {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id, request] { w->queryHostSeries(id, request); },
            Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::queryEvents(const EventRequest &request) {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id, request] { w->queryEvents(id, request); },
            Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::queryGuests(const QString &hostId) {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id, hostId] { w->queryGuests(id, hostId); },
            Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::queryRecordedSpan(const RecordedSpanRequest &request) {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id, request] { w->queryRecordedSpan(id, request); },
            Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::queryLeases() {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id] { w->queryLeases(id); }, Qt::QueuedConnection);
    return id;
}

quint64 HistoryStore::barrier() {
    const quint64 id = nextId();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, id] { w->barrier(id); }, Qt::QueuedConnection);
    return id;
}

bool HistoryStore::waitForIdle(int timeoutMs) {
    if (!m_worker)
        return false;
    QEventLoop loop;
    bool reached = false;
    const quint64 id = barrier();
    const auto connection = connect(this, &HistoryStore::barrierReached, &loop, [&](quint64 got) {
        if (got == id) {
            reached = true;
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    disconnect(connection);
    return reached;
}

} // namespace bs
