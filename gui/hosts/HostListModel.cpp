#include "HostListModel.h"

#include "common/StatusDot.h"
#include "libvirt/ConnectionUri.h"

#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace bs::gui {

namespace {

QColor stateColor(HostStatus::State state) {
    switch (state) {
    case HostStatus::State::Connected:
        return QColor(0x2e, 0x7d, 0x32);
    case HostStatus::State::Connecting:
    case HostStatus::State::NeedsCredentials:
        return QColor(0xf9, 0xa8, 0x25);
    case HostStatus::State::Disconnected:
    case HostStatus::State::AuthFailed:
        return QColor(0xc6, 0x28, 0x28);
    case HostStatus::State::Idle:
    case HostStatus::State::Stopped:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

} // namespace

HostListModel::HostListModel(QObject *parent)
    : QAbstractTableModel(parent) {
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &HostListModel::tick);
}

int HostListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HostListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == HostColumn) {
            // Two lines: the host, and its status in full (the view wraps it), so that
            // "disconnected: reason, retry in N s" is read at any width.
            QString name = row.displayName;
            if (row.demo)
                name = tr("%1 [Demo]").arg(name);
            if (row.status.state == HostStatus::State::Connected)
                name = tr("%1 — %n guest(s)", nullptr, row.guests).arg(name);
            return name + QLatin1Char('\n') + statusLine(row);
        }
        return statusLine(row);
    case Qt::DecorationRole:
        if (index.column() != HostColumn)
            return {};
        return statusDot(row.staleReason.isEmpty() ? stateColor(row.status.state)
                                                   : stateColor(HostStatus::State::Connecting));
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br>%2")
                          .arg(row.hostId.toHtmlEscaped(), statusLine(row).toHtmlEscaped());
        if (!row.status.hostname.isEmpty())
            tip += QStringLiteral("<br>") +
                   tr("Host name: %1").arg(row.status.hostname.toHtmlEscaped());
        if (row.status.readOnly)
            tip += QStringLiteral("<br>") + tr("Read-only connection");
        if (!row.status.detail.isEmpty())
            tip += QStringLiteral("<br><small>%1</small>").arg(row.status.detail.toHtmlEscaped());
        return tip;
    }
    case HostIdRole:
        return row.hostId;
    case StateRole:
        return int(row.status.state);
    default:
        return {};
    }
}

QVariant HostListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == HostColumn ? tr("Host") : tr("Status");
}

void HostListModel::addHost(const QString &hostId, const QString &displayName, bool demo) {
    if (rowOf(hostId) >= 0)
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    Row row;
    row.hostId = hostId;
    row.displayName = displayName;
    row.demo = demo;
    row.status.hostId = hostId;
    m_rows.append(row);
    endInsertRows();
}

void HostListModel::removeHost(const QString &hostId) {
    const int row = rowOf(hostId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

QString HostListModel::statusLine(const Row &row) const {
    // A connected host that does not answer: what matters is that it does not.
    if (row.status.state == HostStatus::State::Connected && !row.staleReason.isEmpty())
        return row.staleReason;
    return row.status.summary(QDateTime::currentMSecsSinceEpoch());
}

void HostListModel::setStaleReason(const QString &hostId, const QString &reason) {
    const int row = rowOf(hostId);
    if (row < 0 || m_rows.at(row).staleReason == reason)
        return;
    m_rows[row].staleReason = reason;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void HostListModel::updateStatus(const HostStatus &status) {
    const int row = rowOf(status.hostId);
    if (row < 0)
        return;
    m_rows[row].status = status;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    const bool anyCounting = std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &r) {
        return r.status.state == HostStatus::State::Disconnected && r.status.nextRetryMs > 0;
    });
    if (anyCounting && !m_countdown.isActive())
        m_countdown.start();
    else if (!anyCounting)
        m_countdown.stop();
}

void HostListModel::setGuestCount(const QString &hostId, int count) {
    const int row = rowOf(hostId);
    if (row < 0 || m_rows.at(row).guests == count)
        return;
    m_rows[row].guests = count;
    Q_EMIT dataChanged(index(row, HostColumn), index(row, HostColumn));
}

int HostListModel::rowOf(const QString &hostId) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).hostId == hostId)
            return i;
    }
    return -1;
}

QString HostListModel::hostIdAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).hostId : QString();
}

QString HostListModel::displayNameOf(const QString &hostId) const {
    const int row = rowOf(hostId);
    return row >= 0 ? m_rows.at(row).displayName : hostDisplayName(hostId);
}

HostStatus HostListModel::statusOf(const QString &hostId) const {
    const int row = rowOf(hostId);
    return row < 0 ? HostStatus{} : m_rows.at(row).status;
}

int HostListModel::countInState(HostStatus::State state) const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [state](const auto &row) { return row.status.state == state; }));
}

void HostListModel::tick() {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).status.state == HostStatus::State::Disconnected)
            Q_EMIT dataChanged(index(i, HostColumn), index(i, StatusColumn));
    }
}

} // namespace bs::gui
