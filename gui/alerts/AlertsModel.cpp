#include "AlertsModel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QStyle>

#include <algorithm>
#include <type_traits>

namespace bs::gui {

namespace {

// Where a row goes: worst first, then newest first, then by condition and host (so that no two
// rows tie and a row can be found by its key).
struct SortKey {
    Severity severity;
    qint64 sinceMs;
    const QString *condition;
    const QString *hostId;
};

bool before(const SortKey &a, const SortKey &b) {
    if (a.severity != b.severity)
        return a.severity > b.severity;
    if (a.sinceMs != b.sinceMs)
        return a.sinceMs > b.sinceMs;
    if (const int c = a.condition->compare(*b.condition); c != 0)
        return c < 0;
    return *a.hostId < *b.hostId;
}

SortKey keyOf(const QString &hostId, const ActiveAlert &a) {
    return {a.finding.severity, a.sinceMs, &a.finding.condition, &hostId};
}

// Runs of adjacent rows, ascending: [first, last] each.
QList<std::pair<int, int>> runsOf(QList<int> rows) {
    std::sort(rows.begin(), rows.end());
    QList<std::pair<int, int>> runs;
    for (const int row : std::as_const(rows)) {
        if (!runs.isEmpty() && runs.last().second + 1 == row)
            runs.last().second = row;
        else
            runs.append({row, row});
    }
    return runs;
}

} // namespace

AlertsModel::AlertsModel(QObject *parent)
    : QAbstractTableModel(parent) {}

AlertsModel::~AlertsModel() = default;

void AlertsModel::setAlerts(const QString &hostId, const QString &hostName,
                            const QList<ActiveAlert> &alerts) {
    apply(hostId, hostName, alerts);
}

void AlertsModel::setAlerts(const QString &hostId, const QString &hostName,
                            const QHash<QString, ActiveAlert> &alerts) {
    apply(hostId, hostName, alerts);
}

template <typename Alerts>
void AlertsModel::apply(const QString &hostId, const QString &hostName, const Alerts &alerts) {
    if (alerts.isEmpty() && !m_byHost.contains(hostId))
        return; // the common case of a quiet host: nothing to compare
    const std::array<int, 4> countsBefore = m_counts;
    QHash<QString, Row *> &mine = m_byHost[hostId];
    const quint64 generation = ++m_generation;
    std::vector<std::unique_ptr<Row>> added;
    QList<Row *> changed;                       // same place, new figures
    QList<std::pair<Row *, ActiveAlert>> moved; // a new severity (or time): a new place
    const auto handle = [&](const ActiveAlert &a) {
        const auto it = mine.constFind(a.finding.condition);
        if (it == mine.cend()) {
            added.push_back(std::make_unique<Row>(Row{hostId, hostName, a, generation, {}}));
            return;
        }
        Row *row = *it;
        row->seen = generation;
        if (row->alert.finding.severity != a.finding.severity || row->alert.sinceMs != a.sinceMs) {
            moved.append({row, a});
        } else if (row->alert != a || row->hostName != hostName) {
            row->alert = a;
            row->hostName = hostName;
            changed.append(row);
        }
    };
    if constexpr (std::is_same_v<Alerts, QList<ActiveAlert>>) {
        for (const ActiveAlert &a : alerts)
            handle(a);
    } else {
        for (auto it = alerts.cbegin(); it != alerts.cend(); ++it)
            handle(it.value());
    }

    // Gone: the rows this update did not find.
    QList<int> gone;
    for (auto it = mine.begin(); it != mine.end();) {
        if ((*it)->seen != generation) {
            gone.append(indexOf(*it));
            it = mine.erase(it);
        } else {
            ++it;
        }
    }
    if (!gone.isEmpty())
        eraseRows(std::move(gone));

    // Moved: one move each (rare: an escalation or an easing), keeping a selection on it.
    for (auto &[row, alert] : moved) {
        const int from = indexOf(row);
        const SortKey to = keyOf(hostId, alert);
        const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), to,
                                         [](const std::unique_ptr<Row> &r, const SortKey &k) {
                                             return before(keyOf(r->hostId, r->alert), k);
                                         });
        const int dest = int(at - m_rows.cbegin());
        --m_counts.at(std::size_t(row->alert.finding.severity));
        ++m_counts.at(std::size_t(alert.finding.severity));
        if (dest != from && dest != from + 1) {
            beginMoveRows({}, from, from, {}, dest);
            if (dest > from)
                std::rotate(m_rows.begin() + from, m_rows.begin() + from + 1,
                            m_rows.begin() + dest);
            else
                std::rotate(m_rows.begin() + dest, m_rows.begin() + from,
                            m_rows.begin() + from + 1);
            row->alert = std::move(alert);
            row->hostName = hostName;
            row->since.clear();
            endMoveRows();
        } else {
            row->alert = std::move(alert);
            row->hostName = hostName;
            row->since.clear();
        }
        changed.append(row);
    }

    if (!changed.isEmpty()) {
        QList<int> rows;
        rows.reserve(changed.size());
        for (const Row *row : std::as_const(changed))
            rows.append(indexOf(row));
        announceChanged(std::move(rows));
    }

    for (const std::unique_ptr<Row> &row : added)
        mine.insert(row->alert.finding.condition, row.get());
    if (!added.empty())
        insertSorted(std::move(added));
    if (mine.isEmpty())
        m_byHost.remove(hostId);
    if (m_counts != countsBefore)
        Q_EMIT countsChanged();
}

int AlertsModel::indexOf(const Row *row) const {
    const SortKey key = keyOf(row->hostId, row->alert);
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key,
                                     [](const std::unique_ptr<Row> &r, const SortKey &k) {
                                         return before(keyOf(r->hostId, r->alert), k);
                                     });
    Q_ASSERT(at != m_rows.cend() && at->get() == row);
    return int(at - m_rows.cbegin());
}

int AlertsModel::rowOf(const QString &hostId, const QString &condition) const {
    const auto host = m_byHost.constFind(hostId);
    if (host == m_byHost.cend())
        return -1;
    const auto it = host->constFind(condition);
    return it == host->cend() ? -1 : indexOf(*it);
}

void AlertsModel::eraseRows(QList<int> rows) {
    const QList<std::pair<int, int>> runs = runsOf(std::move(rows));
    for (auto run = runs.crbegin(); run != runs.crend(); ++run) { // last first: indexes hold
        beginRemoveRows({}, run->first, run->second);
        for (int i = run->first; i <= run->second; ++i)
            --m_counts.at(std::size_t(m_rows.at(std::size_t(i))->alert.finding.severity));
        m_rows.erase(m_rows.begin() + run->first, m_rows.begin() + run->second + 1);
        endRemoveRows();
    }
}

void AlertsModel::announceChanged(QList<int> rows) {
    for (const auto &[first, last] : runsOf(std::move(rows)))
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void AlertsModel::insertSorted(std::vector<std::unique_ptr<Row>> rows) {
    const auto less = [](const std::unique_ptr<Row> &a, const std::unique_ptr<Row> &b) {
        return before(keyOf(a->hostId, a->alert), keyOf(b->hostId, b->alert));
    };
    std::sort(rows.begin(), rows.end(), less);
    // In runs: the new rows that fall between the same two existing rows go in together.
    auto from = m_rows.begin();
    for (std::size_t i = 0; i < rows.size();) {
        from = std::lower_bound(from, m_rows.end(), rows[i], less);
        std::size_t end = i + 1;
        while (end < rows.size() && (from == m_rows.end() || less(rows[end], *from)))
            ++end;
        const int at = int(from - m_rows.begin());
        beginInsertRows({}, at, at + int(end - i) - 1);
        for (std::size_t k = i; k < end; ++k)
            ++m_counts.at(std::size_t(rows[k]->alert.finding.severity));
        from = m_rows.insert(from, std::make_move_iterator(rows.begin() + std::ptrdiff_t(i)),
                             std::make_move_iterator(rows.begin() + std::ptrdiff_t(end)));
        from += std::ptrdiff_t(end - i);
        endInsertRows();
        i = end;
    }
}

void AlertsModel::removeHost(const QString &hostId) {
    const auto host = m_byHost.constFind(hostId);
    if (host == m_byHost.cend())
        return;
    QList<int> rows;
    rows.reserve(host->size());
    for (const Row *row : *host)
        rows.append(indexOf(row));
    m_byHost.erase(host);
    eraseRows(std::move(rows));
    Q_EMIT countsChanged();
}

int AlertsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = *m_rows.at(std::size_t(index.row()));
    const HealthFinding &f = r.alert.finding;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SeverityColumn:
            return severityName(f.severity);
        case HostColumn:
            return r.hostName;
        case GuestColumn:
            return f.guest.isEmpty() ? tr("(host)") : f.guest;
        case RuleColumn:
            return healthRuleTitle(f.rule);
        case FindingColumn:
            return f.message;
        case SinceColumn:
            if (r.since.isEmpty())
                r.since = QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.alert.sinceMs),
                                             QLocale::ShortFormat);
            return r.since;
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole &&
        (index.column() == FindingColumn || index.column() == RuleColumn))
        return f.remedy.isEmpty() ? f.message : tr("%1\n\nWhat to do: %2").arg(f.message, f.remedy);
    if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        QIcon &icon = m_icons.at(std::size_t(f.severity));
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(
                f.severity == Severity::Critical  ? QStyle::SP_MessageBoxCritical
                : f.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                  : QStyle::SP_MessageBoxInformation);
        return icon;
    }
    if (role == Qt::UserRole)
        return f.condition;
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case HostColumn:
        return tr("Host");
    case GuestColumn:
        return tr("Guest");
    case RuleColumn:
        return tr("Rule");
    case FindingColumn:
        return tr("Finding");
    case SinceColumn:
        return tr("Since");
    default:
        break;
    }
    return {};
}

} // namespace bs::gui
