#pragma once

#include <QHash>
#include <QSplitter>

class QSettings;

namespace bs {
class RecentSeries;
struct PollCycle;
} // namespace bs

namespace bs::gui {

class GuestPanel;
class GuestTableModel;
class LiveChart;

// The "Guests" page: the guest table over the live chart of the guest in focus. The chart
// follows the table's current guest; until the user picks one it shows the first guest that
// reports (else the first), and says so when the guest in focus does not report.
class GuestsPage final : public QSplitter {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestsPage)

public:
    GuestsPage(GuestTableModel *model, RecentSeries *recent, QSettings *settings,
               QWidget *parent = nullptr);

    GuestPanel *panel() const { return m_panel; }
    LiveChart *chart() const { return m_chart; }

    // A poll was applied to the model and the recent series.
    void cycleApplied(const PollCycle &cycle);
    void guestsRemoved(const QString &hostId, const QStringList &uuids);
    // The host does not answer (empty `reason`: it does again): the chart says so.
    void setHostStale(const QString &hostId, const QString &reason);

private:
    void onCurrentGuest(const QString &hostId, const QString &uuid);
    void updateNotice();

    GuestTableModel *m_model;
    GuestPanel *m_panel;
    RecentSeries *m_recent;
    LiveChart *m_chart;
    QString m_chartHost;
    QString m_chartUuid;
    QHash<QString, QString> m_stale; // host → why it is not live
};

} // namespace bs::gui
