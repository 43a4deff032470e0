#include "ReadinessDialog.h"

#include "ChecklistModel.h"
#include "CommandBox.h"
#include "ReadinessBadge.h"
#include "ReadinessIcons.h"
#include "WrappedTextDelegate.h"
#include "readiness/ReadinessJson.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

constexpr int HeaderIconSize = 40;

QString capitalized(QString text) {
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QLabel *wrappingLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ReadinessDialog::ReadinessDialog(const QString &hostId, const QString &uuid, QWidget *parent)
    : QDialog(parent)
    , m_hostId(hostId)
    , m_uuid(uuid)
    , m_guestName(uuid)
    , m_hostName(hostId)
    , m_icon(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_subject(wrappingLabel(this))
    , m_reason(wrappingLabel(this))
    , m_nextStep(wrappingLabel(this))
    , m_statsPeriod(new QPushButton(tr("Set stats period…"), this))
    , m_commands(new CommandBox(this))
    , m_checklist(new ChecklistModel(this))
    , m_checklistView(new QTableView(this))
    , m_agent(new QCheckBox(this))
    , m_agentNote(wrappingLabel(this))
    , m_tainted(wrappingLabel(this))
    , m_checkAgain(new QPushButton(tr("Check &again"), this))
    , m_progress(new QLabel(this))
    , m_copyReport(new QPushButton(tr("Copy &report"), this)) {
    setObjectName(QStringLiteral("ReadinessDialog"));
    auto *layout = new QVBoxLayout(this);

    // Verdict header: icon, verdict, whose, why, and the one next step.
    auto *header = new QHBoxLayout;
    m_icon->setFixedSize(HeaderIconSize, HeaderIconSize);
    header->addWidget(m_icon, 0, Qt::AlignTop);
    auto *headerText = new QVBoxLayout;
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_verdict->setFont(big);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    headerText->addWidget(m_verdict);
    headerText->addWidget(m_subject);
    header->addLayout(headerText, 1);
    layout->addLayout(header);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    layout->addWidget(m_reason);
    m_nextStep->setObjectName(QStringLiteral("nextStepLabel"));
    m_nextStep->setTextFormat(Qt::RichText);
    layout->addWidget(m_nextStep);

    // The fix: ours (a button), or commands to copy.
    m_statsPeriod->setObjectName(QStringLiteral("setStatsPeriodButton"));
    auto *fixRow = new QHBoxLayout;
    fixRow->addWidget(m_statsPeriod);
    fixRow->addStretch(1);
    layout->addLayout(fixRow);
    m_commands->setObjectName(QStringLiteral("commandBox"));
    layout->addWidget(m_commands);
    connect(m_statsPeriod, &QPushButton::clicked, this,
            [this] { Q_EMIT statsPeriodRequested(m_hostId, {m_uuid}); });

    // The checklist.
    auto *checklistTitle = new QLabel(tr("Checklist"), this);
    QFont bold = checklistTitle->font();
    bold.setBold(true);
    checklistTitle->setFont(bold);
    layout->addWidget(checklistTitle);
    m_checklistView->setObjectName(QStringLiteral("checklistView"));
    m_checklistView->setModel(m_checklist);
    m_checklistView->setItemDelegate(new WrappedTextDelegate(m_checklistView));
    m_checklistView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checklistView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checklistView->setWordWrap(true);
    m_checklistView->setTextElideMode(Qt::ElideNone);
    m_checklistView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_checklistView->verticalHeader()->hide();
    m_checklistView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *columns = m_checklistView->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(ChecklistModel::Evidence, QHeaderView::Stretch);
    m_checklistView->setColumnWidth(ChecklistModel::Result, 100);
    m_checklistView->setColumnWidth(ChecklistModel::Check, 230);
    m_checklistView->setColumnWidth(ChecklistModel::Source, 90);
    m_checklistView->setColumnWidth(ChecklistModel::Remedy, 280);
    layout->addWidget(m_checklistView, 1);
    // Wrapped rows must grow when a column narrows (the dialog is resized, a column dragged).
    connect(columns, &QHeaderView::sectionResized, m_checklistView,
            [this] { QTimer::singleShot(0, m_checklistView, &QTableView::resizeRowsToContents); });

    // Guest-agent opt-in, per host.
    m_agent->setObjectName(QStringLiteral("agentCheckBox"));
    layout->addWidget(m_agent);
    m_agentNote->setText(
        tr("Off unless you turn it on for this host. The agent can tell whether the balloon "
           "driver and BalloonService are installed and running; libvirt marks each guest it "
           "asks as \"tainted\" until the guest restarts."));
    m_agentNote->setContentsMargins(20, 0, 0, 0);
    QPalette muted = m_agentNote->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::Disabled, QPalette::WindowText));
    m_agentNote->setPalette(muted);
    layout->addWidget(m_agentNote);
    m_tainted->setObjectName(QStringLiteral("taintedLabel"));
    layout->addWidget(m_tainted);
    connect(m_agent, &QCheckBox::toggled, this, &ReadinessDialog::onAgentToggled);

    // Check again, progress, copy, close.
    auto *bottom = new QHBoxLayout;
    m_checkAgain->setObjectName(QStringLiteral("checkAgainButton"));
    m_checkAgain->setToolTip(
        tr("Watch this guest's reports anew for about two stats periods, ignoring what was seen "
           "so far."));
    bottom->addWidget(m_checkAgain);
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    bottom->addWidget(m_progress, 1);
    m_copyReport->setToolTip(tr("Copy the whole report as JSON, for a ticket or a colleague."));
    bottom->addWidget(m_copyReport);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    connect(m_checkAgain, &QPushButton::clicked, this,
            [this] { Q_EMIT checkAgainRequested(m_hostId, m_uuid); });
    connect(m_copyReport, &QPushButton::clicked, this, &ReadinessDialog::copyReport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setStatsPeriodAvailable(false);
    setNames(uuid, hostId);
    resize(1100, 760);
}

void ReadinessDialog::setNames(const QString &guestName, const QString &hostName) {
    m_guestName = guestName.isEmpty() ? m_uuid : guestName;
    m_hostName = hostName.isEmpty() ? m_hostId : hostName;
    setWindowTitle(tr("Readiness of %1").arg(m_guestName));
    if (!m_report) {
        m_icon->setPixmap(verdictIcon(Verdict::Unknown, true).pixmap(HeaderIconSize));
        m_verdict->setText(tr("Not checked yet"));
        m_subject->setText(tr("Guest %1 on %2").arg(m_guestName, m_hostName));
        m_reason->setText(tr("No readiness check has looked at this guest yet."));
        m_nextStep->clear();
        buildFix({});
        m_copyReport->setEnabled(false);
    }
    updateAgentBox();
}

void ReadinessDialog::setReport(const ReadinessReport &report) {
    // Scroll to the deciding check when it is new, not on every refresh of the same verdict
    // (the user may be reading further down).
    const bool newDecision = !m_report || m_report->decidingCheck != report.decidingCheck;
    m_report = report;
    if (!report.name.isEmpty())
        m_guestName = report.name;
    setWindowTitle(tr("Readiness of %1").arg(m_guestName));
    const bool watching = isStillWatching(report);
    m_icon->setPixmap(verdictIcon(report.verdict, watching).pixmap(HeaderIconSize));
    m_verdict->setText(
        capitalized(watching ? ReadinessTexts::stillChecking() : verdictName(report.verdict)));
    QStringList details;
    if (!report.osDescription.isEmpty())
        details << tr("OS: %1").arg(report.osDescription);
    else if (report.osFamily != OsFamily::Unknown)
        details << tr("OS: %1").arg(osFamilyName(report.osFamily));
    if (report.timeMs > 0)
        details << tr("checked at %1")
                       .arg(ReadinessTexts::checkedAt(report.timeMs,
                                                      QDateTime::currentMSecsSinceEpoch()));
    if (const int watched = qRound(report.observedSeconds); watched > 0)
        details << tr("reports watched for %n s", nullptr, watched);
    m_subject->setText(tr("Guest %1 on %2").arg(m_guestName, m_hostName) + QLatin1Char('\n') +
                       details.join(QStringLiteral(" · ")));
    m_reason->setText(report.reason);
    m_nextStep->setText(ReadinessTexts::nextStepLine(report.nextStep));
    m_nextStep->setVisible(!report.nextStep.isEmpty());
    buildFix(report);
    m_checklist->setReport(report);
    if (const int row = m_checklist->decidingRow(); row >= 0 && newDecision)
        m_checklistView->scrollTo(m_checklist->index(row, 0));
    m_tainted->setText(report.agentUsed
                           ? tr("The guest agent was asked during this check: libvirt now marks "
                                "this guest as \"tainted\" (custom-ga-command) until it restarts.")
                           : QString());
    m_tainted->setVisible(report.agentUsed);
    m_copyReport->setEnabled(true);
}

void ReadinessDialog::buildFix(const ReadinessReport &report) {
    const bool ours = report.fix == FixKind::StatsPeriod;
    m_statsPeriod->setVisible(ours);
    QString caption;
    switch (report.fix) {
    case FixKind::StatsPeriod:
        caption = m_statsPeriodAvailable ? tr("Or set it yourself on the host with virsh:")
                                         : tr("Set it on the host with virsh:");
        break;
    case FixKind::HostAdmin:
        caption = tr("Run on the host, as an administrator:");
        break;
    case FixKind::InGuest:
        if (report.osFamily == OsFamily::Windows)
            caption = tr("Run inside the guest, in PowerShell as Administrator:");
        else if (report.osFamily == OsFamily::Linux)
            caption = tr("Run inside the guest, as root:");
        else
            caption = tr("Run inside the guest (lines starting with # are explanations):");
        break;
    case FixKind::None:
        break;
    }
    const bool commands = report.fix != FixKind::None && !report.fixCommands.isEmpty();
    m_commands->setVisible(commands);
    if (commands)
        m_commands->setCommands(caption, report.fixCommands);
}

void ReadinessDialog::setStatsPeriodAvailable(bool available) {
    m_statsPeriodAvailable = available;
    if (m_report)
        buildFix(*m_report);
    m_statsPeriod->setEnabled(available);
    m_statsPeriod->setToolTip(available ? tr("Open the stats-period dialog for this guest.")
                                        : tr("The stats-period dialog is not part of this "
                                             "build: use the virsh command below."));
}

void ReadinessDialog::setAgentOptIn(AgentOptIn *optIn, AgentConfirmation confirm) {
    m_optIn = optIn;
    m_confirm = std::move(confirm);
    if (m_optIn) {
        connect(m_optIn, &AgentOptIn::changed, this, [this](const QString &hostId, bool) {
            if (hostId == m_hostId)
                updateAgentBox();
        });
    }
    updateAgentBox();
}

void ReadinessDialog::updateAgentBox() {
    m_agent->setEnabled(m_optIn != nullptr);
    m_agent->setText(tr("Use the guest agent on this host for more evidence"));
    m_agent->setToolTip(m_hostName);
    const QSignalBlocker block(m_agent);
    m_agent->setChecked(m_optIn && m_optIn->isEnabled(m_hostId));
}

void ReadinessDialog::onAgentToggled(bool on) {
    if (!m_optIn)
        return;
    if (on && !m_optIn->isConfirmed(m_hostId) && !(m_confirm && m_confirm(this, m_hostName))) {
        const QSignalBlocker block(m_agent);
        m_agent->setChecked(false);
        return;
    }
    m_optIn->setEnabled(m_hostId, on);
    if (on) // the user wants the agent's evidence: get it now
        Q_EMIT checkAgainRequested(m_hostId, m_uuid);
}

void ReadinessDialog::setChecking(bool checking, bool withAgent) {
    m_checkAgain->setEnabled(!checking);
    if (checking)
        m_progress->setText(withAgent ? tr("Checking, with the guest agent…") : tr("Checking…"));
    else
        m_progress->clear();
}

void ReadinessDialog::setWatching(int secondsLeft, int guestsLeft) {
    m_progress->setText(tr("Watching the reports: about %n s left", nullptr, secondsLeft) +
                        (guestsLeft > 1 ? QStringLiteral(" ") +
                                              tr("(%n guest(s) on this host)", nullptr, guestsLeft)
                                        : QString()));
}

void ReadinessDialog::setFailed(const QString &message) {
    m_checkAgain->setEnabled(true);
    m_progress->setText(tr("The check failed: %1").arg(message));
}

void ReadinessDialog::copyReport() {
    if (!m_report)
        return;
    QGuiApplication::clipboard()->setText(QString::fromUtf8(
        QJsonDocument(readinessReportToJson(*m_report)).toJson(QJsonDocument::Indented)));
}

} // namespace bs::gui
