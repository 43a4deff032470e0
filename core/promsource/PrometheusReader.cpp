#include "PrometheusReader.h"

#include "PrometheusHistory.h"

#include <QDateTime>
#include <QThread>

namespace bs::prom {

// Lives on the reader's thread: owns the blocking client (its QNetworkAccessManager belongs to
// that thread) and hands answers back through its signals, queued to the reader. A deleted
// reader is disconnected, so an answer that arrives after it is dropped.
class PrometheusWorker final : public QObject {
    Q_OBJECT

public:
    PrometheusWorker(QUrl server, int timeoutMs, std::shared_ptr<std::atomic_bool> cancel)
        : history(std::move(server), timeoutMs) {
        history.client().setCancelFlag(std::move(cancel));
    }

    PrometheusHistory history;

Q_SIGNALS:
    void seriesReady(quint64 id, const bs::SeriesResult &result);
    void samplesReady(quint64 id, const bs::SampleResult &result);
    void needsReady(quint64 id, const bs::NeedResult &result);
    void aggregateReady(quint64 id, const bs::AggregateResult &result);
    void hostSeriesReady(quint64 id, const bs::HostSeriesResult &result);
    void guestsReady(quint64 id, const QList<bs::GuestInfo> &guests);
    void recordedSpanReady(quint64 id, const bs::RecordedSpan &span);
    void queryFailed(quint64 id, const bs::Error &error);
};

PrometheusReader::PrometheusReader(QUrl server, int timeoutMs, QObject *parent)
    : HistoryReader(parent)
    , m_server(server)
    , m_cancel(std::make_shared<std::atomic_bool>(false)) {
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("prometheus"));
    m_worker = new PrometheusWorker(std::move(server), timeoutMs, m_cancel);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PrometheusWorker::seriesReady, this, &HistoryReader::seriesReady);
    connect(m_worker, &PrometheusWorker::samplesReady, this, &HistoryReader::samplesReady);
    connect(m_worker, &PrometheusWorker::needsReady, this, &HistoryReader::needsReady);
    connect(m_worker, &PrometheusWorker::aggregateReady, this, &HistoryReader::aggregateReady);
    connect(m_worker, &PrometheusWorker::hostSeriesReady, this, &HistoryReader::hostSeriesReady);
    connect(m_worker, &PrometheusWorker::guestsReady, this, &HistoryReader::guestsReady);
    connect(m_worker, &PrometheusWorker::recordedSpanReady, this,
            &HistoryReader::recordedSpanReady);
    connect(m_worker, &PrometheusWorker::queryFailed, this, &HistoryReader::queryFailed);
    m_thread->start();
}

PrometheusReader::~PrometheusReader() {
    // Whatever is in flight is abandoned (the client polls the flag every 50 ms), and whatever
    // is queued behind it runs against a cancelled client: it fails at once.
    m_cancel->store(true);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QString PrometheusReader::sourceName() const {
    return m_server.toDisplayString(QUrl::RemoveUserInfo);
}

quint64 PrometheusReader::post(Job job) {
    const quint64 id = ++m_lastId;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, job = std::move(job)] { job(*worker, id); },
        Qt::QueuedConnection);
    return id;
}

namespace {

// Emits a query's answer, or its failure, for `id`.
template <class Answer, class Signal>
void answer(PrometheusWorker &w, quint64 id, Result<Answer> result, Signal signal) {
    if (result)
        Q_EMIT(w.*signal)(id, *result);
    else
        Q_EMIT w.queryFailed(id, result.error());
}

} // namespace

quint64 PrometheusReader::querySeries(const SeriesRequest &request) {
    return post([request](PrometheusWorker &w, quint64 id) {
        answer(w, id, w.history.series(request), &PrometheusWorker::seriesReady);
    });
}

quint64 PrometheusReader::querySamples(const SampleRequest &request) {
    return post([request](PrometheusWorker &w, quint64 id) {
        answer(w, id, w.history.samples(request), &PrometheusWorker::samplesReady);
    });
}

quint64 PrometheusReader::queryNeeds(const NeedRequest &request) {
    return post([request](PrometheusWorker &w, quint64 id) {
        answer(w, id, w.history.needs(request), &PrometheusWorker::needsReady);
    });
}

quint64 PrometheusReader::queryAggregate(const AggregateRequest &request) {
    return post([request](PrometheusWorker &w, quint64 id) {
        answer(w, id, w.history.aggregate(request), &PrometheusWorker::aggregateReady);
    });
}

quint64 PrometheusReader::queryHostSeries(const HostSeriesRequest &request) {
    return post([request](PrometheusWorker &w, quint64 id) {
        answer(w, id, w.history.hostSeries(request), &PrometheusWorker::hostSeriesReady);
    });
}

quint64 PrometheusReader::queryEvents(const EventRequest &) {
    // A server keeps figures, not events: the answer is an empty list, queued like any answer.
    const quint64 id = ++m_lastId;
    QMetaObject::invokeMethod(
        this, [this, id] { Q_EMIT eventsReady(id, {}); }, Qt::QueuedConnection);
    return id;
}

quint64 PrometheusReader::queryGuests(const QString &hostId) {
    return post([hostId](PrometheusWorker &w, quint64 id) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        answer(w, id, w.history.guests(hostId, now - GuestLookBackMs, now),
               &PrometheusWorker::guestsReady);
    });
}

quint64 PrometheusReader::queryRecordedSpan(const RecordedSpanRequest &request) {
    return post([request](PrometheusWorker &w, quint64 id) {
        answer(w, id, w.history.recordedSpan(request, QDateTime::currentMSecsSinceEpoch()),
               &PrometheusWorker::recordedSpanReady);
    });
}

} // namespace bs::prom

#include "PrometheusReader.moc"
