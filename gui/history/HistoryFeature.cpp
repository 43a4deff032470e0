#include "HistoryFeature.h"

#include "HistoryPage.h"
#include "HistoryService.h"
#include "app/HostRegistry.h"
#include "libvirt/ConnectionUri.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QLabel>
#include <QSettings>

namespace bs::gui {

namespace {

HistoryOptions optionsFor(const Workbench *bench) {
    HistoryOptions options;
    options.path = bench->settings().value(QStringLiteral("history/path")).toString();
    options.role = WriterRole::App;
    options.retention = HistoryService::retentionFrom(bench->preferences());
    return options;
}

} // namespace

HistoryFeature::HistoryFeature(Workbench *bench)
    : QObject(bench)
    , m_bench(bench)
    , m_service(new HistoryService(optionsFor(bench), this))
    , m_page(new HistoryPage(m_service))
    , m_action(new QAction(tr("&History"), this))
    , m_status(new QLabel) {
    m_service->watch(bench->registry());
    m_service->watchHostSamples(bench->hostHub());
    m_page->enableSources(bench->settings());
    bench->addPage(m_page, tr("History"));
    m_action->setToolTip(tr("Chart the selected guests' recorded memory over any range."));
    bench->addGuestAction(m_action);
    m_status->setTextFormat(Qt::RichText);
    m_status->hide();
    bench->addStatusWidget(m_status);

    connect(bench, &Workbench::currentHostChanged, this, &HistoryFeature::updateHost);
    connect(bench, &Workbench::guestSelectionChanged, this, &HistoryFeature::followGuestSelection);
    connect(bench, &Workbench::currentGuestChanged, this, &HistoryFeature::followGuestSelection);
    connect(m_action, &QAction::triggered, this, &HistoryFeature::showSelected);
    connect(bench, &Workbench::preferencesChanged, this, &HistoryFeature::applyPreferences);
    connect(m_service, &HistoryService::noticesChanged, this, &HistoryFeature::updateStatus);
    connect(m_status, &QLabel::linkActivated, this, [this] { m_bench->showPage(m_page); });

    applyPreferences();
    updateHost();
    updateStatus();
}

HistoryFeature::~HistoryFeature() {
    // Ours until the window deletes them (it does so first, when there is one).
    delete m_page;
    delete m_status;
}

void HistoryFeature::applyPreferences() {
    m_service->setRetention(HistoryService::retentionFrom(m_bench->preferences()));
    m_page->setUnit(m_bench->preferences().unit);
}

void HistoryFeature::updateHost() {
    // The selected host, else the first one.
    const QString hostId = m_bench->currentHostId();
    const bool changed = hostId != m_page->hostId();
    m_page->setHost(hostId, hostId.isEmpty() ? QString() : hostDisplayName(hostId));
    if (changed)
        followGuestSelection();
}

void HistoryFeature::followGuestSelection() {
    // The guest table's selection (or its current guest) on the page's host is what the guest
    // chart compares, until the user ticks others on the page.
    QStringList uuids;
    for (const auto &[hostId, uuid] : m_bench->selectedGuests()) {
        if (hostId == m_page->hostId())
            uuids.append(uuid);
    }
    if (!uuids.isEmpty())
        m_page->showGuests(uuids);
}

void HistoryFeature::showSelected() {
    const auto guests = m_bench->selectedGuests();
    if (!guests.isEmpty() && guests.first().first != m_page->hostId())
        m_page->setHost(guests.first().first, hostDisplayName(guests.first().first));
    followGuestSelection();
    m_bench->showPage(m_page);
}

void HistoryFeature::updateStatus() {
    const QList<HistoryNotice> notices = m_service->notices();
    if (notices.isEmpty()) {
        m_status->hide();
        return;
    }
    const HistoryNotice &first = notices.first();
    const QString text = first.shortText.isEmpty() ? first.text : first.shortText;
    m_status->setText(QStringLiteral("<a href=\"history\">%1</a>").arg(text.toHtmlEscaped()));
    QStringList all;
    for (const HistoryNotice &n : notices)
        all.append(n.text);
    m_status->setToolTip(all.join(QStringLiteral("\n\n")));
    m_status->show();
}

} // namespace bs::gui
