#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace bs::gui {

// When the History page reads the history again, in tiers (as Wireshark's IO graph does):
// - at once for a new range, host, metric or set of guests;
// - 150 ms after the user stops zooming or panning (debounced: one read per gesture);
// - after new polls while the range follows now, coalesced, never more often than every 40 ms
//   (25 Hz) nor than the chart's resolution makes worthwhile.
// One round of queries at a time: a request while a round runs is served when it ends.
class RefreshScheduler final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshScheduler)

public:
    static constexpr int DebounceMs = 150;
    static constexpr int MinLiveIntervalMs = 40;

    explicit RefreshScheduler(QObject *parent = nullptr);

    void requestNow();
    void requestDebounced();
    // New data: no sooner than minIntervalMs after the last round started (at least 40 ms).
    void requestLive(qint64 minIntervalMs);

    void roundStarted();
    void roundFinished();
    bool inFlight() const { return m_inFlight; }
    int rounds() const { return m_rounds; }

Q_SIGNALS:
    void due();

private:
    void fire();

    QTimer m_soon;
    QTimer m_debounce;
    QTimer m_live;
    QElapsedTimer m_clock;
    qint64 m_lastStart = -1;
    bool m_inFlight = false;
    bool m_pending = false;
    int m_rounds = 0;
};

} // namespace bs::gui
