#include "AlertsModel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QStyle>

#include <algorithm>

namespace bs::gui {

AlertsModel::AlertsModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void AlertsModel::setAlerts(const QString &hostId, const QString &hostName,
                            const QList<ActiveAlert> &alerts) {
    QList<Row> rows;
    rows.reserve(alerts.size());
    for (const ActiveAlert &a : alerts)
        rows.append({hostId, hostName, a});
    if (rows.isEmpty())
        m_byHost.remove(hostId);
    else
        m_byHost.insert(hostId, rows);
    rebuild();
}

void AlertsModel::removeHost(const QString &hostId) {
    if (m_byHost.remove(hostId) > 0)
        rebuild();
}

void AlertsModel::rebuild() {
    beginResetModel();
    m_rows.clear();
    for (const QList<Row> &rows : std::as_const(m_byHost))
        m_rows += rows;
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.alert.finding.severity != b.alert.finding.severity)
            return a.alert.finding.severity > b.alert.finding.severity;
        if (a.alert.sinceMs != b.alert.sinceMs)
            return a.alert.sinceMs > b.alert.sinceMs; // newest first
        return a.alert.finding.condition < b.alert.finding.condition;
    });
    endResetModel();
}

int AlertsModel::count(Severity severity) const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [severity](const Row &r) {
        return r.alert.finding.severity == severity;
    }));
}

int AlertsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
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
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.alert.sinceMs),
                                      QLocale::ShortFormat);
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole &&
        (index.column() == FindingColumn || index.column() == RuleColumn))
        return f.remedy.isEmpty() ? f.message : tr("%1\n\nWhat to do: %2").arg(f.message, f.remedy);
    if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        const QStyle::StandardPixmap icon =
            f.severity == Severity::Critical  ? QStyle::SP_MessageBoxCritical
            : f.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                              : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(icon);
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
