#include "SizingPage.h"

#include "NeedChart.h"
#include "PolicyBar.h"
#include "SizingTableModel.h"
#include "WhatIfPanel.h"
#include "history/HistoryReader.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

constexpr int RefreshMinutes = 5;
constexpr int ChartPoints = 800;

} // namespace

SizingPage::SizingPage(HistoryReader *store, QSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_settings(settings)
    , m_policy(new PolicyBar(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new SizingTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_chart(new NeedChart(this))
    , m_details(new QLabel(this))
    , m_whatIf(new WhatIfPanel(this))
    , m_refreshButton(new QPushButton(tr("Refresh"), this))
    , m_targetButton(new QPushButton(tr("Set as Balloon Target…"), this))
    , m_nextBootButton(new QPushButton(tr("Set for Next Boot…"), this))
    , m_readinessButton(new QPushButton(tr("Readiness…"), this))
    , m_floorButton(new QPushButton(tr("Guest Floor…"), this)) {
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_policy, 1);
    top->addWidget(m_refreshButton);
    layout->addLayout(top);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SizingTableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SizingTableModel::Guest, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *buttons = new QHBoxLayout;
    m_targetButton->setToolTip(tr("Open the balloon-target dialog of each selected guest with its "
                                  "recommendation filled in: the running guest changes now."));
    m_nextBootButton->setToolTip(tr("Write each selected guest's recommendation into its "
                                    "persistent configuration (<currentMemory>, and <memory> "
                                    "where the recommendation is above it): from its next "
                                    "boot."));
    m_readinessButton->setToolTip(tr("Why the selected guest reports nothing, and the fix."));
    m_floorButton->setToolTip(tr("A floor of their own for the selected guests: the "
                                 "recommendation never goes below it (0 removes it)."));
    buttons->addWidget(m_targetButton);
    buttons->addWidget(m_nextBootButton);
    buttons->addWidget(m_readinessButton);
    buttons->addWidget(m_floorButton);
    buttons->addStretch(1);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(buttons);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_chart, 1);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_details);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    layout->addWidget(m_whatIf);

    m_currentPolicy = loadPolicy();
    m_settings.beginGroup(QStringLiteral("sizing/guestFloors"));
    for (const QString &uuid : m_settings.childKeys()) {
        const qint64 kib = m_settings.value(uuid).toLongLong();
        if (kib > 0)
            m_guestFloors.insert(uuid, kib);
    }
    m_settings.endGroup();
    m_policy->setPolicy(m_currentPolicy);
    connect(m_policy, &PolicyBar::policyChanged, this, &SizingPage::onPolicy);
    connect(m_whatIf, &WhatIfPanel::requestChanged, this, &SizingPage::recompute);
    connect(m_refreshButton, &QPushButton::clicked, this, &SizingPage::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SizingPage::updateSelection);
    connect(m_targetButton, &QPushButton::clicked, this,
            [this] { Q_EMIT balloonTargetRequested(m_hostId, selectedRecommendations()); });
    connect(m_nextBootButton, &QPushButton::clicked, this,
            [this] { Q_EMIT nextBootRequested(m_hostId, selectedRecommendations()); });
    connect(m_readinessButton, &QPushButton::clicked, this,
            [this] { Q_EMIT readinessRequested(m_hostId, currentUuid()); });
    connect(m_floorButton, &QPushButton::clicked, this, &SizingPage::askGuestFloor);
    if (m_store) {
        connect(m_store, &HistoryReader::needsReady, this, &SizingPage::onNeeds);
        connect(m_store, &HistoryReader::seriesReady, this, &SizingPage::onSeries);
        connect(m_store, &HistoryReader::queryFailed, this, &SizingPage::onFailed);
    }
    m_refreshTimer.setInterval(RefreshMinutes * 60 * 1000);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_refreshTimer.start();
    m_summary->setText(tr("Choose a host."));
    updateSelection();
}

SizingPage::~SizingPage() = default;

void SizingPage::setHost(const QString &hostId, const QString &name) {
    if (hostId == m_hostId && name == m_hostName)
        return;
    const bool changed = hostId != m_hostId;
    m_hostId = hostId;
    m_hostName = name;
    if (!changed)
        return;
    m_hasAdvice = false;
    m_advice = HostAdvice{};
    m_needs = NeedResult{};
    m_model->setAdvice({});
    m_whatIf->clear();
    m_chart->clear(tr("Select a guest to chart its need."));
    if (m_hostId.isEmpty())
        m_summary->setText(tr("Choose a host."));
    if (isVisible())
        refresh();
}

void SizingPage::setUnit(units::SizeUnit unit) {
    m_model->setUnit(unit);
    m_chart->setUnit(unit);
}

void SizingPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    const qint64 ageMs = QDateTime::currentMSecsSinceEpoch() - m_computedAtMs;
    if (!m_hasAdvice || ageMs > RefreshMinutes * 60 * 1000)
        refresh();
}

void SizingPage::refresh() {
    if (!m_store || m_hostId.isEmpty())
        return;
    m_summary->setText(tr("Reading the history of %1…").arg(m_hostName));
    m_needQuery = m_store->queryNeeds(
        needRequestFor(m_hostId, effectivePolicy(), QDateTime::currentMSecsSinceEpoch()));
}

void SizingPage::onPolicy(const SizingPolicy &policy) {
    const bool reread = policy.windowSeconds != m_currentPolicy.windowSeconds ||
                        policy.percentile != m_currentPolicy.percentile;
    m_currentPolicy = policy;
    savePolicy();
    if (reread || !m_hasAdvice)
        refresh();
    else
        recompute();
}

void SizingPage::onNeeds(quint64 id, const NeedResult &result) {
    if (id != m_needQuery)
        return;
    m_needQuery = 0;
    m_needs = result;
    m_computedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_hasAdvice = true;
    recompute();
}

void SizingPage::onFailed(quint64 id, const Error &error) {
    if (id == m_needQuery) {
        m_needQuery = 0;
        m_summary->setText(tr("The history could not be read: %1").arg(error.message));
    } else if (id == m_seriesQuery) {
        m_seriesQuery = 0;
        m_chart->clear(tr("The need could not be read: %1").arg(error.message));
    }
}

void SizingPage::recompute() {
    if (!m_hasAdvice)
        return;
    const QStringList selected = selectedRecommendations().keys();
    const QString current = currentUuid();
    m_advice = adviseHost(m_needs, effectivePolicy(), m_whatIf->request());
    m_model->setAdvice(m_advice.guests);
    m_table->resizeColumnsToContents();
    QStringList tiers;
    for (Tier t : m_advice.tiers)
        tiers.append(tierSourceName(t));
    int advised = 0;
    for (const GuestAdvice &g : m_advice.guests)
        advised += g.status == AdviceStatus::Advised ? 1 : 0;
    const QLocale locale;
    if (m_advice.guests.isEmpty()) {
        m_summary->setText(tr("Nothing recorded for %1 in this policy's window (%2): let it "
                              "record; the History page shows what there is.")
                               .arg(m_hostName, sizingPolicySummary(m_currentPolicy)));
    } else {
        m_summary->setText(
            tr("%1: %2 (%3). %4 of %5 guests advised; need from %6. Read at %7.")
                .arg(m_hostName, sizingPresetName(m_currentPolicy.preset),
                     sizingPolicySummary(m_currentPolicy), locale.toString(advised),
                     locale.toString(m_advice.guests.size()),
                     tiers.isEmpty() ? tr("nothing") : tiers.join(QStringLiteral(", ")),
                     locale.toString(QDateTime::fromMSecsSinceEpoch(m_computedAtMs).time(),
                                     QLocale::ShortFormat)));
    }
    m_whatIf->show(m_advice);
    selectGuests(selected.isEmpty() && !current.isEmpty() ? QStringList{current} : selected);
    Q_EMIT adviceShown();
}

void SizingPage::selectGuests(const QStringList &uuids) {
    QItemSelection selection;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (uuids.contains(index.data(SizingTableModel::UuidRole).toString()))
            selection.select(index, m_proxy->index(row, SizingTableModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_table->selectionModel()->setCurrentIndex(selection.first().topLeft(),
                                                   QItemSelectionModel::NoUpdate);
    updateSelection();
}

SizingPolicy SizingPage::effectivePolicy() const {
    SizingPolicy p = m_currentPolicy;
    p.guestFloorsKiB = m_guestFloors;
    return p;
}

QStringList SizingPage::selectedUuids() const {
    QStringList out;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        out.append(index.data(SizingTableModel::UuidRole).toString());
    return out;
}

void SizingPage::askGuestFloor() {
    const QStringList uuids = selectedUuids();
    if (uuids.isEmpty())
        return;
    bool ok = false;
    const int current = int(m_guestFloors.value(uuids.first(), 0) / 1024);
    const int mib = QInputDialog::getInt(
        this, tr("Guest Floor"),
        tr("Never recommend less than this for the selected guests, in MiB (0: the policy's "
           "floor only):"),
        current, 0, 4 * 1024 * 1024, 64, &ok);
    if (ok)
        setGuestFloor(uuids, qint64(mib) * 1024);
}

void SizingPage::setGuestFloor(const QStringList &uuids, qint64 floorKiB) {
    for (const QString &uuid : uuids) {
        const QString key = QStringLiteral("sizing/guestFloors/") + uuid;
        if (floorKiB > 0) {
            m_guestFloors.insert(uuid, floorKiB);
            m_settings.setValue(key, floorKiB);
        } else {
            m_guestFloors.remove(uuid);
            m_settings.remove(key);
        }
    }
    recompute();
}

QString SizingPage::currentUuid() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(SizingTableModel::UuidRole).toString();
}

QHash<QString, qint64> SizingPage::selectedRecommendations() const {
    QHash<QString, qint64> out;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const GuestAdvice *a =
            m_model->adviceFor(index.data(SizingTableModel::UuidRole).toString());
        if (a && a->recommendedKiB)
            out.insert(a->uuid, *a->recommendedKiB);
    }
    return out;
}

void SizingPage::updateSelection() {
    const QHash<QString, qint64> targets = selectedRecommendations();
    const QString uuid = currentUuid();
    const GuestAdvice *a = m_model->adviceFor(uuid);
    m_targetButton->setEnabled(!targets.isEmpty());
    m_nextBootButton->setEnabled(!targets.isEmpty());
    m_readinessButton->setEnabled(a != nullptr);
    m_floorButton->setEnabled(a != nullptr);
    if (!a) {
        m_details->clear();
        m_chart->clear(tr("Select a guest to chart its need."));
        return;
    }
    m_details->setText(SizingTableModel::notes(*a).join(QLatin1Char('\n')));
    if (a->status != AdviceStatus::Advised) {
        m_chart->clear(adviceReason(*a));
        return;
    }
    if (!m_store)
        return;
    m_seriesUuid = a->uuid;
    m_seriesQuery = m_store->querySeries(SeriesRequest{m_hostId,
                                                       {a->uuid},
                                                       {Metric::UsedExcludingCache},
                                                       m_advice.fromMs,
                                                       m_advice.toMs,
                                                       ChartPoints});
}

void SizingPage::onSeries(quint64 id, const SeriesResult &result) {
    if (id != m_seriesQuery)
        return;
    m_seriesQuery = 0;
    const GuestAdvice *a = m_model->adviceFor(m_seriesUuid);
    if (!a)
        return;
    QList<EnvelopePoint> points;
    if (!result.series.isEmpty())
        points = result.series.first().points;
    m_chart->show(a->name, points, *a, m_currentPolicy.percentile, m_advice.fromMs, m_advice.toMs);
}

void SizingPage::savePolicy() const {
    m_settings.setValue(QStringLiteral("sizing/preset"), sizingPresetKey(m_currentPolicy.preset));
    m_settings.setValue(QStringLiteral("sizing/percentile"), m_currentPolicy.percentile);
    m_settings.setValue(QStringLiteral("sizing/headroom"), m_currentPolicy.headroom);
    m_settings.setValue(QStringLiteral("sizing/windowSeconds"), m_currentPolicy.windowSeconds);
    m_settings.setValue(QStringLiteral("sizing/floorKiB"), m_currentPolicy.floorKiB);
}

SizingPolicy SizingPage::loadPolicy() const {
    const auto preset = sizingPresetFromKey(
        m_settings.value(QStringLiteral("sizing/preset"), QStringLiteral("balanced")).toString());
    SizingPolicy p = SizingPolicy::fromPreset(preset.value_or(SizingPreset::Balanced));
    if (p.preset == SizingPreset::Custom) {
        p.percentile =
            m_settings.value(QStringLiteral("sizing/percentile"), p.percentile).toDouble();
        p.headroom = m_settings.value(QStringLiteral("sizing/headroom"), p.headroom).toDouble();
        p.windowSeconds =
            m_settings.value(QStringLiteral("sizing/windowSeconds"), p.windowSeconds).toLongLong();
    }
    p.floorKiB = m_settings.value(QStringLiteral("sizing/floorKiB"), p.floorKiB).toLongLong();
    if (!p.validationError().isEmpty())
        return SizingPolicy::fromPreset(SizingPreset::Balanced);
    return p;
}

} // namespace bs::gui
