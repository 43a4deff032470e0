#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <array>
#include <memory>
#include <vector>

class QTimer;

namespace bs::gui {

// Measures how long the GUI thread's event loop stalls, for the benchmarks (docs/PERFORMANCE.md).
// Off unless BALLOONSCOPE_STALL_LOG names a file: then a 5 ms precise timer runs on the GUI thread
// and each tick's lateness (time since the previous tick minus 5 ms) is counted; a stall of 80 ms
// shows as one tick 80 ms late. Once a second and at exit the file gets JSON: percentiles and
// maximum of the lateness in ms, and the maximum of every second (to tell phases apart).
class StallMonitor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallMonitor)

public:
    // Null unless the environment asks for it.
    static std::unique_ptr<StallMonitor> fromEnvironment();

    explicit StallMonitor(QString path, QObject *parent = nullptr);
    ~StallMonitor() override;

    static constexpr int TickMs = 5;

private:
    void tick();
    void write() const;
    double percentileMs(double fraction) const;

    // Lateness in buckets of 250 us up to 1 s; later ticks are kept exactly.
    static constexpr int BucketUs = 250;
    static constexpr int Buckets = 4000;

    QString m_path;
    QTimer *m_timer;
    QTimer *m_writeTimer;
    QElapsedTimer m_clock;
    qint64 m_startEpochMs = 0;
    qint64 m_lastNs = 0;
    qint64 m_count = 0;
    qint64 m_maxUs = 0;
    std::array<qint64, Buckets> m_buckets{};
    std::vector<qint64> m_overflowUs;
    std::vector<double> m_secondMaxMs; // index: whole seconds since the start
};

} // namespace bs::gui
