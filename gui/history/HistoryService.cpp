#include "HistoryService.h"

#include "app/HostRegistry.h"
#include "balloon/BalloonChangeEvent.h"
#include "common/Logging.h"
#include "host/HostOverviewHub.h"
#include "libvirt/ConnectionUri.h"

#include <QDir>

namespace bs::gui {

namespace {

constexpr qint64 SecondsPerDay = 86400;
const QString StatusKey = QStringLiteral("status");
const QString ReplacedKey = QStringLiteral("replaced");
const QString LeasePrefix = QStringLiteral("lease:");
const QString WriteFailedKey = QStringLiteral("write");
const QString ReadFailedKey = QStringLiteral("read");

} // namespace

HistoryService::HistoryService(HistoryOptions options, QObject *parent)
    : QObject(parent)
    , m_store(new HistoryStore(std::move(options), this)) {
    connect(m_store, &HistoryStore::statusChanged, this, &HistoryService::onStatus);
    connect(m_store, &HistoryStore::databaseReplaced, this, &HistoryService::onReplaced);
    connect(m_store, &HistoryStore::hostWriteStateChanged, this, &HistoryService::onWriteState);
    connect(m_store, &HistoryStore::failed, this, &HistoryService::onWriteFailed);
    m_store->open();
}

HistoryService::~HistoryService() = default; // the store finishes its queue and closes

void HistoryService::watch(HostRegistry *registry) {
    connect(registry, &HostRegistry::cycleReady, this, &HistoryService::recordCycle);
    connect(registry, &HostRegistry::lifecycleEvent, m_store, &HistoryStore::recordLifecycle);
}

void HistoryService::watchHostSamples(HostOverviewHub *hub) {
    connect(hub, &HostOverviewHub::sampleReady, m_store, &HistoryStore::recordHost);
    connect(hub, &HostOverviewHub::overviewChanged, this,
            [this, hub](const QString &hostId) { onOverview(hub, hostId); });
}

void HistoryService::recordCycle(const PollCycle &cycle) {
    m_store->record(cycle);
    Q_EMIT cycleQueued(cycle);
}

void HistoryService::onOverview(HostOverviewHub *hub, const QString &hostId) {
    // virNodeGetInfo's memory: the host total where MemTotal is not available. Stored on change.
    const HostOverview *overview = hub->overview(hostId);
    if (!overview || !overview->info || overview->info->memory == 0)
        return;
    const quint64 kib = overview->info->memory;
    if (m_nodeMemory.value(hostId) == kib)
        return;
    m_nodeMemory.insert(hostId, kib);
    m_store->recordHostMemory(hostId, overview->timeMs, kib);
}

RetentionPolicy HistoryService::retentionFrom(const Preferences &preferences) {
    RetentionPolicy p;
    p.rawSeconds = qint64(preferences.rawRetentionDays) * SecondsPerDay;
    p.minuteSeconds = qint64(preferences.minuteRetentionDays) * SecondsPerDay;
    p.hourSeconds = qint64(preferences.hourRetentionDays) * SecondsPerDay;
    return p.normalized();
}

void HistoryService::setRetention(const RetentionPolicy &policy) {
    m_store->setRetention(policy);
}

void HistoryService::recordEvent(const HistoryEvent &event) {
    HistoryEvent e = event;
    if (e.source.isEmpty())
        e.source = QStringLiteral("app");
    m_store->recordEvent(e);
    Q_EMIT eventQueued(e);
}

void HistoryService::recordBalloonChange(const BalloonChangeEvent &change) {
    recordEvent(HistoryEvent::fromBalloonChange(change));
}

QList<HistoryNotice> HistoryService::notices() const {
    QList<HistoryNotice> out = m_notices;
    std::stable_sort(out.begin(), out.end(), [](const HistoryNotice &a, const HistoryNotice &b) {
        return int(a.level) > int(b.level);
    });
    return out;
}

void HistoryService::dismissNotice(const QString &key) {
    removeNotice(key);
}

void HistoryService::onWriteFailed(const Error &error) {
    // Disk full and a damaged file have notices of their own (status, replaced); this is the
    // rest: a poll, an event or a roll-up that could not be written.
    qCWarning(lcHistory) << "history write failed:" << error.message;
    HistoryNotice n;
    n.key = WriteFailedKey;
    n.level = HistoryNotice::Level::Error;
    n.text = tr("Writing the history failed: %1").arg(error.message);
    n.shortText = tr("History: a write failed");
    n.detail = error.message;
    n.dismissable = true;
    setNotice(n);
}

void HistoryService::reportReadFailure(const Error &error) {
    qCWarning(lcHistory) << "history query failed:" << error.message;
    HistoryNotice n;
    n.key = ReadFailedKey;
    n.level = HistoryNotice::Level::Warning;
    n.text = tr("The history could not be read: %1 The charts show the figures read before; "
                "they are read again with the next poll or change of range.")
                 .arg(error.message);
    n.shortText = tr("History: a read failed");
    n.detail = error.message;
    n.dismissable = true;
    setNotice(n);
}

void HistoryService::clearReadFailure() {
    removeNotice(ReadFailedKey);
}

void HistoryService::setNotice(const HistoryNotice &notice) {
    for (HistoryNotice &n : m_notices) {
        if (n.key == notice.key) {
            if (n == notice)
                return;
            n = notice;
            Q_EMIT noticesChanged();
            return;
        }
    }
    m_notices.append(notice);
    Q_EMIT noticesChanged();
}

void HistoryService::removeNotice(const QString &key) {
    const auto removed = m_notices.removeIf([&](const HistoryNotice &n) { return n.key == key; });
    if (removed > 0)
        Q_EMIT noticesChanged();
}

void HistoryService::onStatus(const HistoryStatus &status) {
    HistoryNotice n;
    n.key = StatusKey;
    n.detail = status.detail;
    switch (status.state) {
    case HistoryStatus::State::Ready:
    case HistoryStatus::State::Closed:
        removeNotice(StatusKey);
        return;
    case HistoryStatus::State::Paused:
        n.level = HistoryNotice::Level::Error;
        n.text = status.message + QLatin1Char(' ') +
                 tr("%n poll(s) not recorded so far.", nullptr, status.droppedCycles);
        n.shortText = tr("History: recording paused (disk full)");
        break;
    case HistoryStatus::State::ReadOnly:
        n.level = HistoryNotice::Level::Warning;
        n.text = status.message + QLatin1Char(' ') +
                 tr("File: %1").arg(QDir::toNativeSeparators(status.path));
        n.shortText = tr("History: read-only");
        break;
    case HistoryStatus::State::Unavailable:
        n.level = HistoryNotice::Level::Error;
        n.text = tr("The history cannot be used: %1").arg(status.message);
        n.shortText = tr("History: not available");
        break;
    }
    setNotice(n);
}

void HistoryService::onReplaced(const QString &movedTo, const QString &reason) {
    HistoryNotice n;
    n.key = ReplacedKey;
    n.level = HistoryNotice::Level::Warning;
    n.text = tr("The history file was damaged or was not a history database. It was moved aside "
                "to %1 and a new, empty history was started.")
                 .arg(QDir::toNativeSeparators(movedTo));
    n.shortText = tr("History: damaged file moved aside");
    n.detail = reason;
    n.dismissable = true;
    setNotice(n);
}

void HistoryService::onWriteState(const HostWriteState &state) {
    const QString key = LeasePrefix + state.hostId;
    if (state.recording) {
        m_covered.remove(state.hostId);
        removeNotice(key);
        return;
    }
    m_covered.insert(state.hostId, state.holder);
    HistoryNotice n;
    n.key = key;
    n.level = HistoryNotice::Level::Info;
    n.text = tr("%1 is recorded by a running %2. This window shows its history and does not "
                "record it a second time.")
                 .arg(hostDisplayName(state.hostId), state.holder.describe());
    n.shortText = tr("History: %1 recorded by pid %2")
                      .arg(hostDisplayName(state.hostId))
                      .arg(state.holder.pid);
    setNotice(n);
}

} // namespace bs::gui
