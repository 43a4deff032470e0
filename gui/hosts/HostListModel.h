#pragma once

#include "monitor/HostStatus.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace bs::gui {

// The hosts the window watches and where each connection stands. The status column counts the
// seconds to the next retry down while a host is disconnected.
class HostListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostListModel)

public:
    enum Column { HostColumn, StatusColumn, ColumnCount };
    enum Role { HostIdRole = Qt::UserRole + 1, StateRole };

    explicit HostListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void addHost(const QString &hostId, const QString &displayName, bool demo = false);
    void removeHost(const QString &hostId);
    void updateStatus(const HostStatus &status);
    void setGuestCount(const QString &hostId, int count);
    // The host is connected but does not answer (HostFreshness): its status line says so
    // instead of "connected". Empty: it answers.
    void setStaleReason(const QString &hostId, const QString &reason);

    int rowOf(const QString &hostId) const;
    QString hostIdAt(int row) const;
    HostStatus statusOf(const QString &hostId) const;
    // How many hosts are in `state` (one pass, no look-up per host).
    int countInState(HostStatus::State state) const;
    // The name the list shows ("kvm1", "embedded QEMU"); the URI's host when not listed.
    QString displayNameOf(const QString &hostId) const;

private:
    struct Row {
        QString hostId;
        QString displayName;
        bool demo = false;
        HostStatus status;
        QString staleReason;
        int guests = 0;
    };
    void tick();
    QString statusLine(const Row &row) const;

    QList<Row> m_rows;
    QTimer m_countdown;
};

} // namespace bs::gui
