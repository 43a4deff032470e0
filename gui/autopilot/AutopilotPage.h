#pragma once

#include "autopilot/AutopilotEngine.h"
#include "policy/GuestPolicySettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace bs::gui {

class AutopilotFeature;

// The Autopilot page for the host in focus: start it (a policy, the host target, dry run or
// not), stop it (and give every guest its maximum back), the guests' opt-in as their <metadata>
// holds it (edited here, saved to the guests), and the latest decisions.
class AutopilotPage final : public QWidget {
    Q_OBJECT

public:
    explicit AutopilotPage(AutopilotFeature *feature, QWidget *parent = nullptr);

    void setHost(const QString &hostId, const QString &name);
    QString hostId() const { return m_hostId; }
    AutopilotConfig config() const;

    QComboBox *policyBox() const { return m_policy; }
    QSpinBox *targetBox() const { return m_target; }
    QSpinBox *headroomBox() const { return m_headroom; }
    QCheckBox *dryRunBox() const { return m_dryRun; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *giveBackButton() const { return m_giveBack; }
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *saveButton() const { return m_save; }
    QTableWidget *guestTable() const { return m_guests; }
    QListWidget *decisionList() const { return m_decisions; }
    QLabel *statusLabel() const { return m_status; }

    enum Column { GuestColumn, EnabledColumn, FloorColumn, NoteColumn, ColumnCount };

Q_SIGNALS:
    void guestsShown();

private:
    void updateState();
    void onGuestsRead(const QString &hostId, const GuestPolicyList &list);
    void onGuestWritten(const QString &hostId, const QString &uuid, const QString &error);
    void onDecided(const QString &hostId, const QList<AutopilotAction> &actions, bool dryRun);
    void save();

    AutopilotFeature *m_feature;
    QString m_hostId;
    QString m_hostName;
    QHash<QString, GuestPolicySettings> m_loaded; // uuid → as read
    int m_pendingWrites = 0;
    int m_optedIn = -1;

    QComboBox *m_policy;
    QSpinBox *m_target;
    QSpinBox *m_headroom;
    QCheckBox *m_dryRun;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_giveBack;
    QLabel *m_status;
    QTableWidget *m_guests;
    QPushButton *m_reload;
    QPushButton *m_save;
    QListWidget *m_decisions;
};

} // namespace bs::gui
