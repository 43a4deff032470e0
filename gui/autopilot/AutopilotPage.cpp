#include "AutopilotPage.h"

#include "AutopilotFeature.h"
#include "common/Units.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

constexpr int MaxDecisions = 200;

} // namespace

AutopilotPage::AutopilotPage(AutopilotFeature *feature, QWidget *parent)
    : QWidget(parent)
    , m_feature(feature)
    , m_policy(new QComboBox(this))
    , m_target(new QSpinBox(this))
    , m_headroom(new QSpinBox(this))
    , m_dryRun(new QCheckBox(tr("&Dry run: markers only, no change"), this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_stop(new QPushButton(tr("St&op"), this))
    , m_giveBack(new QPushButton(tr("Stop and &Give Back"), this))
    , m_status(new QLabel(this))
    , m_guests(new QTableWidget(0, ColumnCount, this))
    , m_reload(new QPushButton(tr("&Reload"), this))
    , m_save(new QPushButton(tr("Sa&ve Opt-in"), this))
    , m_decisions(new QListWidget(this)) {
    for (PolicyKind kind : allPolicies())
        m_policy->addItem(policyName(kind), policyKey(kind));
    m_policy->setCurrentIndex(int(allPolicies().indexOf(PolicyKind::Balloonscope)));
    m_target->setRange(10, 100);
    m_target->setValue(80);
    m_target->setSuffix(QStringLiteral(" %"));
    m_target->setToolTip(tr("The host's memory in use to stay under, as a share of its RAM."));
    m_headroom->setRange(0, 100);
    m_headroom->setValue(qRound(BalloonscopeSettings{}.headroom * 100));
    m_headroom->setSuffix(QStringLiteral(" %"));
    m_headroom->setToolTip(tr("Kept over each guest's need (Balloonscope's policy and every "
                              "policy's guard): more for guests that allocate in large jumps "
                              "between two polls."));
    m_dryRun->setChecked(true);
    m_giveBack->setToolTip(tr("Stop at once and give every guest the autopilot manages its "
                              "maximum back."));

    auto *layout = new QVBoxLayout(this);
    auto *run = new QGroupBox(tr("Run on this host"), this);
    auto *runLayout = new QVBoxLayout(run);
    auto *row = new QHBoxLayout;
    auto *policyLabel = new QLabel(tr("&Policy:"), run);
    policyLabel->setBuddy(m_policy);
    auto *targetLabel = new QLabel(tr("Host &target:"), run);
    targetLabel->setBuddy(m_target);
    row->addWidget(policyLabel);
    row->addWidget(m_policy);
    row->addWidget(targetLabel);
    row->addWidget(m_target);
    auto *headroomLabel = new QLabel(tr("&Headroom:"), run);
    headroomLabel->setBuddy(m_headroom);
    row->addWidget(headroomLabel);
    row->addWidget(m_headroom);
    row->addWidget(m_dryRun);
    row->addStretch(1);
    runLayout->addLayout(row);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_giveBack);
    buttons->addStretch(1);
    runLayout->addLayout(buttons);
    m_status->setWordWrap(true);
    runLayout->addWidget(m_status);
    layout->addWidget(run);

    auto *optIn = new QGroupBox(tr("Guests that opted in"), this);
    auto *optInLayout = new QVBoxLayout(optIn);
    auto *explain = new QLabel(tr("The opt-in is kept in each guest's domain XML (its "
                                  "<metadata>), so the recorder and every Balloonscope "
                                  "see the same. A floor left empty is the policy's."),
                               optIn);
    explain->setTextFormat(Qt::PlainText);
    explain->setWordWrap(true);
    optInLayout->addWidget(explain);
    m_guests->setHorizontalHeaderLabels(
        {tr("Guest"), tr("Autopilot"), tr("Floor (MiB)"), tr("Note")});
    m_guests->verticalHeader()->hide();
    m_guests->horizontalHeader()->setStretchLastSection(true);
    m_guests->setSelectionMode(QAbstractItemView::NoSelection);
    optInLayout->addWidget(m_guests, 1);
    auto *guestButtons = new QHBoxLayout;
    guestButtons->addWidget(m_reload);
    guestButtons->addWidget(m_save);
    guestButtons->addStretch(1);
    optInLayout->addLayout(guestButtons);
    layout->addWidget(optIn, 2);

    auto *recent = new QGroupBox(tr("Latest decisions"), this);
    auto *recentLayout = new QVBoxLayout(recent);
    recentLayout->addWidget(m_decisions);
    layout->addWidget(recent, 1);

    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!m_hostId.isEmpty())
            m_feature->start(m_hostId, config());
    });
    connect(m_stop, &QPushButton::clicked, this, [this] { m_feature->stop(m_hostId, false); });
    connect(m_giveBack, &QPushButton::clicked, this, [this] { m_feature->stop(m_hostId, true); });
    connect(m_reload, &QPushButton::clicked, this, [this] {
        if (!m_hostId.isEmpty())
            m_feature->readGuests(m_hostId);
    });
    connect(m_save, &QPushButton::clicked, this, &AutopilotPage::save);
    connect(m_feature, &AutopilotFeature::stateChanged, this, [this](const QString &hostId) {
        if (hostId == m_hostId)
            updateState();
    });
    connect(m_feature, &AutopilotFeature::settingsRead, this,
            [this](const QString &hostId, int enabled) {
                if (hostId != m_hostId)
                    return;
                m_optedIn = enabled;
                updateState();
            });
    connect(m_feature, &AutopilotFeature::guestsRead, this, &AutopilotPage::onGuestsRead);
    connect(m_feature, &AutopilotFeature::guestWritten, this, &AutopilotPage::onGuestWritten);
    connect(m_feature, &AutopilotFeature::decided, this, &AutopilotPage::onDecided);
    setHost({}, {});
}

AutopilotConfig AutopilotPage::config() const {
    AutopilotConfig c;
    c.policy = policyFromKey(m_policy->currentData().toString()).value_or(PolicyKind::Balloonscope);
    c.balloonscope.hostTargetShare = m_target->value() / 100.0;
    c.proxmox.targetPercent = m_target->value();
    c.balloonscope.headroom = m_headroom->value() / 100.0;
    c.dryRun = m_dryRun->isChecked();
    return c;
}

void AutopilotPage::setHost(const QString &hostId, const QString &name) {
    const bool changed = hostId != m_hostId;
    m_hostId = hostId;
    m_hostName = name;
    if (changed) {
        m_optedIn = -1;
        m_guests->setRowCount(0);
        m_loaded.clear();
        m_decisions->clear();
        if (!hostId.isEmpty())
            m_feature->readGuests(hostId);
    }
    updateState();
}

void AutopilotPage::updateState() {
    const bool host = !m_hostId.isEmpty();
    const bool running = host && m_feature->isRunning(m_hostId);
    m_start->setEnabled(host && !running);
    m_stop->setEnabled(running);
    m_giveBack->setEnabled(running);
    m_policy->setEnabled(!running);
    m_target->setEnabled(!running);
    m_headroom->setEnabled(!running);
    m_dryRun->setEnabled(!running);
    m_reload->setEnabled(host);
    m_save->setEnabled(host);
    if (!host) {
        m_status->setText(tr("Choose a host."));
        return;
    }
    if (!running) {
        m_status->setText(tr("Off on %1. Nothing moves a balloon until you start it; only "
                             "guests that opted in are ever touched.")
                              .arg(m_hostName));
        return;
    }
    QString text = m_dryRun->isChecked()
                       ? tr("Running on %1 as a dry run: each decision becomes a history marker, "
                            "no balloon moves.")
                             .arg(m_hostName)
                       : tr("Running on %1: balloons of the guests that opted in move, never "
                            "below their need + headroom or floor.")
                             .arg(m_hostName);
    if (m_optedIn >= 0)
        text += QLatin1Char(' ') + tr("%n guest(s) opted in.", nullptr, m_optedIn);
    m_status->setText(text);
}

void AutopilotPage::onGuestsRead(const QString &hostId, const GuestPolicyList &list) {
    if (hostId != m_hostId)
        return;
    m_loaded.clear();
    m_guests->setRowCount(0);
    for (const GuestPolicyEntry &g : list.guests) {
        const int row = m_guests->rowCount();
        m_guests->insertRow(row);
        auto *name = new QTableWidgetItem(g.name);
        name->setFlags(Qt::ItemIsEnabled);
        name->setData(Qt::UserRole, g.uuid);
        auto *enabled = new QTableWidgetItem;
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        enabled->setCheckState(g.settings.enabled ? Qt::Checked : Qt::Unchecked);
        auto *floor = new QTableWidgetItem(
            g.settings.floorKiB ? QString::number(*g.settings.floorKiB / 1024) : QString());
        floor->setFlags(Qt::ItemIsEnabled | Qt::ItemIsEditable);
        auto *note = new QTableWidgetItem(!g.error.isEmpty() ? g.error
                                          : g.persistent
                                              ? QString()
                                              : tr("Transient: the opt-in lasts until it stops."));
        note->setFlags(Qt::ItemIsEnabled);
        m_guests->setItem(row, GuestColumn, name);
        m_guests->setItem(row, EnabledColumn, enabled);
        m_guests->setItem(row, FloorColumn, floor);
        m_guests->setItem(row, NoteColumn, note);
        m_loaded.insert(g.uuid, g.settings);
    }
    m_guests->resizeColumnsToContents();
    if (!list.error.isEmpty())
        m_status->setText(list.error);
    Q_EMIT guestsShown();
}

void AutopilotPage::save() {
    for (int row = 0; row < m_guests->rowCount(); ++row) {
        const QString uuid = m_guests->item(row, GuestColumn)->data(Qt::UserRole).toString();
        GuestPolicySettings s = m_loaded.value(uuid);
        s.enabled = m_guests->item(row, EnabledColumn)->checkState() == Qt::Checked;
        const QString floorText = m_guests->item(row, FloorColumn)->text().trimmed();
        bool ok = true;
        const qint64 mib = floorText.toLongLong(&ok);
        s.floorKiB = floorText.isEmpty() || !ok || mib <= 0 ? std::nullopt
                                                            : std::optional<qint64>(mib * 1024);
        if (!floorText.isEmpty() && (!ok || mib < 128)) {
            m_guests->item(row, NoteColumn)
                ->setText(tr("The floor must be a number of MiB, at least 128: not saved."));
            continue;
        }
        if (s == m_loaded.value(uuid))
            continue;
        ++m_pendingWrites;
        const bool off = !s.enabled && !s.floorKiB && !s.shares;
        m_feature->writeGuest(m_hostId, uuid, off ? std::nullopt : std::optional(s));
        m_loaded.insert(uuid, s);
    }
}

void AutopilotPage::onGuestWritten(const QString &hostId, const QString &uuid,
                                   const QString &error) {
    if (hostId != m_hostId)
        return;
    m_pendingWrites = qMax(0, m_pendingWrites - 1);
    for (int row = 0; row < m_guests->rowCount(); ++row) {
        if (m_guests->item(row, GuestColumn)->data(Qt::UserRole).toString() == uuid)
            m_guests->item(row, NoteColumn)->setText(error.isEmpty() ? tr("Saved.") : error);
    }
    if (m_pendingWrites == 0)
        m_feature->readGuests(m_hostId); // as the guests now hold it
}

void AutopilotPage::onDecided(const QString &hostId, const QList<AutopilotAction> &actions,
                              bool dryRun) {
    if (hostId != m_hostId)
        return;
    const QString when =
        QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    for (const AutopilotAction &a : actions) {
        const QString line =
            (dryRun ? tr("%1  %2: would set %3 → %4 (%5)") : tr("%1  %2: %3 → %4 (%5)"))
                .arg(when, a.name, units::formatKiB(quint64(a.fromKiB)),
                     units::formatKiB(quint64(a.toKiB)), decisionReasonText(a.reason));
        m_decisions->insertItem(0, line);
    }
    while (m_decisions->count() > MaxDecisions)
        delete m_decisions->takeItem(m_decisions->count() - 1);
}

} // namespace bs::gui
