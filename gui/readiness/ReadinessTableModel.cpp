#include "ReadinessTableModel.h"

#include "ReadinessIcons.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>

namespace bs::gui {

ReadinessTableModel::ReadinessTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); }) {}

void ReadinessTableModel::setHostNames(std::function<QString(const QString &)> names) {
    m_hostNames = std::move(names);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, HostColumn), index(int(m_rows.size()) - 1, HostColumn));
}

QString ReadinessTableModel::hostName(const QString &hostId) const {
    const QString name = m_hostNames ? m_hostNames(hostId) : QString();
    return name.isEmpty() ? hostId : name;
}

void ReadinessTableModel::setReport(const ReadinessReport &report) {
    int r = rowOf(report.hostId, report.uuid);
    if (r < 0) {
        r = int(m_rows.size());
        beginInsertRows({}, r, r);
        m_rows.append(Row{report.hostId, report.uuid, report.name, report.fix,
                          ReadinessSummary::from(report)});
        m_rowOf[report.hostId].insert(report.uuid, r);
        endInsertRows();
        return;
    }
    // Only the columns that moved: a re-check mostly confirms the verdict, and a change in the
    // sorted column makes the page's proxy take the row out and put it back.
    Row &row = m_rows[r];
    ReadinessSummary summary = ReadinessSummary::from(report);
    const bool verdictMoved = summary.verdict != row.summary.verdict ||
                              summary.stillWatching != row.summary.stillWatching ||
                              report.fix != row.fix;
    const bool nameMoved = report.name != row.name;
    const bool textMoved =
        summary.reason != row.summary.reason || summary.nextStep != row.summary.nextStep;
    row.name = report.name;
    row.fix = report.fix;
    row.summary = std::move(summary);
    const int first = nameMoved      ? GuestColumn
                      : verdictMoved ? VerdictColumn
                      : textMoved    ? ReasonColumn
                                     : CheckedAtColumn;
    Q_EMIT dataChanged(index(r, first), index(r, ColumnCount - 1));
}

void ReadinessTableModel::removeReports(const QString &hostId, const QStringList &uuids) {
    if (uuids.isEmpty())
        m_asOf.remove(hostId);
    if (!m_rowOf.contains(hostId))
        return;
    const QSet<QString> gone(uuids.cbegin(), uuids.cend());
    const auto goes = [&](const Row &row) {
        return row.hostId == hostId && (gone.isEmpty() || gone.contains(row.uuid));
    };
    // Runs of adjacent rows go in one removal each, from the end.
    bool removed = false;
    for (int last = int(m_rows.size()) - 1; last >= 0; --last) {
        if (!goes(m_rows.at(last)))
            continue;
        int first = last;
        while (first > 0 && goes(m_rows.at(first - 1)))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        removed = true;
        last = first;
    }
    if (removed)
        reindex();
}

void ReadinessTableModel::reindex() {
    m_rowOf.clear();
    for (int r = 0; r < m_rows.size(); ++r)
        m_rowOf[m_rows.at(r).hostId].insert(m_rows.at(r).uuid, r);
}

int ReadinessTableModel::rowOf(const QString &hostId, const QString &uuid) const {
    const auto host = m_rowOf.constFind(hostId);
    if (host == m_rowOf.cend())
        return -1;
    return host->value(uuid, -1);
}

const ReadinessSummary *ReadinessTableModel::summaryAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).summary : nullptr;
}

int ReadinessTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReadinessTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReadinessTableModel::verdictText(const Row &row) const {
    const QString verdict = row.summary.stillWatching ? ReadinessTexts::stillChecking()
                                                      : verdictName(row.summary.verdict);
    const auto asOf = m_asOf.constFind(row.hostId);
    return asOf == m_asOf.constEnd() ? verdict : tr("%1 (%2)").arg(verdict, *asOf);
}

void ReadinessTableModel::setHostAsOf(const QString &hostId, const QString &asOf) {
    if (m_asOf.value(hostId) == asOf)
        return;
    if (asOf.isEmpty())
        m_asOf.remove(hostId);
    else
        m_asOf.insert(hostId, asOf);
    // One announcement per run of the host's rows, not one per row.
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).hostId != hostId)
            continue;
        int last = r;
        while (last + 1 < m_rows.size() && m_rows.at(last + 1).hostId == hostId)
            ++last;
        Q_EMIT dataChanged(index(r, 0), index(last, ColumnCount - 1));
        r = last;
    }
}

QVariant ReadinessTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const ReadinessSummary &s = row.summary;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case GuestColumn:
            return row.name;
        case HostColumn:
            return hostName(row.hostId);
        case VerdictColumn:
            return verdictText(row);
        case ReasonColumn:
            return s.reason;
        case NextStepColumn:
            return s.nextStep;
        case CheckedAtColumn:
            return ReadinessTexts::checkedAt(s.timeMs, m_nowMs());
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == VerdictColumn)
            return verdictIcon(s.verdict, s.stillWatching);
        return {};
    case Qt::ForegroundRole:
        if (m_asOf.contains(row.hostId)) // the host does not answer: this is its last word
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ReasonColumn:
            return s.reason;
        case NextStepColumn:
            return s.nextStep;
        case HostColumn:
            return row.hostId;
        case CheckedAtColumn:
            return QDateTime::fromMSecsSinceEpoch(s.timeMs).toString(Qt::ISODate);
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case VerdictColumn:
            // Ready last: what needs attention comes first in ascending order.
            return s.verdict == bs::Verdict::Ready ? 100 : int(s.verdict);
        case CheckedAtColumn:
            return s.timeMs;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case HostIdRole:
        return row.hostId;
    case UuidRole:
        return row.uuid;
    case VerdictKeyRole:
        return verdictKey(s.verdict);
    case FixKindRole:
        return fixKindKey(row.fix);
    default:
        return {};
    }
}

QVariant ReadinessTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GuestColumn:
        return tr("Guest");
    case HostColumn:
        return tr("Host");
    case VerdictColumn:
        return tr("Verdict");
    case ReasonColumn:
        return tr("Why");
    case NextStepColumn:
        return tr("Next step");
    case CheckedAtColumn:
        return tr("Checked at");
    default:
        return {};
    }
}

} // namespace bs::gui
