#pragma once

#include "health/AlertTracker.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>

#include <deque>

namespace bs::gui {

// Desktop notifications for alerts, through the freedesktop Notifications service on the
// session bus (org.freedesktop.Notifications, any desktop's notification daemon): one per
// condition when it is raised (warnings and critical ones; notes never), one more if it becomes
// critical, and the notification is closed when the condition clears. At most `burst`
// notifications a minute; the ones held back are counted and said in the next one. Calls are
// asynchronous: a missing or hung notification daemon never blocks the window.
class AlertNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertNotifier)

public:
    explicit AlertNotifier(QDBusConnection bus = QDBusConnection::sessionBus(),
                           QObject *parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setBurst(int perMinute) { m_burst = perMinute; }
    int heldBack() const { return m_heldBack; }

    // `hostName`: how the window names the host.
    void notify(const QString &hostName, const QList<bs::AlertChange> &changes);

Q_SIGNALS:
    // A notification was handed to the bus (for the status bar and tests).
    void sent(const QString &summary, const QString &body);
    // The notification server answered with its id for the condition's notification.
    void acknowledged(const QString &condition, uint id);

private:
    void send(const QString &condition, const QString &summary, const QString &body, bool critical,
              qint64 timeMs);
    void close(const QString &condition);

    QDBusConnection m_bus;
    bool m_enabled = true;
    int m_burst = 5;
    int m_heldBack = 0;
    std::deque<qint64> m_sentMs;     // within the last minute
    QHash<QString, uint> m_shown;    // condition → the daemon's id (0 until it answered)
    QHash<QString, bool> m_critical; // condition → notified as critical already
};

} // namespace bs::gui
