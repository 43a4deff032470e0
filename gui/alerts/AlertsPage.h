#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace bs::gui {

class AlertsModel;

// The "Alerts" page: the alerts in force on every watched host, worst first, how many of each,
// whether they also go out as desktop notifications, and the rules (Rules…); under the table,
// the selected alert in full with what to do.
class AlertsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPage)

public:
    explicit AlertsPage(AlertsModel *model, QWidget *parent = nullptr);

    void setNotificationsEnabled(bool on);
    void updateSummary();

    QTableView *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }
    QCheckBox *notificationsBox() const { return m_notify; }
    QPushButton *rulesButton() const { return m_rules; }
    QPushButton *fixButton() const { return m_fix; }
    QLabel *detail() const { return m_detail; }
    // Fits the columns to their contents now (otherwise shortly after rows come or go, while
    // the page is shown). For tests: whether a fit is due (new figures cause none).
    void fitColumns();
    bool fitPending() const { return m_fitTimer.isActive() || m_fitWhenShown; }

Q_SIGNALS:
    void rulesRequested();
    // "Turn on free page reporting…" for the selected alerts' guests, per host.
    void freePageReportingRequested(const QString &hostId, const QStringList &uuids);
    void notificationsToggled(bool on);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleFit();
    void showDetail();
    void updateFix();
    QHash<QString, QStringList> fixableSelection() const;

    AlertsModel *m_model;
    QLabel *m_summary;
    QCheckBox *m_notify;
    QPushButton *m_rules;
    QPushButton *m_fix;
    QTableView *m_table;
    QLabel *m_detail;   // the selected alert in full, with what to do
    QString m_selected; // its condition, across a reset of the model
    QTimer m_fitTimer;
    bool m_fitWhenShown = false;
    bool m_fitting = false;
    QList<bool> m_userWidth; // by column: the user sized it, it is not fitted any more
};

} // namespace bs::gui
