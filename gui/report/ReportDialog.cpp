#include "ReportDialog.h"

#include "history/HistoryReader.h"
#include "history/RangePresets.h"
#include "libvirt/ConnectionUri.h"
#include "report/ReportJob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QStandardPaths>

namespace bs::gui {

namespace {

constexpr int UuidRole = Qt::UserRole + 1;

} // namespace

ReportDialog::ReportDialog(HistoryReader *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_job(new ReportJob(store, this))
    , m_opener([](const QUrl &url) { QDesktopServices::openUrl(url); })
    , m_host(new QComboBox(this))
    , m_guests(new QStandardItemModel(this))
    , m_guestView(new QListView(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_cover(new QCheckBox(tr("Cover with contents"), this))
    , m_hostSection(new QCheckBox(tr("Host summary"), this))
    , m_sizingSection(new QCheckBox(tr("Sizing advice (balanced, last 14 days)"), this))
    , m_policiesSection(
          new QCheckBox(tr("Balloon policies replayed (MOM, Proxmox, Balloonscope)"), this))
    , m_guestSection(new QCheckBox(tr("A page section per guest"), this))
    , m_path(new QLineEdit(this))
    , m_open(new QCheckBox(tr("Open the report when it is done"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_create(m_buttons->addButton(tr("Create Report"), QDialogButtonBox::AcceptRole)) {
    setWindowTitle(tr("Memory Report"));

    m_guestView->setModel(m_guests);
    m_guestView->setMinimumHeight(200);
    // Wide enough for a host's name with its URI and a file name with its date.
    m_path->setMinimumWidth(fontMetrics().averageCharWidth() * 48);
    auto *all = new QPushButton(tr("All"), this);
    auto *none = new QPushButton(tr("None"), this);
    auto *guestButtons = new QHBoxLayout;
    guestButtons->addWidget(all);
    guestButtons->addWidget(none);
    guestButtons->addStretch();
    auto *guestBox = new QVBoxLayout;
    guestBox->addWidget(m_guestView);
    guestBox->addLayout(guestButtons);

    for (const RangePreset &preset : rangePresets())
        m_range->addItem(preset.label(), preset.seconds);
    m_range->addItem(tr("Custom range"), 0);
    m_range->setCurrentIndex(m_range->findData(qint64(86400)));
    const QDateTime now = QDateTime::currentDateTime();
    m_to->setDateTime(now);
    m_from->setDateTime(now.addDays(-1));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    auto *custom = new QHBoxLayout;
    custom->addWidget(m_from);
    custom->addWidget(new QLabel(QStringLiteral("–"), this));
    custom->addWidget(m_to);
    custom->addStretch();

    auto *sections = new QVBoxLayout;
    for (QCheckBox *box :
         {m_cover, m_hostSection, m_sizingSection, m_policiesSection, m_guestSection}) {
        box->setChecked(true);
        sections->addWidget(box);
    }
    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    auto *browse = new QPushButton(tr("Browse…"), this);
    file->addWidget(browse);
    m_open->setChecked(true);

    auto *form = new QFormLayout;
    if (!store->isLocal()) {
        auto *source = new QLabel(store->sourceName(), this);
        source->setTextInteractionFlags(Qt::TextSelectableByMouse);
        source->setToolTip(tr("The History page reads this Prometheus-compatible server: the "
                              "report does too. Choose \"This computer\" there for the local "
                              "history."));
        form->addRow(tr("History from:"), source);
    }
    form->addRow(tr("Host:"), m_host);
    form->addRow(tr("Guests:"), guestBox);
    form->addRow(tr("Range:"), m_range);
    form->addRow(QString(), custom);
    form->addRow(tr("Sections:"), sections);
    form->addRow(tr("File:"), file);
    form->addRow(QString(), m_open);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    // Room for a two-line message from the start: the dialog does not grow (and squeeze the
    // guest list) when one appears.
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 2);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    m_inputs = {m_host,
                m_guestView,
                all,
                none,
                m_range,
                m_from,
                m_to,
                m_cover,
                m_hostSection,
                m_sizingSection,
                m_policiesSection,
                m_guestSection,
                m_path,
                browse};

    connect(m_host, &QComboBox::currentIndexChanged, this, &ReportDialog::hostChanged);
    connect(m_range, &QComboBox::currentIndexChanged, this, &ReportDialog::rangeChanged);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::browse);
    connect(all, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_guests->rowCount(); ++i)
            m_guests->item(i)->setCheckState(Qt::Checked);
    });
    connect(none, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_guests->rowCount(); ++i)
            m_guests->item(i)->setCheckState(Qt::Unchecked);
    });
    connect(m_create, &QPushButton::clicked, this, &ReportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReportDialog::reject);
    connect(m_job, &ReportJob::progress, this, [this](int percent, const QString &stage) {
        m_progress->setValue(percent);
        m_status->setText(stage);
    });
    connect(m_job, &ReportJob::finished, this, &ReportDialog::onFinished);
    connect(m_job, &ReportJob::failed, this, &ReportDialog::onFailed);
    connect(store, &HistoryReader::guestsReady, this, &ReportDialog::onGuests);
    connect(store, &HistoryReader::queryFailed, this, [this](quint64 id, const Error &error) {
        if (id == m_guestsQuery)
            showError(error.message);
    });

    rangeChanged();
    m_status->setText(tr("Reading the history…"));
    m_guestsQuery = store->queryGuests();
}

ReportDialog::~ReportDialog() = default;

void ReportDialog::setPreferredHost(const QString &hostId) {
    m_preferredHost = hostId;
    const int index = m_host->findData(hostId);
    if (index >= 0)
        m_host->setCurrentIndex(index);
}

void ReportDialog::setPath(const QString &path) {
    m_path->setText(path);
}

void ReportDialog::setOpenWhenDone(bool open) {
    m_open->setChecked(open);
}

void ReportDialog::setOpener(std::function<void(const QUrl &)> opener) {
    m_opener = std::move(opener);
}

void ReportDialog::onGuests(quint64 id, const QList<GuestInfo> &guests) {
    if (id != m_guestsQuery)
        return;
    m_known = guests;
    QStringList hosts;
    for (const GuestInfo &g : guests) {
        if (!hosts.contains(g.hostId))
            hosts.append(g.hostId);
    }
    hosts.sort();
    const QSignalBlocker block(m_host);
    m_host->clear();
    for (const QString &host : std::as_const(hosts))
        m_host->addItem(QStringLiteral("%1 — %2").arg(hostDisplayName(host), host), host);
    const int preferred = m_host->findData(m_preferredHost);
    m_host->setCurrentIndex(preferred >= 0 ? preferred : 0);
    m_status->setText(hosts.isEmpty() ? tr("The history holds no host yet: record one first "
                                           "(connect a host, or run balloonscope-cli record).")
                                      : QString());
    hostChanged();
}

void ReportDialog::hostChanged() {
    const QString host = m_host->currentData().toString();
    m_guests->clear();
    QList<const GuestInfo *> guests;
    for (const GuestInfo &g : std::as_const(m_known)) {
        if (g.hostId == host)
            guests.append(&g);
    }
    std::sort(guests.begin(), guests.end(), [](const GuestInfo *a, const GuestInfo *b) {
        return QString::localeAwareCompare(a->name, b->name) < 0;
    });
    for (const GuestInfo *g : std::as_const(guests)) {
        auto *item = new QStandardItem(g->name);
        item->setToolTip(g->uuid);
        item->setData(g->uuid, UuidRole);
        item->setCheckable(true);
        item->setCheckState(Qt::Checked);
        item->setEditable(false);
        m_guests->appendRow(item);
    }
    if (m_path->text().isEmpty() || m_path->property("suggested").toBool()) {
        static const QRegularExpression unsafe(QStringLiteral(R"([^\w.-]+)"));
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString name = QStringLiteral("memory-report-%1-%2.pdf")
                                 .arg(hostDisplayName(host).replace(unsafe, QStringLiteral("-")),
                                      QDate::currentDate().toString(Qt::ISODate));
        // Documents only where it exists (a fresh account or a server may have none).
        const bool useDocuments = !dir.isEmpty() && QFileInfo(dir).isDir();
        m_path->setText(QDir(useDocuments ? dir : QDir::homePath()).filePath(name));
        m_path->setProperty("suggested", true);
    }
}

void ReportDialog::rangeChanged() {
    const bool custom = m_range->currentData().toLongLong() == 0;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
}

void ReportDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Save Report"), m_path->text(),
                                                        tr("PDF document (*.pdf)"));
    if (chosen.isEmpty())
        return;
    m_path->setText(chosen.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
                        ? chosen
                        : chosen + QStringLiteral(".pdf"));
    m_path->setProperty("suggested", false);
}

ReportRequest ReportDialog::request() const {
    ReportRequest r;
    r.hostId = m_host->currentData().toString();
    r.hostName = hostDisplayName(r.hostId);
    for (int i = 0; i < m_guests->rowCount(); ++i) {
        if (m_guests->item(i)->checkState() == Qt::Checked)
            r.guests.append(m_guests->item(i)->data(UuidRole).toString());
    }
    const qint64 seconds = m_range->currentData().toLongLong();
    if (seconds > 0) {
        r.toMs = QDateTime::currentMSecsSinceEpoch();
        r.fromMs = r.toMs - seconds * 1000;
        r.rangeLabel = m_range->currentText();
    } else {
        r.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        r.toMs = m_to->dateTime().toMSecsSinceEpoch();
    }
    r.sections = {};
    if (m_cover->isChecked())
        r.sections |= ReportSection::Cover;
    if (m_hostSection->isChecked())
        r.sections |= ReportSection::HostSummary;
    if (m_sizingSection->isChecked())
        r.sections |= ReportSection::Sizing;
    if (m_policiesSection->isChecked())
        r.sections |= ReportSection::Policies;
    if (m_guestSection->isChecked())
        r.sections |= ReportSection::Guests;
    return r;
}

bool ReportDialog::start() {
    const ReportRequest r = request();
    if (r.hostId.isEmpty()) {
        showError(tr("Choose a host."));
        return false;
    }
    if (r.guests.isEmpty()) {
        showError(tr("Tick at least one guest."));
        return false;
    }
    if (r.toMs <= r.fromMs) {
        showError(tr("The range must end after it starts."));
        return false;
    }
    if (!(r.sections & (ReportSection::HostSummary | ReportSection::Sizing |
                        ReportSection::Policies | ReportSection::Guests))) {
        showError(tr("Choose the host summary, the sizing advice, the policies or the guests."));
        return false;
    }
    if (m_path->text().trimmed().isEmpty()) {
        showError(tr("Choose the file to write."));
        return false;
    }
    setRunning(true);
    if (!m_job->start(r, m_path->text().trimmed())) {
        setRunning(false);
        return false;
    }
    return true;
}

void ReportDialog::setRunning(bool running) {
    for (QWidget *w : std::as_const(m_inputs))
        w->setEnabled(!running);
    if (!running)
        rangeChanged();
    m_create->setEnabled(!running);
    m_buttons->button(QDialogButtonBox::Close)->setText(running ? tr("Cancel") : tr("Close"));
}

void ReportDialog::onFinished(const QString &path, int pages) {
    setRunning(false);
    m_progress->setValue(100);
    m_status->setText(tr("Wrote %1 (%2 pages).").arg(QDir::toNativeSeparators(path)).arg(pages));
    Q_EMIT reportWritten(path, pages);
    if (m_open->isChecked() && m_opener)
        m_opener(QUrl::fromLocalFile(path));
}

void ReportDialog::onFailed(const Error &error) {
    setRunning(false);
    m_progress->setValue(0);
    showError(error.message);
}

void ReportDialog::showError(const QString &text) {
    m_status->setText(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
}

void ReportDialog::reject() {
    if (m_job->isRunning()) {
        m_job->cancel();
        setRunning(false);
        m_status->setText(tr("Cancelled."));
        return;
    }
    QDialog::reject();
}

} // namespace bs::gui
