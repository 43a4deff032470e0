#include "AlertNotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace bs::gui {

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");

} // namespace

AlertNotifier::AlertNotifier(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus)) {}

void AlertNotifier::notify(const QString &hostName, const QList<AlertChange> &changes) {
    for (const AlertChange &c : changes) {
        const HealthFinding &f = c.finding;
        if (c.kind == AlertChange::Kind::Cleared) {
            close(f.condition);
            m_critical.remove(f.condition);
            continue;
        }
        if (f.severity < Severity::Warning || !m_enabled)
            continue;
        const bool critical = f.severity == Severity::Critical;
        const bool first = !m_shown.contains(f.condition);
        const bool becameCritical = critical && !m_critical.value(f.condition);
        if (!first && !becameCritical)
            continue; // one per condition until it clears (and one more when it turns critical)
        const QString who = f.guest.isEmpty() ? hostName : tr("%1 on %2").arg(f.guest, hostName);
        const QString summary = (critical ? tr("Critical: %1: %2") : tr("Warning: %1: %2"))
                                    .arg(who, healthRuleTitle(f.rule));
        send(f.condition, summary, f.message, critical, c.timeMs);
    }
}

void AlertNotifier::send(const QString &condition, const QString &summary, const QString &body,
                         bool critical, qint64 timeMs) {
    while (!m_sentMs.empty() && m_sentMs.front() <= timeMs - 60 * 1000)
        m_sentMs.pop_front();
    m_critical.insert(condition, critical);
    if (int(m_sentMs.size()) >= m_burst) {
        ++m_heldBack;
        m_shown.insert(condition, 0); // counts as told: no second one for it later
        return;
    }
    m_sentMs.push_back(timeMs);
    QString text = body;
    if (m_heldBack > 0) {
        text += QLatin1Char('\n') +
                tr("%n more alert(s) held back: see the Alerts page.", nullptr, m_heldBack);
        m_heldBack = 0;
    }
    const uint replaces = m_shown.value(condition, 0);
    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(critical ? 2 : 1)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("balloonscope"));
    call << QStringLiteral("Balloonscope") << replaces << QStringLiteral("balloonscope") << summary
         << text << QStringList() << hints << int(-1);
    m_shown.insert(condition, replaces);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, condition](QDBusPendingCallWatcher *w) {
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isValid() && m_shown.contains(condition)) {
                    m_shown[condition] = reply.value();
                    Q_EMIT acknowledged(condition, reply.value());
                }
                w->deleteLater();
            });
    Q_EMIT sent(summary, text);
}

void AlertNotifier::close(const QString &condition) {
    const auto it = m_shown.constFind(condition);
    if (it == m_shown.cend())
        return;
    if (*it != 0) {
        QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface,
                                                           QStringLiteral("CloseNotification"));
        call << *it;
        m_bus.asyncCall(call);
    }
    m_shown.erase(it);
}

} // namespace bs::gui
