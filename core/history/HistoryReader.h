#pragma once

#include "HistoryEvent.h"
#include "HistoryStatus.h"
#include "NeedQuery.h"
#include "SampleQuery.h"
#include "SeriesTypes.h"
#include "common/Error.h"

#include <QObject>

namespace bs {

// Where the history is read from: this computer's database (HistoryStore) or a
// Prometheus-compatible server that scraped recorders (promsource/PrometheusReader). Every
// reader of the history (the History, Sizing and Policies pages, reports, the CLI) asks through
// this face and never blocks: each query returns an id at once, and its answer arrives in the
// matching signal, or queryFailed, on the thread that owns the reader.
class HistoryReader : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryReader)

public:
    using QObject::QObject;

    virtual quint64 querySeries(const bs::SeriesRequest &request) = 0;
    // Every poll (or, for a server, every scrape step) of the guests in range (SampleQuery.h).
    virtual quint64 querySamples(const bs::SampleRequest &request) = 0;
    // Every guest's need over a window (NeedQuery.h): the sizing advisor's input.
    virtual quint64 queryNeeds(const bs::NeedRequest &request) = 0;
    virtual quint64 queryAggregate(const bs::AggregateRequest &request) = 0;
    virtual quint64 queryHostSeries(const bs::HostSeriesRequest &request) = 0;
    virtual quint64 queryEvents(const bs::EventRequest &request) = 0;
    // The guests with history on the host (every host's when empty).
    virtual quint64 queryGuests(const QString &hostId = {}) = 0;
    // Since when the host (or the listed guests) has history, and until when: RecordedSpan.
    virtual quint64 queryRecordedSpan(const bs::RecordedSpanRequest &request) = 0;

    // Where the history comes from, for titles and notes: the file, or the server's URL.
    virtual QString sourceName() const = 0;
    // True for this computer's database: events, raw polls and lease states exist only there.
    virtual bool isLocal() const = 0;

Q_SIGNALS:
    void seriesReady(quint64 id, const bs::SeriesResult &result);
    void samplesReady(quint64 id, const bs::SampleResult &result);
    void needsReady(quint64 id, const bs::NeedResult &result);
    void aggregateReady(quint64 id, const bs::AggregateResult &result);
    void hostSeriesReady(quint64 id, const bs::HostSeriesResult &result);
    void eventsReady(quint64 id, const QList<bs::HistoryEvent> &events);
    void guestsReady(quint64 id, const QList<bs::GuestInfo> &guests);
    void recordedSpanReady(quint64 id, const bs::RecordedSpan &span);
    void queryFailed(quint64 id, const bs::Error &error);
};

} // namespace bs
