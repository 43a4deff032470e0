#include "StallMonitor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>

namespace bs::gui {

std::unique_ptr<StallMonitor> StallMonitor::fromEnvironment() {
    const QString path = qEnvironmentVariable("BALLOONSCOPE_STALL_LOG");
    if (path.isEmpty())
        return nullptr;
    return std::make_unique<StallMonitor>(path);
}

StallMonitor::StallMonitor(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_timer(new QTimer(this))
    , m_writeTimer(new QTimer(this)) {
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(TickMs);
    connect(m_timer, &QTimer::timeout, this, &StallMonitor::tick);
    m_writeTimer->setInterval(1000);
    connect(m_writeTimer, &QTimer::timeout, this, &StallMonitor::write);
    // The last second counts too when the application quits normally.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &StallMonitor::write);
    m_startEpochMs = QDateTime::currentMSecsSinceEpoch();
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer->start();
    m_writeTimer->start();
}

StallMonitor::~StallMonitor() = default;

void StallMonitor::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 lateUs = std::max<qint64>(0, (now - m_lastNs) / 1000 - TickMs * 1000);
    m_lastNs = now;
    ++m_count;
    m_maxUs = std::max(m_maxUs, lateUs);
    if (lateUs / BucketUs < Buckets)
        ++m_buckets[size_t(lateUs / BucketUs)];
    else
        m_overflowUs.push_back(lateUs);
    const size_t second = size_t(now / 1000000000);
    if (m_secondMaxMs.size() <= second)
        m_secondMaxMs.resize(second + 1, 0.0);
    m_secondMaxMs[second] = std::max(m_secondMaxMs[second], double(lateUs) / 1000.0);
}

// The upper edge of the bucket holding that fraction of the ticks: never flatters.
double StallMonitor::percentileMs(double fraction) const {
    if (m_count == 0)
        return 0.0;
    const qint64 rank = std::max<qint64>(1, qint64(double(m_count) * fraction + 0.999999));
    qint64 seen = 0;
    for (int i = 0; i < Buckets; ++i) {
        seen += m_buckets[size_t(i)];
        if (seen >= rank)
            return double((i + 1) * BucketUs) / 1000.0;
    }
    std::vector<qint64> sorted = m_overflowUs;
    std::sort(sorted.begin(), sorted.end());
    const size_t at = size_t(std::min<qint64>(rank - seen - 1, qint64(sorted.size()) - 1));
    return double(sorted[at]) / 1000.0;
}

void StallMonitor::write() const {
    QJsonArray seconds;
    for (double ms : m_secondMaxMs)
        seconds.append(qRound(ms * 100.0) / 100.0);
    QJsonObject o;
    o.insert(QStringLiteral("tickMs"), TickMs);
    o.insert(QStringLiteral("startEpochMs"), m_startEpochMs);
    o.insert(QStringLiteral("ticks"), m_count);
    o.insert(QStringLiteral("p50Ms"), percentileMs(0.50));
    o.insert(QStringLiteral("p90Ms"), percentileMs(0.90));
    o.insert(QStringLiteral("p99Ms"), percentileMs(0.99));
    o.insert(QStringLiteral("p999Ms"), percentileMs(0.999));
    o.insert(QStringLiteral("maxMs"), double(m_maxUs) / 1000.0);
    o.insert(QStringLiteral("secondMaxMs"), seconds);
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

} // namespace bs::gui
