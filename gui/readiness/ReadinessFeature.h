#pragma once

#include "ReadinessPage.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;

namespace bs {
struct ReadinessReport;
}

namespace bs::gui {

class AgentOptIn;
class Workbench;
class ReadinessDialog;
class ReadinessTableModel;
class ReadinessTracker;

// Puts the readiness inspector into the main window: the Readiness column of the guest table,
// the "Readiness" page, the "Readiness…" guest action and the per-guest dialogs, all fed by one
// ReadinessTracker. Registered once in Features.cpp, which connects statsPeriodRequested.
class ReadinessFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessFeature)

public:
    explicit ReadinessFeature(Workbench *bench);
    ~ReadinessFeature() override;

    ReadinessTracker *tracker() const { return m_tracker; }
    AgentOptIn *agentOptIn() const { return m_optIn; }
    ReadinessPage *page() const { return m_page; }
    ReadinessTableModel *tableModel() const { return m_table; }
    QAction *action() const { return m_action; }

    // Opens (or raises) the readiness dialog of one guest.
    ReadinessDialog *openDialog(const QString &hostId, const QString &uuid);

Q_SIGNALS:
    // "Set stats period…" in a readiness dialog: the fix is ours. Connect it to the stats-period
    // dialog; while nothing is connected the button is disabled and points at the virsh command.
    void statsPeriodRequested(const QString &hostId, const QStringList &uuids);

private:
    void onReport(const ReadinessReport &report);
    void onRemoved(const QString &hostId, const QStringList &uuids);
    void onStarted(const QString &hostId, bool agentChecks, bool byUser);
    void onFinished(const QString &hostId);
    void onFailed(const QString &hostId, const QString &message);
    void onWatching(const QString &hostId, int secondsLeft, int guestsLeft);
    void inspectAll();
    void openSelected();
    void setProgress(const QString &hostId, const QString &text);
    QList<ReadinessDialog *> dialogsOf(const QString &hostId) const;
    QString hostName(const QString &hostId) const;

    Workbench *m_bench;
    AgentOptIn *m_optIn;
    ReadinessTracker *m_tracker;
    ReadinessTableModel *m_table;
    QPointer<ReadinessPage> m_page;
    QAction *m_action;
    QHash<QString, QPointer<ReadinessDialog>> m_dialogs; // "host\nuuid"
    QHash<QString, bool> m_userRuns;                     // host → the current run is the user's
    QHash<QString, QString> m_progress;                  // host → progress text
};

} // namespace bs::gui
