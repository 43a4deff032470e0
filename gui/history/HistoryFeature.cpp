#include "HistoryFeature.h"

#include "HistoryPage.h"
#include "HistoryService.h"
#include "app/HostRegistry.h"
#include "guests/GuestPanel.h"
#include "hosts/HostListModel.h"
#include "hosts/HostPanel.h"
#include "libvirt/ConnectionUri.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace bs::gui {

namespace {

HistoryOptions optionsFor(const MainWindow *window) {
    HistoryOptions options;
    options.path = window->settings().value(QStringLiteral("history/path")).toString();
    options.role = WriterRole::App;
    options.retention = HistoryService::retentionFrom(window->preferences());
    return options;
}

QString displayName(const QString &uri) {
    const auto parsed = ConnectionUri::parse(uri);
    if (const auto *u = std::get_if<ConnectionUri>(&parsed))
        return u->displayName();
    return uri;
}

} // namespace

HistoryFeature::HistoryFeature(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_service(new HistoryService(optionsFor(window), this))
    , m_page(new HistoryPage(m_service, window))
    , m_action(new QAction(tr("&History"), this))
    , m_status(new QLabel(window)) {
    m_service->watch(window->registry());
    m_service->watchHostSamples(window->hostHub());
    window->addPage(m_page, tr("History"));
    m_action->setToolTip(tr("Chart the selected guests' recorded memory over any range."));
    window->addGuestAction(m_action);
    m_status->setTextFormat(Qt::RichText);
    m_status->hide();
    window->statusBar()->addPermanentWidget(m_status);

    connect(window->hostPanel(), &HostPanel::currentHostChanged, this, &HistoryFeature::updateHost);
    connect(window->registry(), &HostRegistry::hostAdded, this, &HistoryFeature::updateHost);
    connect(window->registry(), &HostRegistry::hostRemoved, this, &HistoryFeature::updateHost);
    connect(window->guestPanel()->view()->selectionModel(), &QItemSelectionModel::selectionChanged,
            this, &HistoryFeature::followGuestSelection);
    connect(window->guestPanel(), &GuestPanel::currentGuestChanged, this,
            &HistoryFeature::followGuestSelection);
    connect(m_action, &QAction::triggered, this, &HistoryFeature::showSelected);
    connect(window, &MainWindow::preferencesChanged, this, &HistoryFeature::applyPreferences);
    connect(m_service, &HistoryService::noticesChanged, this, &HistoryFeature::updateStatus);
    connect(m_status, &QLabel::linkActivated, this, [this] { m_window->showPage(m_page); });

    applyPreferences();
    updateHost();
    updateStatus();
}

HistoryFeature::~HistoryFeature() = default;

void HistoryFeature::applyPreferences() {
    m_service->setRetention(HistoryService::retentionFrom(m_window->preferences()));
    m_page->setUnit(m_window->preferences().unit);
}

void HistoryFeature::updateHost() {
    // The selected host, else the first one.
    QString hostId = m_window->hostPanel()->currentHostId();
    if (hostId.isEmpty() && m_window->hostModel()->rowCount() > 0)
        hostId = m_window->hostModel()->hostIdAt(0);
    const bool changed = hostId != m_page->hostId();
    m_page->setHost(hostId, hostId.isEmpty() ? QString() : displayName(hostId));
    if (changed)
        followGuestSelection();
}

void HistoryFeature::followGuestSelection() {
    // The guest table's selection (or its current guest) on the page's host is what the guest
    // chart compares, until the user ticks others on the page.
    QStringList uuids;
    for (const auto &[hostId, uuid] : m_window->guestPanel()->selectedGuests()) {
        if (hostId == m_page->hostId())
            uuids.append(uuid);
    }
    if (!uuids.isEmpty())
        m_page->showGuests(uuids);
}

void HistoryFeature::showSelected() {
    const auto guests = m_window->guestPanel()->selectedGuests();
    if (!guests.isEmpty() && guests.first().first != m_page->hostId())
        m_page->setHost(guests.first().first, displayName(guests.first().first));
    followGuestSelection();
    m_window->showPage(m_page);
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
