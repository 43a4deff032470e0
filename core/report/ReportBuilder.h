#pragma once

#include "ReportData.h"
#include "ReportFigures.h"
#include "common/Error.h"
#include "history/HistoryStatus.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace bs {

class HistoryReader;

// Gathers a report's data from the history through HistoryReader's asynchronous queries (never
// SQLite on the caller's thread): the host's guests, its aggregate, per guest the chart series,
// the raw polls, the roll-ups where raw samples no longer reach back, and the events, and for the
// Sizing section the guests' need over the sizing policy's window (adviseHost() on the answer),
// and for the Policies section the replay's guest and host series over the report's range
// (replayPolicies() on them).
// Lives on the store's thread (the GUI thread, or the CLI's main thread); the figures are worked
// out by ReportFigures once every answer is in.
class ReportBuilder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportBuilder)

public:
    explicit ReportBuilder(HistoryReader *store, QObject *parent = nullptr);
    ~ReportBuilder() override;

    // One report at a time; a second start() while one runs is ignored (returns false).
    bool start(const ReportRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int answered, int asked);
    void finished(const bs::ReportData &data);
    void failed(const bs::Error &error);

private:
    using Handler = std::function<void(const QVariant &)>;
    void ask(quint64 id, Handler handler);
    void onAnswer(quint64 id, const QVariant &value);
    void onFailed(quint64 id, const Error &error);
    void onGuests(const QList<GuestInfo> &guests);
    void askGuest(int index);
    void finishIfDone();
    void fail(const Error &error);

    HistoryReader *m_store;
    bool m_running = false;
    ReportRequest m_request;
    ReportData m_data;
    AggregateResult m_aggregate;
    std::optional<HostSeriesResult> m_hostSeries;
    std::optional<SeriesResult> m_replaySeries; // the Policies section's two answers
    std::optional<HostSeriesResult> m_replayHost;
    QHash<QString, QString> m_replayNames; // uuid → name, every guest of the host
    QList<GuestAnswers> m_answers;
    QHash<quint64, Handler> m_pending;
    int m_asked = 0;
    int m_answered = 0;
};

} // namespace bs
