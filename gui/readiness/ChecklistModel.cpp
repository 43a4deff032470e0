#include "ChecklistModel.h"

#include "ReadinessIcons.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QPalette>

namespace bs::gui {

ChecklistModel::ChecklistModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ChecklistModel::setReport(const ReadinessReport &report) {
    beginResetModel();
    m_checks = report.checks;
    m_deciding = report.decidingCheck;
    endResetModel();
}

int ChecklistModel::decidingRow() const {
    for (int i = 0; i < m_checks.size(); ++i) {
        if (m_deciding == m_checks.at(i).id)
            return i;
    }
    return -1;
}

int ChecklistModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_checks.size());
}

int ChecklistModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_checks.size())
        return {};
    const ReadinessCheck &check = m_checks.at(index.row());
    const bool deciding = m_deciding == check.id;
    const bool agent = check.source() == CheckSource::Agent;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Check:
            return check.title();
        case Result:
            return checkStatusName(check.status);
        case Source:
            return agent ? tr("guest agent") : tr("host");
        case Evidence:
            return check.evidence;
        case Remedy:
            return check.remedy;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == Result)
            return checkStatusIcon(check.status);
        return {};
    case Qt::ToolTipRole: {
        QString tip;
        if (index.column() == Evidence)
            tip = check.evidence;
        else if (index.column() == Remedy)
            tip = check.remedy;
        else if (index.column() == Source)
            tip = agent ? tr("Asked through the QEMU guest agent (opt-in per host).")
                        : tr("Seen from the host, without the guest's help.");
        else
            tip = check.title();
        if (deciding)
            tip += QLatin1Char('\n') + tr("The verdict rests on this check.");
        if (!check.commands.isEmpty() && index.column() == Remedy)
            tip += QLatin1Char('\n') + check.commands.join(QLatin1Char('\n'));
        return tip;
    }
    case Qt::FontRole:
        if (deciding) {
            QFont font = QApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (deciding) {
            QColor c = QApplication::palette().color(QPalette::Highlight);
            c.setAlpha(48);
            return c;
        }
        return {};
    case DecidingRole:
        return deciding;
    case CheckKeyRole:
        return check.key();
    case StatusKeyRole:
        return checkStatusKey(check.status);
    default:
        return {};
    }
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Check:
        return tr("Check");
    case Result:
        return tr("Result");
    case Source:
        return tr("Source");
    case Evidence:
        return tr("What was seen");
    case Remedy:
        return tr("What to do");
    default:
        return {};
    }
}

} // namespace bs::gui
