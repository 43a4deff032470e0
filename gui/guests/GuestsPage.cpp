#include "GuestsPage.h"

#include "GuestPanel.h"
#include "GuestTableModel.h"
#include "charts/LiveChart.h"
#include "monitor/MemorySample.h"

#include <QTableView>

namespace bs::gui {

GuestsPage::GuestsPage(GuestTableModel *model, RecentSeries *recent, QSettings *settings,
                       QWidget *parent)
    : QSplitter(Qt::Vertical, parent)
    , m_model(model)
    , m_panel(new GuestPanel(model, settings, this))
    , m_recent(recent)
    , m_chart(new LiveChart(recent, this)) {
    setObjectName(QStringLiteral("guestsPage"));
    addWidget(m_panel);
    addWidget(m_chart);
    setStretchFactor(0, 2);
    setStretchFactor(1, 3);
    connect(m_panel, &GuestPanel::currentGuestChanged, this, &GuestsPage::onCurrentGuest);
}

void GuestsPage::cycleApplied(const PollCycle &cycle) {
    m_chart->dataArrived(cycle.hostId);
    if (cycle.hostId == m_chartHost)
        updateNotice();
    // Chart something from the start, until the user picks a guest: the first one that reports,
    // else the first one.
    QTableView *view = m_panel->view();
    const QAbstractItemModel *shown = view->model();
    if (m_chartUuid.isEmpty() && shown->rowCount() > 0 && !view->currentIndex().isValid()) {
        int pick = 0;
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(GuestTableModel::StatsStateRole).toInt() ==
                int(StatsState::Reporting)) {
                pick = row;
                break;
            }
        }
        view->setCurrentIndex(shown->index(pick, 0));
    }
}

void GuestsPage::guestsRemoved(const QString &hostId, const QStringList &uuids) {
    if (hostId == m_chartHost && uuids.contains(m_chartUuid)) {
        m_chartHost.clear();
        m_chartUuid.clear();
        m_chart->clearGuest();
    }
}

void GuestsPage::onCurrentGuest(const QString &hostId, const QString &uuid) {
    m_chartHost = hostId;
    m_chartUuid = uuid;
    m_recent->setCharted(hostId, uuid); // the charted guest keeps the chart's longest window
    const GuestTableModel::Row *r = m_model->rowAt(m_model->rowOf(hostId, uuid));
    if (!r) {
        m_chart->clearGuest();
        return;
    }
    m_chart->showGuest(hostId, uuid, r->name);
    updateNotice();
}

void GuestsPage::setHostStale(const QString &hostId, const QString &reason) {
    if (reason.isEmpty())
        m_stale.remove(hostId);
    else
        m_stale.insert(hostId, reason);
    if (hostId == m_chartHost)
        updateNotice();
}

void GuestsPage::updateNotice() {
    const GuestTableModel::Row *r = m_model->rowAt(m_model->rowOf(m_chartHost, m_chartUuid));
    if (r && m_stale.contains(m_chartHost)) {
        m_chart->setNotice(tr("<b>%1</b> The chart ends with the last figures received.")
                               .arg(m_stale.value(m_chartHost).toHtmlEscaped()));
        return;
    }
    if (!r || r->statsState == StatsState::Reporting) {
        m_chart->setNotice({});
        return;
    }
    m_chart->setNotice(tr("<b>%1:</b> %2 Only host-side figures (actual, RSS) are charted.")
                           .arg(statsStateName(r->statsState).toHtmlEscaped(),
                                statsStateExplanation(r->statsState).toHtmlEscaped()));
}

} // namespace bs::gui
