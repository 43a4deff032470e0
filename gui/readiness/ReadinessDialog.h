#pragma once

#include "AgentOptIn.h"
#include "readiness/ReadinessTypes.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace bs::gui {

class ChecklistModel;
class CommandBox;

// One guest's readiness: the verdict with its reason and next step, the fix (the stats-period
// dialog when the fix is ours, commands to copy when it is the admin's or inside the guest), the
// checklist, "Check again", and the per-host opt-in for guest-agent checks. Shows reports; the
// checks themselves run in ReadinessTracker.
class ReadinessDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessDialog)

public:
    ReadinessDialog(const QString &hostId, const QString &uuid, QWidget *parent = nullptr);

    QString hostId() const { return m_hostId; }
    QString uuid() const { return m_uuid; }

    // What to show before the first report: the guest's and host's names.
    void setNames(const QString &guestName, const QString &hostName);
    void setReport(const ReadinessReport &report);
    // Whether anything listens to statsPeriodRequested (the stats-period dialog exists).
    void setStatsPeriodAvailable(bool available);
    // The opt-in for this dialog's host; `confirm` shows the taint warning (tests pass their own).
    void setAgentOptIn(AgentOptIn *optIn, AgentConfirmation confirm = confirmAgentChecks);

    // Progress of a check of this guest's host.
    void setChecking(bool checking, bool withAgent = false);
    void setWatching(int secondsLeft, int guestsLeft);
    void setFailed(const QString &message);

    // For tests and the window: the parts whose presence depends on the report.
    ChecklistModel *checklist() const { return m_checklist; }
    QTableView *checklistView() const { return m_checklistView; }
    CommandBox *commandBox() const { return m_commands; }
    QPushButton *statsPeriodButton() const { return m_statsPeriod; }
    QPushButton *checkAgainButton() const { return m_checkAgain; }
    QCheckBox *agentCheckBox() const { return m_agent; }
    QLabel *verdictLabel() const { return m_verdict; }

Q_SIGNALS:
    // The user wants the stats period set on these guests (the fix is ours). Features.cpp
    // connects this, through ReadinessFeature, to the stats-period dialog.
    void statsPeriodRequested(const QString &hostId, const QStringList &uuids);
    // Watch this guest's reports anew (the user changed something, or enabled agent checks).
    void checkAgainRequested(const QString &hostId, const QString &uuid);

private:
    void buildFix(const ReadinessReport &report);
    void onAgentToggled(bool on);
    void copyReport();
    void updateAgentBox();

    QString m_hostId;
    QString m_uuid;
    QString m_guestName;
    QString m_hostName;
    std::optional<ReadinessReport> m_report;
    AgentOptIn *m_optIn = nullptr;
    AgentConfirmation m_confirm;
    bool m_statsPeriodAvailable = false;

    QLabel *m_icon;
    QLabel *m_verdict;
    QLabel *m_subject;
    QLabel *m_reason;
    QLabel *m_nextStep;
    QPushButton *m_statsPeriod;
    CommandBox *m_commands;
    ChecklistModel *m_checklist;
    QTableView *m_checklistView;
    QCheckBox *m_agent;
    QLabel *m_agentNote;
    QLabel *m_tainted;
    QPushButton *m_checkAgain;
    QLabel *m_progress;
    QPushButton *m_copyReport;
};

} // namespace bs::gui
