#include "GuestTableModel.h"

#include "common/StatusDot.h"
#include "metrics/DerivedMetrics.h"
#include "readiness/ReadinessIcons.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace bs::gui {

namespace {

QColor statsColor(StatsState state) {
    switch (state) {
    case StatsState::Reporting:
        return QColor(0x2e, 0x7d, 0x32);
    case StatsState::Waiting:
        return QColor(0x15, 0x65, 0xc0);
    case StatsState::Off:
    case StatsState::Stale:
        return QColor(0xef, 0x6c, 0x00);
    case StatsState::NoDriver:
    case StatsState::NoBalloon:
        return QColor(0xc6, 0x28, 0x28);
    case StatsState::Inactive:
    case StatsState::Unknown:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

// The age column's text changes when this does: every second for the first two minutes, then
// every minute, hour, day; past a month (the date) not at all. Follows ageText's steps.
qint64 ageBucket(qint64 nowMs, qint64 reportMs) {
    if (reportMs <= 0)
        return -2;
    const qint64 seconds = (nowMs - reportMs) / 1000;
    if (seconds >= 30LL * 86400)
        return -3;
    if (seconds < 0)
        return -1;
    if (seconds < 120)
        return seconds;
    if (seconds < 7200)
        return 1'000'000 + seconds / 60;
    if (seconds < 172800)
        return 2'000'000 + seconds / 3600;
    return 3'000'000 + seconds / 86400;
}

QString ageText(qint64 seconds, qint64 reportMs) {
    // Past a month, "13532 days ago" says less than the date (libvirt's test driver reports
    // from 1989).
    if (seconds >= 30LL * 86400)
        return GuestTableModel::tr("on %1").arg(QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(reportMs).date(), QLocale::ShortFormat));
    if (seconds < 0)
        return GuestTableModel::tr("just now");
    if (seconds < 120)
        return GuestTableModel::tr("%n s ago", nullptr, int(seconds));
    if (seconds < 7200)
        return GuestTableModel::tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 172800)
        return GuestTableModel::tr("%n h ago", nullptr, int(seconds / 3600));
    return GuestTableModel::tr("%n days ago", nullptr, int(seconds / 86400));
}

// Guest figures are current only while the guest reports.
bool guestFiguresCurrent(const GuestTableModel::Row &row) {
    return row.statsState == StatsState::Reporting;
}

using Columns = CellChanges::Columns;
constexpr Columns col(int c) {
    return CellChanges::column(c);
}
// What the filter box searches: FilterTextRole.
constexpr Columns FilterColumns = col(GuestTableModel::Name) | col(GuestTableModel::Host) |
                                  col(GuestTableModel::State) | col(GuestTableModel::Stats) |
                                  col(GuestTableModel::Readiness);
constexpr Columns AllColumns = CellChanges::span(0, GuestTableModel::ColumnCount - 1);

} // namespace

GuestTableModel::GuestTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &GuestTableModel::tick);
    m_ageTimer.start();
}

int GuestTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GuestTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString GuestTableModel::sizeText(const std::optional<quint64> &kib) const {
    return kib ? units::formatKiB(*kib, QLocale(), m_unit) : QStringLiteral("—");
}

QString GuestTableModel::percentText(double percent) {
    return QStringLiteral("%1 %").arg(QLocale().toString(percent, 'f', 1));
}

QString GuestTableModel::columnKey(int column) {
    switch (column) {
    case Name:
        return QStringLiteral("name");
    case Host:
        return QStringLiteral("host");
    case State:
        return QStringLiteral("state");
    case Readiness:
        return QStringLiteral("readiness");
    case Actual:
        return QStringLiteral("actual");
    case Used:
        return QStringLiteral("used");
    case Usable:
        return QStringLiteral("usable");
    case Rss:
        return QStringLiteral("rss");
    case UsedPercent:
        return QStringLiteral("usedPercent");
    case Stats:
        return QStringLiteral("stats");
    case LastReport:
        return QStringLiteral("lastReport");
    default:
        return {};
    }
}

int GuestTableModel::columnOfKey(const QString &key) {
    for (int column = 0; column < ColumnCount; ++column) {
        if (columnKey(column) == key)
            return column;
    }
    return -1;
}

bool GuestTableModel::isFigureColumn(int column) {
    return column >= Actual && column <= UsedPercent;
}

QString GuestTableModel::widestFigure(int column) const {
    if (column == UsedPercent)
        return percentText(100.0);
    if (!isFigureColumn(column))
        return {};
    // The largest figure of each unit the automatic choice switches between (just under
    // 10 MiB, just under 10 GiB) and a large guest (64 GiB), for a fixed unit.
    QString widest;
    for (const quint64 kib :
         {10 * units::KiBPerMiB - 1, 10 * units::KiBPerGiB - 1, 64 * units::KiBPerGiB}) {
        const QString text = sizeText(kib);
        if (text.size() > widest.size())
            widest = text;
    }
    return widest;
}

QVariant GuestTableModel::display(const Row &row, int column) const {
    switch (column) {
    case Name:
        return row.name;
    case Host:
        return row.hostName;
    case State:
        return row.stateText;
    case Actual:
    case Used:
    case Usable:
    case Rss:
    case UsedPercent:
        return row.figureTextOf(column);
    case Stats:
        return row.statsText;
    case Readiness:
        if (const auto stale = m_stale.constFind(row.hostId); stale != m_stale.constEnd())
            return tr("%1 (%2)").arg(row.badge.text, stale->asOf);
        return row.badge.text;
    case LastReport:
        if (row.lastReportMs <= 0)
            return isActive(row.state) ? tr("never") : QStringLiteral("—");
        return ageText((m_nowMs() - row.lastReportMs) / 1000, row.lastReportMs);
    default:
        return {};
    }
}

QVariant GuestTableModel::sortValue(const Row &row, int column) const {
    switch (column) {
    case Actual:
    case Used:
    case Usable:
    case Rss:
    case UsedPercent:
        return row.figureSortValue(column);
    case LastReport:
        // Youngest report first; the order of the ages, which does not change as time passes
        // (the age column ticks without re-sorting).
        return row.lastReportMs > 0 ? QVariant(-double(row.lastReportMs)) : QVariant(1e18);
    case Stats:
        return int(row.statsState);
    case Readiness: {
        // What needs attention first, provisional after checked, ready last.
        const ReadinessBadge &b = row.badge;
        return (b.verdict == Verdict::Ready ? 100 : int(b.verdict) * 2) + (b.provisional ? 1 : 0);
    }
    case State:
        return int(row.state);
    default:
        return display(row, column).toString().toLower();
    }
}

QVariant GuestTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        return sortValue(row, column);
    case HostIdRole:
        return row.hostId;
    case UuidRole:
        return row.uuid;
    case StatsStateRole:
        return int(row.statsState);
    case FilterTextRole:
        return row.filterText;
    case VerdictKeyRole:
        return verdictKey(row.badge.verdict);
    case VerdictProvisionalRole:
        return row.badge.provisional;
    case StaleRole:
        return m_stale.contains(row.hostId);
    case Qt::DecorationRole:
        if (column == Stats)
            return statusDot(statsColor(row.statsState));
        if (column == Readiness)
            return verdictIcon(row.badge.verdict, row.badge.provisional);
        return {};
    case Qt::TextAlignmentRole:
        if (isFigureColumn(column))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        // A provisional readiness verdict is set in italics (and its icon is a ring).
        if (column == Readiness && row.badge.provisional) {
            QFont font = QGuiApplication::font();
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        // Guest figures of a guest that no longer reports are history, not the present; so is
        // every figure of a host that does not answer.
        if (m_stale.contains(row.hostId) ||
            ((column == Used || column == Usable || column == UsedPercent) &&
             !guestFiguresCurrent(row)))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole:
        if (const auto stale = m_stale.constFind(row.hostId); stale != m_stale.constEnd()) {
            const QString tip = cellToolTip(row, column);
            return tip.isEmpty() ? stale->reason : stale->reason + QStringLiteral("\n\n") + tip;
        }
        return cellToolTip(row, column);
    default:
        return {};
    }
}

QString GuestTableModel::cellToolTip(const Row &row, int column) const {
    switch (column) {
    case Stats:
        return statsStateExplanation(row.statsState);
    case Readiness:
        return ReadinessBadge::toolTip(readiness(row), row.statsState);
    case Used:
        return tr("Used = available − unused (Linux: MemTotal − MemFree, page cache counts as "
                  "used).");
    case Usable:
        return tr("Usable: what the guest could still use without swapping (Linux: MemAvailable).");
    case Actual:
        return tr("Actual: the balloon size, what the host currently gives the guest.");
    case Rss:
        return tr("RSS: the QEMU process's resident memory on the host.");
    case UsedPercent:
        return tr("Used as a share of the memory the guest sees (available).");
    case LastReport:
        return row.lastReportMs > 0
                   ? QDateTime::fromMSecsSinceEpoch(row.lastReportMs).toString(Qt::ISODate)
                   : QString();
    default:
        return {};
    }
}

void GuestTableModel::setHostStale(const QString &hostId, const QString &reason,
                                   const QString &asOf) {
    const auto it = m_stale.constFind(hostId);
    if (reason.isEmpty() ? it == m_stale.constEnd()
                         : it != m_stale.constEnd() && it->reason == reason && it->asOf == asOf)
        return;
    if (reason.isEmpty())
        m_stale.remove(hostId);
    else
        m_stale.insert(hostId, Stale{reason, asOf});
    // The host's rows: every cell's colour and tooltip, the readiness text.
    CellChanges changes;
    for (int r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        if (row.hostId != hostId)
            continue;
        row.filterText = filterText(row);
        changes.mark(r, AllColumns);
    }
    emitChanges(changes);
}

QVariant GuestTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Guest");
    case Host:
        return tr("Host");
    case State:
        return tr("State");
    case Actual:
        return tr("Actual");
    case Used:
        return tr("Used");
    case Usable:
        return tr("Usable");
    case Rss:
        return tr("RSS");
    case UsedPercent:
        return tr("Used %");
    case Stats:
        return tr("Stats");
    case Readiness:
        return tr("Readiness");
    case LastReport:
        return tr("Last report");
    default:
        return {};
    }
}

void GuestTableModel::applyCycle(const PollCycle &cycle) {
    CellChanges changes;
    QList<Row> added;
    QHash<QString, int> addedAt; // host + uuid → index in `added` (a guest twice in one cycle)
    const QString *lastHost = nullptr;
    QHash<QString, int> *hostRows = nullptr; // m_index[lastHost]
    for (const MemorySample &s : cycle.samples) {
        if (!lastHost || *lastHost != s.hostId) {
            lastHost = &s.hostId;
            const auto it = m_index.find(s.hostId);
            hostRows = it == m_index.end() ? nullptr : &*it;
        }
        const int r = hostRows ? hostRows->value(s.uuid, -1) : -1;
        if (r >= 0) {
            Row &row = m_rows[r];
            Columns changed = row.takeSample(s, m_unit);
            if (changed & (col(Stats) | col(Readiness)))
                updateBadge(row);
            if (changed & col(LastReport))
                row.ageBucket = ageBucket(m_nowMs(), row.lastReportMs);
            if (changed & FilterColumns)
                row.filterText = filterText(row);
            changes.mark(r, changed);
            continue;
        }
        const QString key = s.hostId + QLatin1Char('\n') + s.uuid;
        int at = addedAt.value(key, -1);
        if (at < 0) {
            at = int(added.size());
            addedAt.insert(key, at);
            Row row;
            row.hostId = s.hostId;
            row.hostName = m_hostNames.value(s.hostId, s.hostId);
            row.uuid = s.uuid;
            added.append(row);
        }
        Row &row = added[at];
        row.takeSample(s, m_unit);
        row.formatAll(m_unit);
        updateBadge(row);
        row.ageBucket = ageBucket(m_nowMs(), row.lastReportMs);
        row.filterText = filterText(row);
    }
    if (!added.isEmpty()) {
        // New guests in one insertion, in the order the poll listed them.
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(std::move(added));
        reindexFrom(first);
        endInsertRows();
    }
    emitChanges(changes);
}

void GuestTableModel::emitChanges(const CellChanges &changes) {
    for (const CellChanges::Range &range : changes.ranges(int(m_rows.size())))
        Q_EMIT dataChanged(index(range.top, range.left), index(range.bottom, range.right));
}

void GuestTableModel::reindexFrom(int first) {
    for (int r = first; r < m_rows.size(); ++r)
        m_index[m_rows.at(r).hostId].insert(m_rows.at(r).uuid, r);
}

void GuestTableModel::removeRowRuns(QList<int> rows) {
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // From the last run up, so the rows still to remove keep their numbers; the index is right
    // again before each endRemoveRows (a view's slot may look a guest up).
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i + 1;
        while (j < rows.size() && rows.at(j) == rows.at(j - 1) - 1)
            ++j;
        const int last = rows.at(i);
        const int first = rows.at(j - 1);
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) {
            const Row &row = m_rows.at(r);
            auto host = m_index.find(row.hostId);
            host->remove(row.uuid);
            if (host->isEmpty())
                m_index.erase(host);
        }
        m_rows.remove(first, last - first + 1);
        reindexFrom(first);
        endRemoveRows();
        i = j;
    }
}

void GuestTableModel::removeGuests(const QString &hostId, const QStringList &uuids) {
    QList<int> rows;
    for (const QString &uuid : uuids) {
        const int r = rowOf(hostId, uuid);
        if (r >= 0)
            rows.append(r);
    }
    removeRowRuns(std::move(rows));
    if (auto host = m_readiness.find(hostId); host != m_readiness.end()) {
        for (const QString &uuid : uuids)
            host->remove(uuid);
    }
}

const ReadinessSummary *GuestTableModel::readiness(const Row &row) const {
    const auto host = m_readiness.constFind(row.hostId);
    if (host == m_readiness.constEnd())
        return nullptr;
    const auto it = host->constFind(row.uuid);
    return it == host->constEnd() ? nullptr : &*it;
}

bool GuestTableModel::updateBadge(Row &row) {
    const ReadinessBadge badge = ReadinessBadge::of(readiness(row), row.statsState);
    const bool changed = badge.verdict != row.badge.verdict ||
                         badge.provisional != row.badge.provisional || badge.text != row.badge.text;
    row.badge = badge;
    return changed;
}

QString GuestTableModel::filterText(const Row &row) const {
    const QString readinessText = display(row, Readiness).toString();
    return row.name + FilterTextSeparator + row.hostName + FilterTextSeparator + row.stateText +
           FilterTextSeparator + row.statsText + FilterTextSeparator + readinessText;
}

void GuestTableModel::setReadiness(const QString &hostId, const QString &uuid,
                                   const ReadinessSummary &summary) {
    m_readiness[hostId].insert(uuid, summary);
    const int r = rowOf(hostId, uuid);
    if (r < 0)
        return;
    // Announced only when the cell's text or badge moved: the tooltip (why, next step, when
    // checked) is asked for on hover, and the periodic re-check of 5,000 guests mostly confirms
    // what they showed (each announcement re-sorts the row and refits the columns).
    Row &row = m_rows[r];
    const bool badgeChanged = updateBadge(row);
    QString text = filterText(row);
    if (!badgeChanged && text == row.filterText)
        return;
    row.filterText = std::move(text);
    Q_EMIT dataChanged(index(r, Readiness), index(r, Readiness));
}

void GuestTableModel::clearReadiness(const QString &hostId, const QStringList &uuids) {
    if (uuids.isEmpty()) {
        m_readiness.remove(hostId);
    } else {
        auto host = m_readiness.find(hostId);
        if (host == m_readiness.end())
            return;
        for (const QString &uuid : uuids)
            host->remove(uuid);
    }
    CellChanges changes;
    for (int r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        if (row.hostId != hostId || (!uuids.isEmpty() && !uuids.contains(row.uuid)))
            continue;
        updateBadge(row);
        row.filterText = filterText(row);
        changes.mark(r, col(Readiness));
    }
    emitChanges(changes);
}

void GuestTableModel::removeHost(const QString &hostId) {
    QList<int> rows;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).hostId == hostId)
            rows.append(r);
    }
    removeRowRuns(std::move(rows));
    m_hostNames.remove(hostId);
    m_readiness.remove(hostId);
    m_stale.remove(hostId);
}

void GuestTableModel::setHostName(const QString &hostId, const QString &name) {
    m_hostNames.insert(hostId, name);
    CellChanges changes;
    for (int r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        if (row.hostId != hostId || row.hostName == name)
            continue;
        row.hostName = name;
        row.filterText = filterText(row);
        changes.mark(r, col(Host));
    }
    emitChanges(changes);
}

void GuestTableModel::setUnit(units::SizeUnit unit) {
    if (unit == m_unit)
        return;
    m_unit = unit;
    const Columns sizes = CellChanges::span(Actual, Rss);
    CellChanges changes;
    for (int r = 0; r < m_rows.size(); ++r) {
        m_rows[r].formatFigures(unit, sizes);
        changes.mark(r, sizes);
    }
    emitChanges(changes);
}

const GuestTableModel::Row *GuestTableModel::rowAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int GuestTableModel::rowOf(const QString &hostId, const QString &uuid) const {
    const auto host = m_index.constFind(hostId);
    return host == m_index.constEnd() ? -1 : host->value(uuid, -1);
}

int GuestTableModel::guestCount(const QString &hostId) const {
    const auto host = m_index.constFind(hostId);
    return host == m_index.constEnd() ? 0 : int(host->size());
}

void GuestTableModel::tick() {
    // Only the rows whose age text changes: most ages past two minutes change once a minute.
    const qint64 now = m_nowMs();
    CellChanges changes;
    for (int r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        const qint64 bucket = ageBucket(now, row.lastReportMs);
        if (bucket == row.ageBucket)
            continue;
        row.ageBucket = bucket;
        changes.mark(r, col(LastReport));
    }
    emitChanges(changes);
}

} // namespace bs::gui
