#pragma once

#include "LiveRange.h"
#include "common/Error.h"
#include "common/Units.h"
#include "history/HistoryEvent.h"
#include "history/SeriesTypes.h"
#include "model/Metric.h"

#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QSettings;
class QTimer;
class QVBoxLayout;

namespace bs {
class HistoryReader;
struct GuestInfo;
} // namespace bs

namespace bs::gui {

class EnvelopeChart;
class HistoryPressureLane;
class GuestPicker;
class HistoryBanner;
class HistoryService;
class HistorySourceBar;
class RangeBar;
class RecordedSinceLabel;
class RefreshScheduler;

// The "History" page: a time range (presets that follow now, or from/to), a guest chart that
// compares the ticked guests on one metric, and a host chart (Σ used vs Σ actual vs host total,
// host free, KSM saved), both with event markers and a crosshair, on one time axis. Zoom (wheel)
// and pan (drag) re-read the history 150 ms after the gesture, with the plot's width as the
// point budget; while the range ends now, new polls are appended as they are recorded.
// Until the user chooses a range, the page opens on the default preset, or on the host's recorded
// history when that is shorter (a new user sees the minutes recorded so far across the chart, not
// a sliver at the right of an empty hour).
// Everything comes from the store's queries as plain values: no SQLite on this thread.
class HistoryPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    static constexpr qint64 DefaultPresetSeconds = 3600;
    // A server's live range (and, while it has none, its hosts and guests) is read again this
    // often: no local polls drive it.
    static constexpr int ServerRefreshMs = 15000;
    // A server's query fails after this long without an answer; the page never waits on it.
    static constexpr int ServerTimeoutMs = 20000;

    explicit HistoryPage(HistoryService *service, QWidget *parent = nullptr);
    ~HistoryPage() override;

    // The window's current host: charted while the source is this computer's history.
    void setHost(const QString &hostId, const QString &displayName);
    // Offers the source picker (this computer or a saved Prometheus-compatible server), its
    // servers and choice kept in `settings`.
    void enableSources(QSettings &settings);
    // Reads from a Prometheus-compatible server (its URL with credentials), or this computer's
    // history (empty URL). The server's hosts are listed in the source bar; the window's host
    // is chosen when the server has it.
    void setSource(const QUrl &server, const QString &name);
    bool readsServer() const;
    // The chosen server's URL with its credentials (empty for this computer's history).
    QUrl serverUrl() const { return m_serverUrl; }
    // How long a server's query may go unanswered (tests shorten it).
    void setServerTimeoutMs(int ms) { m_serverTimeoutMs = ms; }
    void setServerRefreshMs(int ms);
    HistorySourceBar *sourceBar() const { return m_sources; }
    HistoryReader *reader() const { return m_store; }
    QString hostId() const { return m_hostId; }
    // The guests to compare (the guest table's selection): replaces the ticked ones.
    void showGuests(const QStringList &uuids);
    void setMetric(Metric metric);
    void setUnit(units::SizeUnit unit);
    // The user's choice of a range: a preset that ends now and follows the newest polls
    // (seconds, or RangeBar::SinceRecordingBegan), or a fixed one. The page no longer picks one.
    void showPreset(qint64 seconds);
    void showRange(qint64 fromMs, qint64 toMs);
    bool isLive() const { return m_live; }
    // Whether the range runs from the first recorded poll (with a margin) to now.
    bool showsSinceRecordingBegan() const { return m_live && m_fromRecording; }
    const RecordedSpan &recordedSpan() const { return m_recorded; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    // Wall clock, ms since the epoch (tests inject a fixed "now").
    void setClock(std::function<qint64()> nowMs);

    RangeBar *rangeBar() const { return m_rangeBar; }
    RecordedSinceLabel *recordedSinceLabel() const { return m_recordedSince; }
    EnvelopeChart *guestChart() const { return m_guestChart; }
    EnvelopeChart *hostChart() const { return m_hostChart; }
    HistoryPressureLane *pressureLane() const { return m_pressureLane; }
    GuestPicker *guestPicker() const { return m_picker; }
    QComboBox *metricBox() const { return m_metric; }
    HistoryBanner *banner() const { return m_banner; }
    RefreshScheduler *scheduler() const { return m_scheduler; }
    int seriesQueries() const { return m_seriesQueries; }
    int hostQueries() const { return m_hostQueries; }

Q_SIGNALS:
    // A round of queries was answered and drawn.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void issueRound();
    void abandonRound();
    void answered();
    void onSeries(quint64 id, const SeriesResult &result);
    void onHostSeries(quint64 id, const HostSeriesResult &result);
    void onEvents(quint64 id, const QList<HistoryEvent> &events);
    void onGuests(quint64 id, const QList<GuestInfo> &guests);
    void onRecordedSpan(quint64 id, const RecordedSpan &span);
    void onFailed(quint64 id, const Error &error);
    void onCycle(const PollCycle &cycle);
    void onEventQueued(const HistoryEvent &event);
    void onView(EnvelopeChart *source, qint64 fromMs, qint64 toMs);
    void onChecked();
    void queryGuests();
    void queryRecordedSpan();
    void switchHost(const QString &hostId, const QString &displayName);
    void connectReader();
    void onServerHosts(const QList<GuestInfo> &guests);
    void applyPreset(qint64 seconds);
    void followNow();
    qint64 livePreset() const;  // the preset to follow: its seconds, or SinceRecordingBegan
    qint64 shownPreset() const; // what the range bar says it shows
    void setChartsRange(qint64 fromMs, qint64 toMs);
    void updateTitles();

    HistoryService *m_service;
    HistoryReader *m_store;
    std::unique_ptr<HistoryReader> m_server; // the chosen server's reader, if any
    HistorySourceBar *m_sources = nullptr;
    QVBoxLayout *m_layout;
    QTimer *m_serverRefresh; // a server's live range: read again every ServerRefreshMs
    HistoryBanner *m_banner;
    RangeBar *m_rangeBar;
    RecordedSinceLabel *m_recordedSince;
    GuestPicker *m_picker;
    QComboBox *m_metric;
    QLabel *m_guestTitle;
    QLabel *m_hostTitle;
    EnvelopeChart *m_guestChart;
    EnvelopeChart *m_hostChart;
    HistoryPressureLane *m_pressureLane;
    RefreshScheduler *m_scheduler;
    std::function<qint64()> m_now;

    QString m_hostId;
    QString m_hostName;
    QString m_localHostId; // the window's host
    QString m_localHostName;
    quint64 m_serverHostsId = 0;
    QString m_serverName; // the chosen server's name; empty for this computer
    QUrl m_serverUrl;
    int m_serverTimeoutMs = ServerTimeoutMs;
    bool m_live = true;
    LiveRange m_range{DefaultPresetSeconds * 1000};
    bool m_fromRecording = false; // the live range starts at the first recorded poll
    RecordedSpan m_recorded;      // of m_hostId, empty until known
    quint64 m_spanId = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QList<HistoryEvent> m_events;

    // The round of queries in flight (ids 0 once answered or abandoned).
    quint64 m_seriesId = 0;
    quint64 m_hostSeriesId = 0;
    quint64 m_eventsId = 0;
    quint64 m_laneId = 0;
    std::optional<Error> m_roundError; // a query of this round failed
    quint64 m_guestsId = 0;
    int m_outstanding = 0;
    bool m_roundLive = false;
    qint64 m_roundFrom = 0;
    qint64 m_roundTo = 0;
    qint64 m_bucketMs = 0;
    int m_budget = 0;
    bool m_dirty = false;
    int m_seriesQueries = 0;
    int m_hostQueries = 0;
};

} // namespace bs::gui
