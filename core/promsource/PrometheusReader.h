#pragma once

#include "history/HistoryReader.h"

#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace bs::prom {

class PrometheusWorker;

// The history as a Prometheus-compatible server keeps it, behind the same face as this
// computer's history (HistoryReader): each query runs on the reader's own thread
// (PrometheusHistory, blocking HTTP) and its answer comes back as a signal, so the window never
// waits on the network. Queries run one after another, each one's HTTP requests in parallel.
// A server that hangs fails the query at the timeout; deleting the reader abandons whatever is
// in flight at once (within 50 ms), so switching sources never freezes the window.
// The server keeps no events: queryEvents answers an empty list.
class PrometheusReader final : public HistoryReader {
    Q_OBJECT

public:
    explicit PrometheusReader(QUrl server, int timeoutMs = 30000, QObject *parent = nullptr);
    ~PrometheusReader() override;

    quint64 querySeries(const bs::SeriesRequest &request) override;
    quint64 querySamples(const bs::SampleRequest &request) override;
    quint64 queryNeeds(const bs::NeedRequest &request) override;
    quint64 queryAggregate(const bs::AggregateRequest &request) override;
    quint64 queryHostSeries(const bs::HostSeriesRequest &request) override;
    quint64 queryEvents(const bs::EventRequest &request) override;
    quint64 queryGuests(const QString &hostId = {}) override;
    quint64 queryRecordedSpan(const bs::RecordedSpanRequest &request) override;
    QString sourceName() const override;
    bool isLocal() const override { return false; }

    // The range the guest list looks at (the server's series API needs one): the last 400 days.
    static constexpr qint64 GuestLookBackMs = 400LL * 86400 * 1000;

private:
    using Job = std::function<void(PrometheusWorker &, quint64 id)>;
    quint64 post(Job job);

    QUrl m_server;
    QThread *m_thread = nullptr;
    PrometheusWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_lastId = 0;
};

} // namespace bs::prom
