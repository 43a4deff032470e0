#include "HistoryPage.h"

#include "EnvelopeChart.h"
#include "GuestPicker.h"
#include "HistoryBanner.h"
#include "HistoryChartData.h"
#include "HistoryPressureLane.h"
#include "HistoryService.h"
#include "HistorySourceBar.h"
#include "RangeBar.h"
#include "RecordedSinceLabel.h"
#include "RefreshScheduler.h"
#include "charts/ChartPalette.h"
#include "promsource/PrometheusReader.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

constexpr qint64 MaxLiveIntervalMs = 60 * 1000; // a coarse live chart still moves every minute

QLabel *boldLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

HistoryPage::HistoryPage(HistoryService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_store(service->store())
    , m_layout(new QVBoxLayout(this))
    , m_serverRefresh(new QTimer(this))
    , m_banner(new HistoryBanner(this))
    , m_rangeBar(new RangeBar(this))
    , m_recordedSince(new RecordedSinceLabel(this))
    , m_picker(new GuestPicker(this))
    , m_metric(new QComboBox(this))
    , m_guestTitle(boldLabel(this))
    , m_hostTitle(boldLabel(this))
    , m_guestChart(new EnvelopeChart(this))
    , m_hostChart(new EnvelopeChart(this))
    , m_pressureLane(new HistoryPressureLane(this))
    , m_scheduler(new RefreshScheduler(this))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    auto *layout = m_layout;
    layout->addWidget(m_banner);
    layout->addWidget(m_rangeBar);

    // The guest picker left of both charts, so the two charts share one time axis, one above
    // the other, at the same x.
    auto *guestBox = new QWidget(this);
    auto *guestLayout = new QVBoxLayout(guestBox);
    guestLayout->setContentsMargins(0, 0, 0, 0);
    auto *guestHeader = new QHBoxLayout;
    guestHeader->addWidget(m_guestTitle);
    guestHeader->addSpacing(12);
    guestHeader->addWidget(new QLabel(tr("Metric:"), this));
    for (Metric m : allMetrics())
        m_metric->addItem(metricName(m), int(m));
    m_metric->setCurrentIndex(m_metric->findData(int(Metric::Used)));
    guestHeader->addWidget(m_metric);
    guestHeader->addStretch(1);
    // Right-aligned under the range bar's resolution: a second note about the range.
    guestHeader->addWidget(m_recordedSince);
    guestLayout->addLayout(guestHeader);
    guestLayout->addWidget(m_guestChart, 1);
    guestLayout->addWidget(m_pressureLane);

    auto *hostBox = new QWidget(this);
    auto *hostLayout = new QVBoxLayout(hostBox);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    hostLayout->addWidget(m_hostTitle);
    hostLayout->addWidget(m_hostChart, 1);

    auto *charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(guestBox);
    charts->addWidget(hostBox);
    charts->setChildrenCollapsible(false);
    auto *columns = new QSplitter(Qt::Horizontal, this);
    m_picker->setMinimumWidth(140);
    columns->addWidget(m_picker);
    columns->addWidget(charts);
    columns->setStretchFactor(1, 1);
    columns->setSizes({190, 1000});
    columns->setChildrenCollapsible(false);
    layout->addWidget(columns, 1);
    m_guestChart->setPlaceholder(tr("Tick one or more guests to chart them."));
    m_hostChart->setPlaceholder(tr("No host figures recorded in this range."));

    connect(m_service, &HistoryService::noticesChanged, this,
            [this] { m_banner->setNotices(m_service->notices()); });
    connect(m_banner, &HistoryBanner::dismissed, m_service, &HistoryService::dismissNotice);
    connect(m_service, &HistoryService::cycleQueued, this, &HistoryPage::onCycle);
    connect(m_service, &HistoryService::eventQueued, this, &HistoryPage::onEventQueued);
    connectReader();
    m_serverRefresh->setInterval(ServerRefreshMs);
    connect(m_serverRefresh, &QTimer::timeout, this, [this] {
        if (!readsServer())
            return;
        if (m_hostId.isEmpty()) { // no host yet (a server that just started scraping): ask again
            if (m_serverHostsId == 0)
                m_serverHostsId = m_store->queryGuests({});
            return;
        }
        if (m_picker->guestCount() == 0 && m_guestsId == 0)
            queryGuests();
        if (m_live)
            m_scheduler->requestLive(0);
    });
    connect(m_rangeBar, &RangeBar::presetChosen, this, &HistoryPage::showPreset);
    connect(m_rangeBar, &RangeBar::customChosen, this, &HistoryPage::showRange);
    for (EnvelopeChart *chart : {m_guestChart, m_hostChart})
        connect(chart, &EnvelopeChart::viewChanged, this,
                [this, chart](qint64 from, qint64 to) { onView(chart, from, to); });
    connect(m_picker, &GuestPicker::checkedChanged, this, &HistoryPage::onChecked);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        updateTitles();
        m_scheduler->requestNow();
    });
    connect(m_scheduler, &RefreshScheduler::due, this, &HistoryPage::issueRound);

    m_banner->setNotices(m_service->notices());
    updateTitles();
    applyPreset(DefaultPresetSeconds);
}

HistoryPage::~HistoryPage() = default;

void HistoryPage::setClock(std::function<qint64()> nowMs) {
    m_now = std::move(nowMs);
    if (m_live)
        applyPreset(livePreset());
}

void HistoryPage::connectReader() {
    connect(m_store, &HistoryReader::seriesReady, this, &HistoryPage::onSeries);
    connect(m_store, &HistoryReader::hostSeriesReady, this, &HistoryPage::onHostSeries);
    connect(m_store, &HistoryReader::eventsReady, this, &HistoryPage::onEvents);
    connect(m_store, &HistoryReader::guestsReady, this, &HistoryPage::onGuests);
    connect(m_store, &HistoryReader::recordedSpanReady, this, &HistoryPage::onRecordedSpan);
    connect(m_store, &HistoryReader::queryFailed, this, &HistoryPage::onFailed);
}

void HistoryPage::enableSources(QSettings &settings) {
    if (m_sources)
        return;
    m_sources = new HistorySourceBar(settings, this);
    m_layout->insertWidget(1, m_sources); // under the banner, above the range
    connect(m_sources, &HistorySourceBar::sourceChosen, this, &HistoryPage::setSource);
    connect(m_sources, &HistorySourceBar::hostChosen, this,
            [this](const QString &hostId) { switchHost(hostId, hostId); });
}

void HistoryPage::setServerRefreshMs(int ms) {
    m_serverRefresh->setInterval(ms);
}

bool HistoryPage::readsServer() const {
    return !m_store->isLocal();
}

void HistoryPage::setSource(const QUrl &server, const QString &name) {
    m_serverName = server.isEmpty() ? QString() : name;
    m_serverUrl = server;
    abandonRound();
    m_guestsId = m_spanId = m_serverHostsId = 0;
    disconnect(m_store, nullptr, this, nullptr);
    // Deleting the previous server's reader abandons whatever it was asking, at once.
    m_server.reset();
    m_service->clearReadFailure();
    if (server.isEmpty()) {
        m_store = m_service->store();
        connectReader();
        m_serverRefresh->stop();
        m_hostId.clear(); // switchHost reads everything again
        switchHost(m_localHostId, m_localHostName);
        return;
    }
    m_server = std::make_unique<prom::PrometheusReader>(server, m_serverTimeoutMs);
    m_store = m_server.get();
    connectReader();
    m_serverRefresh->start();
    // Which hosts the server holds, before anything is charted.
    switchHost({}, {});
    m_serverHostsId = m_store->queryGuests({});
}

void HistoryPage::onServerHosts(const QList<GuestInfo> &guests) {
    QStringList hosts;
    for (const GuestInfo &g : guests) {
        if (!hosts.contains(g.hostId))
            hosts.append(g.hostId);
    }
    std::sort(hosts.begin(), hosts.end());
    // The window's host when the server has it, else the first.
    const QString chosen = hosts.contains(m_localHostId) ? m_localHostId : hosts.value(0);
    if (m_sources)
        m_sources->setHosts(hosts, chosen);
    if (hosts.isEmpty())
        m_guestChart->setPlaceholder(tr("The server holds no Balloonscope figures: is it "
                                        "scraping a recorder's /metrics?"));
    switchHost(chosen, chosen);
}

void HistoryPage::setHost(const QString &hostId, const QString &displayName) {
    m_localHostId = hostId;
    m_localHostName = displayName;
    if (!readsServer())
        switchHost(hostId, displayName);
}

void HistoryPage::switchHost(const QString &hostId, const QString &displayName) {
    m_hostName = displayName;
    if (hostId == m_hostId) {
        updateTitles();
        return;
    }
    m_hostId = hostId;
    abandonRound();
    m_events.clear();
    m_picker->setGuests({});
    m_recorded = {};
    m_recordedSince->setSince(0, 0);
    updateTitles();
    queryGuests();
    queryRecordedSpan();
    m_scheduler->requestNow();
}

void HistoryPage::showGuests(const QStringList &uuids) {
    m_picker->setChecked(uuids);
}

void HistoryPage::setMetric(Metric metric) {
    m_metric->setCurrentIndex(m_metric->findData(int(metric)));
}

void HistoryPage::setUnit(units::SizeUnit unit) {
    m_guestChart->setUnit(unit);
    m_hostChart->setUnit(unit);
}

void HistoryPage::showPreset(qint64 seconds) {
    m_range.userChose = true;
    applyPreset(seconds);
}

void HistoryPage::applyPreset(qint64 seconds) {
    m_live = true;
    m_range.sinceRecordingChosen = seconds == RangeBar::SinceRecordingBegan;
    if (!m_range.sinceRecordingChosen)
        m_range.presetMs = seconds * 1000;
    followNow();
    setChartsRange(m_fromMs, m_toMs);
    m_rangeBar->showRange(m_fromMs, m_toMs, true, shownPreset());
    m_scheduler->requestNow();
}

void HistoryPage::followNow() {
    const LiveRange::Window window = m_range.at(m_now(), m_recorded);
    m_fromMs = window.fromMs;
    m_toMs = window.toMs;
    m_fromRecording = window.sinceRecording;
}

qint64 HistoryPage::livePreset() const {
    return m_range.sinceRecordingChosen ? RangeBar::SinceRecordingBegan : m_range.presetMs / 1000;
}

qint64 HistoryPage::shownPreset() const {
    return m_fromRecording ? RangeBar::SinceRecordingBegan : m_range.presetMs / 1000;
}

void HistoryPage::showRange(qint64 fromMs, qint64 toMs) {
    m_range.userChose = true;
    m_live = false;
    m_fromMs = fromMs;
    m_toMs = qMax(fromMs + 1000, toMs);
    setChartsRange(m_fromMs, m_toMs);
    m_rangeBar->showRange(m_fromMs, m_toMs, false);
    m_scheduler->requestNow();
}

void HistoryPage::setChartsRange(qint64 fromMs, qint64 toMs) {
    m_guestChart->setTimeRange(fromMs, toMs);
    m_hostChart->setTimeRange(fromMs, toMs);
    m_pressureLane->setTimeRange(fromMs, toMs);
}

void HistoryPage::onView(EnvelopeChart *source, qint64 fromMs, qint64 toMs) {
    // A zoom or pan leaves "follow now" and moves both charts; the data follows after the
    // gesture (debounced), stretched from what is there until then.
    m_range.userChose = true;
    m_live = false;
    m_fromMs = fromMs;
    m_toMs = toMs;
    (source == m_guestChart ? m_hostChart : m_guestChart)->setTimeRange(fromMs, toMs);
    m_pressureLane->setTimeRange(fromMs, toMs);
    m_rangeBar->showRange(fromMs, toMs, false);
    m_scheduler->requestDebounced();
}

void HistoryPage::onChecked() {
    const auto colors = HistoryChartData::guestColors(m_picker->checkedUuids(),
                                                      ChartPalette::fromPalette(palette()));
    m_picker->setColors(colors);
    m_scheduler->requestNow();
}

void HistoryPage::updateTitles() {
    m_guestTitle->setText(tr("Guests"));
    if (m_hostId.isEmpty())
        m_hostTitle->setText(tr("Host"));
    else if (m_serverName.isEmpty())
        m_hostTitle->setText(tr("Host: %1").arg(m_hostName));
    else
        m_hostTitle->setText(tr("Host: %1 (from %2)").arg(m_hostName, m_serverName));
}

void HistoryPage::queryGuests() {
    if (!m_hostId.isEmpty())
        m_guestsId = m_store->queryGuests(m_hostId);
}

void HistoryPage::queryRecordedSpan() {
    // The whole host: the host chart shows its own figures, the guest chart any of its guests.
    m_spanId = m_hostId.isEmpty() ? 0 : m_store->queryRecordedSpan({m_hostId, {}});
}

void HistoryPage::abandonRound() {
    // Answers still on their way are for another host: they are ignored by id.
    m_seriesId = m_hostSeriesId = m_eventsId = m_laneId = 0;
    m_outstanding = 0;
    m_roundError.reset();
    if (m_scheduler->inFlight())
        m_scheduler->roundFinished();
}

void HistoryPage::issueRound() {
    if (!isVisible()) {
        m_dirty = true; // nobody looks: read when the page is shown
        return;
    }
    m_dirty = false;
    if (m_hostId.isEmpty()) {
        m_guestChart->setSeries({}, 0);
        m_hostChart->setSeries({}, 0);
        return;
    }
    if (m_live)
        followNow();
    m_roundLive = m_live;
    m_roundFrom = m_fromMs;
    m_roundTo = m_toMs;
    m_budget = m_hostChart->pointBudget();
    m_outstanding = 0;
    const QStringList uuids = m_picker->checkedUuids();
    if (!uuids.isEmpty()) {
        SeriesRequest r{m_hostId, uuids,  {Metric(m_metric->currentData().toInt())},
                        m_fromMs, m_toMs, m_guestChart->pointBudget()};
        m_seriesId = m_store->querySeries(r);
        ++m_seriesQueries;
        ++m_outstanding;
        // The pressure lane: the first ticked guest's counters and PSI.
        m_pressureLane->setGuest(m_picker->nameOf(uuids.first()));
        m_laneId = m_store->querySeries(SeriesRequest{m_hostId,
                                                      {uuids.first()},
                                                      pressureLaneMetrics(),
                                                      m_fromMs,
                                                      m_toMs,
                                                      m_guestChart->pointBudget()});
        ++m_outstanding;
    } else {
        m_seriesId = 0;
        m_laneId = 0;
        m_pressureLane->setGuest({});
        m_guestChart->setPlaceholder(tr("Tick one or more guests to chart them."));
        m_guestChart->setSeries({}, 0);
    }
    m_hostSeriesId = m_store->queryHostSeries(
        HostSeriesRequest{m_hostId, HistoryChartData::hostMetrics(), m_fromMs, m_toMs, m_budget});
    ++m_hostQueries;
    m_eventsId = m_store->queryEvents(EventRequest{m_hostId, {}, m_fromMs, m_toMs, {}});
    m_outstanding += 2;
    m_scheduler->roundStarted();
}

void HistoryPage::answered() {
    if (--m_outstanding > 0)
        return;
    if (m_roundError) {
        m_service->reportReadFailure(*m_roundError);
        m_roundError.reset();
    } else {
        m_service->clearReadFailure();
    }
    // A round that a newer range overtook (the recorded span arrived and the page switched to
    // "since recording began", a preset was picked) leaves the charts on the newer range: the
    // next round, already asked for, brings its data.
    const bool current = m_fromMs == m_roundFrom && m_toMs == m_roundTo;
    if (m_roundLive && m_live && current) {
        // The window slides with the data: both move in the same repaint.
        setChartsRange(m_roundFrom, m_roundTo);
        m_rangeBar->showRange(m_roundFrom, m_roundTo, true, shownPreset());
        m_recordedSince->setSince(m_recorded.firstMs, m_roundTo); // "today" moves on
    }
    m_scheduler->roundFinished();
    Q_EMIT refreshed();
}

void HistoryPage::onSeries(quint64 id, const SeriesResult &result) {
    if (id != 0 && id == m_laneId) {
        m_laneId = 0;
        m_pressureLane->setSeries(result.series);
        answered();
        return;
    }
    if (id == 0 || id != m_seriesId)
        return;
    m_seriesId = 0;
    const Metric metric = Metric(m_metric->currentData().toInt());
    const QStringList uuids = m_picker->checkedUuids();
    QHash<QString, QString> names;
    for (const QString &uuid : uuids)
        names.insert(uuid, m_picker->nameOf(uuid));
    const auto colors = HistoryChartData::guestColors(uuids, ChartPalette::fromPalette(palette()));
    m_guestChart->setValueKind(HistoryChartData::valueKind(metric));
    m_guestChart->setPlaceholder(
        tr("No %1 recorded for these guests in this range.").arg(metricName(metric)));
    m_guestChart->setSeries(HistoryChartData::guestSeries(result, names, colors), result.bucketMs);
    m_guestChart->setExportTitle(metricName(metric));
    answered();
}

void HistoryPage::onHostSeries(quint64 id, const HostSeriesResult &result) {
    if (id == 0 || id != m_hostSeriesId)
        return;
    m_hostSeriesId = 0;
    m_bucketMs = result.bucketMs;
    m_hostChart->setSeries(
        HistoryChartData::hostSeries(result, ChartPalette::fromPalette(palette())),
        result.bucketMs);
    m_hostChart->setExportTitle(tr("Host memory"));
    m_rangeBar->setResolution(readsServer()
                                  ? HistoryChartData::serverResolution(result.bucketMs)
                                  : HistoryChartData::resolution(result.bucketMs, result.tiers));
    answered();
}

void HistoryPage::onEvents(quint64 id, const QList<HistoryEvent> &events) {
    if (id == 0 || id != m_eventsId)
        return;
    m_eventsId = 0;
    m_events = events;
    m_hostChart->setEvents(events);
    m_guestChart->setEvents(HistoryChartData::guestEvents(events, m_picker->checkedUuids()));
    answered();
}

void HistoryPage::onGuests(quint64 id, const QList<GuestInfo> &guests) {
    if (id != 0 && id == m_serverHostsId) {
        m_serverHostsId = 0;
        onServerHosts(guests);
        return;
    }
    if (id != m_guestsId)
        return;
    m_guestsId = 0;
    m_picker->setGuests(guests);
}

void HistoryPage::onRecordedSpan(quint64 id, const RecordedSpan &span) {
    if (id == 0 || id != m_spanId)
        return;
    m_spanId = 0;
    m_recorded = span;
    m_recordedSince->setSince(span.firstMs, m_now());
    if (!m_live)
        return;
    const bool before = m_fromRecording;
    followNow();
    if (before || m_fromRecording) // the range changes: show it at once
        applyPreset(livePreset());
}

void HistoryPage::onFailed(quint64 id, const Error &error) {
    if (id != 0 && id == m_serverHostsId) {
        m_serverHostsId = 0; // said in the banner; choosing the source again asks again
        m_service->reportReadFailure(error);
        if (m_sources)
            m_sources->setHosts({}, {});
        return;
    }
    if (id != 0 && id == m_spanId) {
        m_spanId = 0; // the page keeps its preset; the next poll asks again
        m_service->reportReadFailure(error);
        return;
    }
    if (id != 0 && id == m_guestsId) {
        m_guestsId = 0; // the picker keeps its guests; a new guest asks again
        m_service->reportReadFailure(error);
        return;
    }
    if (id == 0 || (id != m_seriesId && id != m_hostSeriesId && id != m_eventsId && id != m_laneId))
        return;
    m_roundError = error; // said once the round is over: the charts keep what they showed
    if (id == m_seriesId)
        m_seriesId = 0;
    else if (id == m_laneId)
        m_laneId = 0;
    else if (id == m_hostSeriesId)
        m_hostSeriesId = 0;
    else
        m_eventsId = 0;
    answered();
}

void HistoryPage::onCycle(const PollCycle &cycle) {
    if (cycle.hostId != m_hostId || readsServer())
        return; // a server's figures come on its own clock (m_serverRefresh)
    if (m_recorded.isEmpty() && m_spanId == 0)
        queryRecordedSpan(); // queued behind the cycle's write: the first poll is the beginning
    for (const MemorySample &s : cycle.samples) {
        if (!m_picker->contains(s.uuid) && m_guestsId == 0) {
            queryGuests(); // queued behind the cycle's write: the new guest is listed
            break;
        }
    }
    if (m_live)
        m_scheduler->requestLive(qBound<qint64>(0, m_bucketMs, MaxLiveIntervalMs));
}

void HistoryPage::onEventQueued(const HistoryEvent &event) {
    if (event.hostId != m_hostId || readsServer())
        return;
    if (m_live)
        m_scheduler->requestLive(0);
    else if (event.timeMs >= m_fromMs && event.timeMs <= m_toMs)
        m_scheduler->requestNow();
}

void HistoryPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_dirty || m_live)
        m_scheduler->requestNow();
}

void HistoryPage::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    // A much wider plot deserves more points (and a narrower one fewer).
    const int budget = m_hostChart->pointBudget();
    if (m_budget > 0 && qAbs(budget - m_budget) * 6 > m_budget)
        m_scheduler->requestDebounced();
}

} // namespace bs::gui
