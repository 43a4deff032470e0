#pragma once

#include "common/Units.h"
#include "policy/PolicyReplay.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSettings;
class QTableView;
class QTreeWidget;

namespace bs {
class HistoryReader;
struct Error;
struct GuestInfo;
} // namespace bs

namespace bs::gui {

class ReplayBar;
class ReplayChart;
class ReplaySummaryModel;

// The Policies page (issue 15): replays the host's recorded history through oVirt MOM's,
// Proxmox's and Balloonscope's balloon policies, side by side. Reads the same history queries
// as `balloonscope-cli simulate` (the guests' balloon, maximum, MemFree and need; the host's
// total and free memory), on the history thread; replays them with replayPolicies off the GUI
// thread; shows the policies' summary, the selected guest's balloons against its need, the
// host's projected free memory and every squeeze. Its choices are kept in the settings
// (policies/...).
class PoliciesPage final : public QWidget {
    Q_OBJECT

public:
    PoliciesPage(HistoryReader *store, QSettings &settings, QWidget *parent = nullptr);
    ~PoliciesPage() override;

    void setHost(const QString &hostId, const QString &name);
    QString hostId() const { return m_hostId; }
    void setUnit(units::SizeUnit unit);
    // Replays the bar's range up to now (also when shown, and after an edit).
    void refresh();
    // Replays [fromMs, toMs): the same range as a `simulate --from --to`.
    void replay(qint64 fromMs, qint64 toMs);

    const ReplayInput &input() const { return m_input; }
    const QList<PolicyReplay> &runs() const { return m_runs; }
    ReplaySettings settings() const;
    int points() const { return m_points; }

    ReplayBar *bar() const { return m_bar; }
    QTableView *summaryTable() const { return m_summaryTable; }
    ReplaySummaryModel *summary() const { return m_summary; }
    QComboBox *guestBox() const { return m_guest; }
    ReplayChart *guestChart() const { return m_guestChart; }
    ReplayChart *hostChart() const { return m_hostChart; }
    QTreeWidget *squeezeList() const { return m_squeezes; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    // A replay is shown (or its failure said).
    void replayShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onGuests(quint64 id, const QList<GuestInfo> &guests);
    void onSeries(quint64 id, const SeriesResult &result);
    void onHostSeries(quint64 id, const HostSeriesResult &result);
    void onFailed(quint64 id, const Error &error);
    void startReplay();
    void onReplayed();
    void showGuest();
    void saveSettings() const;
    void loadSettings();

    HistoryReader *m_store;
    QSettings &m_settings;
    QString m_hostId;
    QString m_hostName;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_points = 2000;
    quint64 m_guestsQuery = 0;
    quint64 m_seriesQuery = 0;
    quint64 m_hostQuery = 0;
    QHash<QString, QString> m_names;
    std::optional<SeriesResult> m_series;
    std::optional<HostSeriesResult> m_host;
    ReplayInput m_input;
    QList<PolicyReplay> m_runs;
    QFutureWatcher<QList<PolicyReplay>> m_watcher;
    ReplayInput m_pendingInput;
    bool m_rerun = false;
    QTimer m_debounce;

    ReplayBar *m_bar;
    QPushButton *m_run;
    QLabel *m_status;
    QTableView *m_summaryTable;
    ReplaySummaryModel *m_summary;
    QComboBox *m_guest;
    ReplayChart *m_guestChart;
    ReplayChart *m_hostChart;
    QTreeWidget *m_squeezes;
};

} // namespace bs::gui
