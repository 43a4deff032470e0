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
    const DerivedMetrics d = deriveMetrics(row.stats);
    switch (column) {
    case Name:
        return row.name;
    case Host:
        return row.hostName;
    case State:
        return domainStateName(row.state);
    case Actual:
        return sizeText(row.stats.actual);
    case Used:
        return sizeText(d.used);
    case Usable:
        return sizeText(row.stats.usable);
    case Rss:
        return sizeText(row.stats.rss);
    case UsedPercent:
        return d.usedPercentOfAvailable ? percentText(*d.usedPercentOfAvailable)
                                        : QStringLiteral("—");
    case Stats:
        return statsStateName(row.statsState);
    case Readiness:
        if (const auto stale = m_stale.constFind(row.hostId); stale != m_stale.constEnd())
            return tr("%1 (%2)").arg(badge(row).text, stale->asOf);
        return badge(row).text;
    case LastReport:
        if (row.lastReportMs <= 0)
            return isActive(row.state) ? tr("never") : QStringLiteral("—");
        return ageText((m_nowMs() - row.lastReportMs) / 1000, row.lastReportMs);
    default:
        return {};
    }
}

QVariant GuestTableModel::sortValue(const Row &row, int column) const {
    const DerivedMetrics d = deriveMetrics(row.stats);
    auto num = [](const auto &opt) {
        return opt ? QVariant::fromValue(double(*opt)) : QVariant(-1.0);
    };
    switch (column) {
    case Actual:
        return num(row.stats.actual);
    case Used:
        return num(d.used);
    case Usable:
        return num(row.stats.usable);
    case Rss:
        return num(row.stats.rss);
    case UsedPercent:
        return num(d.usedPercentOfAvailable);
    case LastReport:
        return row.lastReportMs > 0 ? QVariant(double(m_nowMs() - row.lastReportMs))
                                    : QVariant(1e18);
    case Stats:
        return int(row.statsState);
    case Readiness: {
        // What needs attention first, provisional after checked, ready last.
        const ReadinessBadge b = badge(row);
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
    case VerdictKeyRole:
        return verdictKey(badge(row).verdict);
    case VerdictProvisionalRole:
        return badge(row).provisional;
    case StaleRole:
        return m_stale.contains(row.hostId);
    case Qt::DecorationRole:
        if (column == Stats)
            return statusDot(statsColor(row.statsState));
        if (column == Readiness) {
            const ReadinessBadge b = badge(row);
            return verdictIcon(b.verdict, b.provisional);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (isFigureColumn(column))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        // A provisional readiness verdict is set in italics (and its icon is a ring).
        if (column == Readiness && badge(row).provisional) {
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
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).hostId == hostId)
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    }
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
    for (const MemorySample &s : cycle.samples) {
        int r = rowOf(s.hostId, s.uuid);
        if (r < 0) {
            r = int(m_rows.size());
            beginInsertRows({}, r, r);
            Row row;
            row.hostId = s.hostId;
            row.hostName = m_hostNames.value(s.hostId, s.hostId);
            row.uuid = s.uuid;
            m_rows.append(row);
            endInsertRows();
        }
        Row &row = m_rows[r];
        // What a poll usually changes is the figures and the report's age: only those columns
        // are announced then (the columns' widths are refitted only for the others).
        const bool sameText =
            row.name == s.name && row.state == s.state && row.statsState == s.statsState;
        row.name = s.name;
        row.state = s.state;
        row.statsState = s.statsState;
        row.balloon = s.balloon;
        row.persistent = s.persistent;
        row.sampleTimeMs = s.timeMs;
        if (s.freshReport || !isActive(s.state)) {
            row.stats = s.stats;
        } else {
            // keep the last report's guest fields, take the new host-side ones
            row.stats.actual = s.stats.actual;
            row.stats.maximum = s.stats.maximum;
            row.stats.rss = s.stats.rss;
        }
        if (s.stats.lastUpdate && *s.stats.lastUpdate > 0 && isActive(s.state))
            row.lastReportMs = *s.stats.lastUpdate * 1000;
        else if (!isActive(s.state))
            row.lastReportMs = 0;
        if (sameText) {
            Q_EMIT dataChanged(index(r, Actual), index(r, UsedPercent));
            Q_EMIT dataChanged(index(r, LastReport), index(r, LastReport));
        } else {
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }
}

void GuestTableModel::removeGuests(const QString &hostId, const QStringList &uuids) {
    for (const QString &uuid : uuids) {
        const int r = rowOf(hostId, uuid);
        if (r < 0)
            continue;
        beginRemoveRows({}, r, r);
        m_rows.removeAt(r);
        endRemoveRows();
    }
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

ReadinessBadge GuestTableModel::badge(const Row &row) const {
    return ReadinessBadge::of(readiness(row), row.statsState);
}

void GuestTableModel::setReadiness(const QString &hostId, const QString &uuid,
                                   const ReadinessSummary &summary) {
    m_readiness[hostId].insert(uuid, summary);
    const int r = rowOf(hostId, uuid);
    if (r >= 0)
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
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).hostId == hostId)
            Q_EMIT dataChanged(index(r, Readiness), index(r, Readiness));
    }
}

void GuestTableModel::removeHost(const QString &hostId) {
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        if (m_rows.at(r).hostId != hostId)
            continue;
        beginRemoveRows({}, r, r);
        m_rows.removeAt(r);
        endRemoveRows();
    }
    m_hostNames.remove(hostId);
    m_readiness.remove(hostId);
    m_stale.remove(hostId);
}

void GuestTableModel::setHostName(const QString &hostId, const QString &name) {
    m_hostNames.insert(hostId, name);
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).hostId == hostId) {
            m_rows[r].hostName = name;
            Q_EMIT dataChanged(index(r, Host), index(r, Host));
        }
    }
}

void GuestTableModel::setUnit(units::SizeUnit unit) {
    m_unit = unit;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Actual), index(int(m_rows.size()) - 1, Rss));
}

const GuestTableModel::Row *GuestTableModel::rowAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int GuestTableModel::rowOf(const QString &hostId, const QString &uuid) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).uuid == uuid && m_rows.at(i).hostId == hostId)
            return i;
    }
    return -1;
}

int GuestTableModel::guestCount(const QString &hostId) const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [&](const Row &r) { return r.hostId == hostId; }));
}

void GuestTableModel::tick() {
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, LastReport), index(int(m_rows.size()) - 1, LastReport));
}

} // namespace bs::gui
