#pragma once

#include "health/HealthWatch.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace bs {
struct BalloonChangeEvent;
}

namespace bs::gui {

class AlertNotifier;
class AlertsModel;
class AlertsPage;
class HistoryService;
class Workbench;

// Balloon health in the window (issue 16): the watchdog (HealthWatch) fed with every watched
// host's polls and host figures, its alerts on the "Alerts" page, as desktop notifications and
// as history markers (with each guest's change of readiness verdict); the rules' levels and the
// notifications switch kept in the settings. Targets the window sets become the stuck-balloon
// rule's reference (balloonChanged).
class AlertsFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsFeature)

public:
    // `history` may be null (no markers); `bus`: where notifications go.
    AlertsFeature(Workbench *bench, HistoryService *history,
                  QDBusConnection bus = QDBusConnection::sessionBus());
    ~AlertsFeature() override;

    HealthWatch *watch() const { return m_watch; }
    AlertsModel *model() const { return m_model; }
    AlertsPage *page() const;
    AlertNotifier *notifier() const { return m_notifier; }

    void setThresholds(const HealthThresholds &thresholds); // saved
    void setNotificationsEnabled(bool on);                  // saved
    void balloonChanged(const bs::BalloonChangeEvent &change);
    void openRules();

private:
    void onAlerts(const QString &hostId, const QList<AlertChange> &changes);
    const QString &hostName(const QString &hostId); // hostDisplayName, parsed once per host
    // The live chart's pressure lane for the charted guest, from the watchdog's polls.
    void updatePressure();
    void onVerdict(const QString &hostId, const QString &uuid, const QString &name, Verdict from,
                   Verdict to, qint64 timeMs);

    Workbench *m_bench;
    QPointer<HistoryService> m_history;
    HealthWatch *m_watch;
    AlertsModel *m_model;
    AlertNotifier *m_notifier;
    QPointer<AlertsPage> m_page;
    QHash<QString, QString> m_hostNames; // host → hostDisplayName
    QString m_chartHost;                 // the live chart's guest
    QString m_chartUuid;
};

} // namespace bs::gui
