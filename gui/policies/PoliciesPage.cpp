#include "PoliciesPage.h"

#include "ReplayBar.h"
#include "ReplayChart.h"
#include "ReplaySummaryModel.h"
#include "history/HistoryReader.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace bs::gui {

namespace {

constexpr int DebounceMs = 300;

QString when(qint64 ms) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

PoliciesPage::PoliciesPage(HistoryReader *store, QSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_settings(settings)
    , m_bar(new ReplayBar(this))
    , m_run(new QPushButton(tr("Replay"), this))
    , m_status(new QLabel(this))
    , m_summaryTable(new QTableView(this))
    , m_summary(new ReplaySummaryModel(this))
    , m_guest(new QComboBox(this))
    , m_guestChart(new ReplayChart(this))
    , m_hostChart(new ReplayChart(this))
    , m_squeezes(new QTreeWidget(this)) {
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_bar, 1);
    top->addWidget(m_run);
    layout->addLayout(top);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_summaryTable->setModel(m_summary);
    m_summaryTable->verticalHeader()->hide();
    m_summaryTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summaryTable->horizontalHeader()->setStretchLastSection(true);
    m_summaryTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_summaryTable->setMaximumHeight(m_summaryTable->verticalHeader()->defaultSectionSize() * 4 +
                                     m_summaryTable->horizontalHeader()->sizeHint().height() + 6);
    layout->addWidget(m_summaryTable);

    auto *guestRow = new QHBoxLayout;
    auto *guestLabel = new QLabel(tr("&Guest:"), this);
    guestLabel->setBuddy(m_guest);
    guestRow->addWidget(guestLabel);
    guestRow->addWidget(m_guest, 1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(guestRow);
    leftLayout->addWidget(m_guestChart, 1);
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(left);
    charts->addWidget(m_hostChart);

    m_squeezes->setColumnCount(5);
    m_squeezes->setHeaderLabels(
        {tr("Policy"), tr("Guest"), tr("From"), tr("To"), tr("Most below its need")});
    m_squeezes->setRootIsDecorated(false);
    m_squeezes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(m_squeezes);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    loadSettings();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PoliciesPage::refresh);
    connect(m_bar, &ReplayBar::changed, this, [this] {
        saveSettings();
        m_debounce.start();
    });
    connect(m_run, &QPushButton::clicked, this, &PoliciesPage::refresh);
    connect(m_guest, &QComboBox::currentIndexChanged, this, &PoliciesPage::showGuest);
    connect(&m_watcher, &QFutureWatcher<QList<PolicyReplay>>::finished, this,
            &PoliciesPage::onReplayed);
    if (m_store) {
        connect(m_store, &HistoryReader::guestsReady, this, &PoliciesPage::onGuests);
        connect(m_store, &HistoryReader::seriesReady, this, &PoliciesPage::onSeries);
        connect(m_store, &HistoryReader::hostSeriesReady, this, &PoliciesPage::onHostSeries);
        connect(m_store, &HistoryReader::queryFailed, this, &PoliciesPage::onFailed);
    }
    m_status->setText(tr("Choose a host."));
}

PoliciesPage::~PoliciesPage() {
    m_watcher.waitForFinished(); // the replay reads nothing of ours, but its result is ours
}

ReplaySettings PoliciesPage::settings() const {
    return m_bar->settings();
}

void PoliciesPage::setHost(const QString &hostId, const QString &name) {
    if (hostId == m_hostId)
        return;
    m_hostId = hostId;
    m_hostName = name;
    m_runs.clear();
    m_input = ReplayInput{};
    m_summary->setRuns({});
    m_squeezes->clear();
    m_guest->clear();
    m_guestChart->clear(tr("Run a replay to see it here."));
    m_hostChart->clear(QString());
    if (isVisible())
        refresh();
    else
        m_status->setText(hostId.isEmpty() ? tr("Choose a host.") : QString());
}

void PoliciesPage::setUnit(units::SizeUnit unit) {
    m_summary->setUnit(unit);
    m_guestChart->setUnit(unit);
    m_hostChart->setUnit(unit);
}

void PoliciesPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_runs.isEmpty() && !m_hostId.isEmpty() && m_guestsQuery == 0)
        refresh();
}

void PoliciesPage::refresh() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    replay(now - m_bar->rangeSeconds() * 1000, now);
}

void PoliciesPage::replay(qint64 fromMs, qint64 toMs) {
    if (!m_store || m_hostId.isEmpty()) {
        m_status->setText(tr("Choose a host."));
        return;
    }
    if (m_bar->settings().policies.isEmpty()) {
        m_status->setText(tr("Tick at least one policy to replay."));
        return;
    }
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_series.reset();
    m_host.reset();
    m_seriesQuery = m_hostQuery = 0;
    m_status->setText(tr("Reading the history of %1…").arg(m_hostName));
    m_guestsQuery = m_store->queryGuests(m_hostId);
}

void PoliciesPage::onGuests(quint64 id, const QList<GuestInfo> &guests) {
    if (id == 0 || id != m_guestsQuery)
        return;
    m_guestsQuery = 0;
    QStringList uuids;
    m_names.clear();
    for (const GuestInfo &g : guests) {
        uuids.append(g.uuid);
        m_names.insert(g.uuid, g.name);
    }
    if (uuids.isEmpty())
        m_series = SeriesResult{};
    else
        m_seriesQuery =
            m_store->querySeries(replaySeriesRequest(m_hostId, uuids, m_fromMs, m_toMs, m_points));
    m_hostQuery = m_store->queryHostSeries(replayHostRequest(m_hostId, m_fromMs, m_toMs, m_points));
}

void PoliciesPage::onSeries(quint64 id, const SeriesResult &result) {
    if (id == 0 || id != m_seriesQuery)
        return;
    m_seriesQuery = 0;
    m_series = result;
    startReplay();
}

void PoliciesPage::onHostSeries(quint64 id, const HostSeriesResult &result) {
    if (id == 0 || id != m_hostQuery)
        return;
    m_hostQuery = 0;
    m_host = result;
    startReplay();
}

void PoliciesPage::onFailed(quint64 id, const Error &error) {
    if (id == 0 || (id != m_guestsQuery && id != m_seriesQuery && id != m_hostQuery))
        return;
    m_guestsQuery = m_seriesQuery = m_hostQuery = 0;
    m_status->setText(tr("The history could not be read: %1").arg(error.message));
    Q_EMIT replayShown();
}

void PoliciesPage::startReplay() {
    if (!m_series || !m_host)
        return;
    m_pendingInput = replayInputFrom(*m_series, *m_host, m_names);
    m_series.reset();
    m_host.reset();
    if (m_watcher.isRunning()) {
        m_rerun = true; // the newest input replays when this one is done
        return;
    }
    m_status->setText(tr("Replaying…"));
    const ReplayInput input = m_pendingInput;
    const ReplaySettings settings = m_bar->settings();
    m_watcher.setFuture(
        QtConcurrent::run([input, settings] { return replayPolicies(input, settings); }));
}

void PoliciesPage::onReplayed() {
    if (m_rerun) {
        m_rerun = false;
        const ReplayInput input = m_pendingInput;
        const ReplaySettings settings = m_bar->settings();
        m_watcher.setFuture(
            QtConcurrent::run([input, settings] { return replayPolicies(input, settings); }));
        return;
    }
    m_input = m_pendingInput;
    m_runs = m_watcher.result();
    m_summary->setRuns(m_runs);
    const bool any = std::any_of(
        m_input.guests.cbegin(), m_input.guests.cend(), [](const QList<RecordedGuest> &rows) {
            return std::any_of(rows.cbegin(), rows.cend(),
                               [](const RecordedGuest &r) { return r.running; });
        });
    if (!any) {
        m_status->setText(tr("Nothing was recorded of %1 in this range.").arg(m_hostName));
        m_guest->clear();
        m_squeezes->clear();
        m_guestChart->clear(tr("Nothing recorded in this range."));
        m_hostChart->clear(QString());
        Q_EMIT replayShown();
        return;
    }
    int withoutHost = 0;
    for (const PolicyReplay &run : m_runs)
        withoutHost = qMax(withoutHost, run.bucketsWithoutHost);
    QString status =
        tr("%1, %2 to %3, in buckets of %4 s. Open-loop: the guests' need is taken as recorded; "
           "under another balloon they would have behaved differently.")
            .arg(m_hostName, when(m_input.timesMs.first()),
                 when(m_input.timesMs.last() + m_input.bucketMs))
            .arg(m_input.bucketMs / 1000);
    if (withoutHost > 0)
        status += QLatin1Char(' ') +
                  tr("%1 of %2 buckets have no host figures: nothing was evaluated there.")
                      .arg(withoutHost)
                      .arg(m_input.timesMs.size());
    m_status->setText(status);

    const QString current = m_guest->currentData().toString();
    {
        const QSignalBlocker block(m_guest);
        m_guest->clear();
        for (const QString &uuid : m_input.uuids)
            m_guest->addItem(m_input.names.value(uuid, uuid), uuid);
        const int i = m_guest->findData(current);
        m_guest->setCurrentIndex(i >= 0 ? i : 0);
    }
    showGuest();
    m_hostChart->showHost(m_input, m_runs);

    m_squeezes->clear();
    QLocale locale;
    for (const PolicyReplay &run : m_runs) {
        for (const Squeeze &s : run.squeezes) {
            auto *item = new QTreeWidgetItem(m_squeezes);
            item->setText(0, policyName(run.policy));
            item->setText(1, s.name);
            item->setText(2, when(s.fromMs));
            item->setText(3, when(s.toMs));
            item->setText(4, units::formatKiB(quint64(s.worstDeficitKiB), locale));
            item->setData(0, Qt::UserRole, s.uuid);
        }
    }
    Q_EMIT replayShown();
}

void PoliciesPage::showGuest() {
    const QString uuid = m_guest->currentData().toString();
    if (uuid.isEmpty() || m_runs.isEmpty())
        return;
    m_guestChart->showGuest(m_input, m_runs, uuid);
}

void PoliciesPage::saveSettings() const {
    const ReplaySettings s = m_bar->settings();
    QStringList keys;
    for (PolicyKind k : s.policies)
        keys.append(policyKey(k));
    m_settings.setValue(QStringLiteral("policies/range"), m_bar->rangeSeconds());
    m_settings.setValue(QStringLiteral("policies/replayed"), keys);
    m_settings.setValue(QStringLiteral("policies/hostTargetPercent"), s.proxmox.targetPercent);
    m_settings.setValue(QStringLiteral("policies/floorKiB"), s.balloonscope.floorKiB);
    m_settings.setValue(QStringLiteral("policies/headroom"), s.balloonscope.headroom);
}

void PoliciesPage::loadSettings() {
    ReplaySettings s;
    if (m_settings.contains(QStringLiteral("policies/replayed"))) {
        s.policies.clear();
        for (const QString &key :
             m_settings.value(QStringLiteral("policies/replayed")).toStringList()) {
            if (const auto k = policyFromKey(key))
                s.policies.append(*k);
        }
    }
    const int percent =
        qBound(10, m_settings.value(QStringLiteral("policies/hostTargetPercent"), 80).toInt(), 100);
    s.proxmox.targetPercent = percent;
    s.balloonscope.hostTargetShare = percent / 100.0;
    s.balloonscope.floorKiB = qMax<qint64>(
        128 * 1024, m_settings.value(QStringLiteral("policies/floorKiB"), s.balloonscope.floorKiB)
                        .toLongLong());
    s.balloonscope.headroom = qBound(
        0.0,
        m_settings.value(QStringLiteral("policies/headroom"), s.balloonscope.headroom).toDouble(),
        1.0);
    m_bar->setSettings(s);
    m_bar->setRangeSeconds(m_settings.value(QStringLiteral("policies/range"), 86400).toLongLong());
}

} // namespace bs::gui
