#include "RefreshScheduler.h"

namespace bs::gui {

RefreshScheduler::RefreshScheduler(QObject *parent)
    : QObject(parent) {
    for (QTimer *timer : {&m_soon, &m_debounce, &m_live}) {
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, &RefreshScheduler::fire);
    }
    m_soon.setInterval(0);
    m_debounce.setInterval(DebounceMs);
    m_clock.start();
}

void RefreshScheduler::requestNow() {
    m_debounce.stop();
    m_live.stop();
    m_soon.start();
}

void RefreshScheduler::requestDebounced() {
    m_live.stop();
    m_debounce.start(); // restarted by every step of the gesture
}

void RefreshScheduler::requestLive(qint64 minIntervalMs) {
    if (m_soon.isActive() || m_debounce.isActive() || m_live.isActive())
        return; // a read is coming anyway
    const qint64 since = m_lastStart < 0 ? minIntervalMs : m_clock.elapsed() - m_lastStart;
    const qint64 wait = qMax<qint64>(MinLiveIntervalMs, minIntervalMs - since);
    m_live.start(int(qMin<qint64>(wait, 3600 * 1000)));
}

void RefreshScheduler::fire() {
    if (m_inFlight) {
        m_pending = true;
        return;
    }
    Q_EMIT due();
}

void RefreshScheduler::roundStarted() {
    m_inFlight = true;
    m_pending = false;
    m_lastStart = m_clock.elapsed();
    ++m_rounds;
}

void RefreshScheduler::roundFinished() {
    m_inFlight = false;
    if (m_pending) {
        m_pending = false;
        m_soon.start();
    }
}

} // namespace bs::gui
